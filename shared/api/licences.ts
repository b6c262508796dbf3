// Contracts of the customer's licences: list, detail, signed file, activations, transfer and deactivation.

import { pageOf, timestamp } from '#shared/api/common.ts';
import { contract, customerRoles, file, json } from '#shared/api/contract.ts';
import { ROLE_AREAS } from '#shared/accounts/roles.ts';
import { pageQuery, sortedPageQuery, ulidSchema } from '#shared/http/schemas.ts';
import { licenceEventFields, licenceFields } from '#shared/licences/fields.ts';
import { computerIdSchema } from '#shared/licences/schemas.ts';
import { supportSubscriptionFields } from '#shared/support/fields.ts';
import * as z from '#shared/validation.ts';

const licencePath = z.strictObject({ licenceId: ulidSchema });

const licenceViewFields = { ...licenceFields(timestamp), supportActive: z.boolean() };

export const licenceView = z.strictObject(licenceViewFields);

export const supportSubscriptionView = z.strictObject({
  ...supportSubscriptionFields(timestamp),
  status: z.enum(['active', 'expiring', 'expired']),
});

const bindingFields = {
  licenceId: z.string(),
  computerId: z.optional(z.string()),
  activatedAt: z.optional(timestamp),
  transfers: z.strictObject({
    limit: z.number(),
    windowDays: z.number(),
    used: z.number(),
    remaining: z.number(),
    nextAvailableAt: z.optional(timestamp),
  }),
};
const licenceBinding = z.strictObject(bindingFields);

const licenceEvent = z.strictObject(licenceEventFields(timestamp));

export const listLicences = contract({
  method: 'GET',
  path: '/api/licences',
  summary: "The signed-in customer's licences, newest first unless sort=asc, with whether support is active.",
  access: customerRoles(ROLE_AREAS.technicalRead),
  request: { query: sortedPageQuery },
  response: json(pageOf(licenceView)),
});

export const getLicence = contract({
  method: 'GET',
  path: '/api/licences/{licenceId}',
  summary: 'One of the customer’s licences with the support subscriptions covering it.',
  access: customerRoles(ROLE_AREAS.technicalRead),
  request: { path: licencePath },
  response: json(z.strictObject({ ...licenceViewFields, supportSubscriptions: z.array(supportSubscriptionView) })),
});

export const downloadLicenceFile = contract({
  method: 'GET',
  path: '/api/licences/{licenceId}/file',
  summary: 'One of the customer’s licences as a signed .lic file.',
  access: customerRoles(ROLE_AREAS.technicalRead),
  request: { path: licencePath },
  response: file('text/plain; charset=utf-8', 'The signed licence file (docs/licence-files.md).'),
});

export const listLicenceActivations = contract({
  method: 'GET',
  path: '/api/licences/{licenceId}/activations',
  summary: 'Which computer a licence is on, the transfers left, and its audit trail, newest first.',
  access: customerRoles(ROLE_AREAS.technicalRead),
  request: { path: licencePath, query: pageQuery },
  response: json(z.strictObject({ ...bindingFields, items: z.array(licenceEvent), nextCursor: z.optional(z.string()) })),
});

export const transferLicence = contract({
  method: 'POST',
  path: '/api/licences/{licenceId}/transfer',
  summary: 'Moves the licence to another computer (limited per licence per 30 days), with an audit entry.',
  access: customerRoles(ROLE_AREAS.technicalWrite),
  request: { path: licencePath, body: z.strictObject({ toComputerId: computerIdSchema }) },
  response: json(licenceBinding),
});

export const deactivateLicence = contract({
  method: 'POST',
  path: '/api/licences/{licenceId}/deactivate',
  summary: 'Frees the licence from its computer (counts as a transfer), with an audit entry.',
  access: customerRoles(ROLE_AREAS.technicalWrite),
  request: { path: licencePath },
  response: json(licenceBinding),
});
