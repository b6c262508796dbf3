// Contracts of the signed-in customer's own account.

import { pageOf } from '#shared/api/common.ts';
import { contract, customer, json } from '#shared/api/contract.ts';
import { pageQuery } from '#shared/http/schemas.ts';
import { signInFields } from '#shared/api/security.ts';
import { CUSTOMER_ROLES } from '#shared/accounts/roles.ts';
import * as z from '#shared/validation.ts';

export const getMyAccount = contract({
  method: 'GET',
  path: '/api/me',
  summary: 'The signed-in customer and their account: name, contact, activation key and claimed support contracts.',
  access: customer,
  request: {},
  response: json(
    z.strictObject({
      email: z.string(),
      /** The person's role in the account they act for: the pages hide the areas the role cannot use. */
      role: z.enum(CUSTOMER_ROLES),
      account: z.strictObject({
        accountId: z.string(),
        name: z.string(),
        activationKey: z.string(),
        contactEmail: z.string(),
        /** A distributor (issue #15): the navigation shows its clients' pages. */
        distributor: z.optional(z.boolean()),
      }),
      /** The support contracts the account has claimed, with their status computed when read. */
      contracts: z.array(
        z.strictObject({
          contractNumber: z.string(),
          product: z.string(),
          startsOn: z.iso.date(),
          endsOn: z.iso.date(),
          status: z.enum(['upcoming', 'active', 'expiring', 'expired']),
        }),
      ),
    }),
  ),
});

export const listMySignIns = contract({
  method: 'GET',
  path: '/api/me/sign-ins',
  summary: 'The signed-in person’s recent sign-ins: when, from which IP address, and how.',
  access: customer,
  request: { query: pageQuery },
  response: json(
    pageOf(
      z.strictObject({
        ...signInFields,
      }),
    ),
  ),
});
