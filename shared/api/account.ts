// Contracts of the signed-in customer's own account.

import { pageOf, timestamp } from '#shared/api/common.ts';
import { contract, customer, json } from '#shared/api/contract.ts';
import { pageQuery } from '#shared/http/schemas.ts';
import * as z from '#shared/validation.ts';

export const getMyAccount = contract({
  method: 'GET',
  path: '/api/me',
  summary: 'The signed-in customer and their account: name, contact and activation key.',
  access: customer,
  request: {},
  response: json(
    z.strictObject({
      email: z.string(),
      account: z.strictObject({ accountId: z.string(), name: z.string(), activationKey: z.string(), contactEmail: z.string() }),
      /** The account's support contracts (added by the contracts work; optional until it lands). */
      contracts: z.optional(z.array(z.looseObject({}))),
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
        at: timestamp,
        sourceIp: z.string(),
        method: z.enum(['password', 'order-number']),
        userAgent: z.optional(z.string()),
      }),
    ),
  ),
});
