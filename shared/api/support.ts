// Contracts of the customer's support & updates subscriptions.

import { pageOf } from '#shared/api/common.ts';
import { contract, customerRoles, file, json } from '#shared/api/contract.ts';
import { ROLE_AREAS } from '#shared/accounts/roles.ts';
import { supportSubscriptionView } from '#shared/api/licences.ts';
import { sortedPageQuery, ulidSchema } from '#shared/http/schemas.ts';
import * as z from '#shared/validation.ts';

export const listSupportSubscriptions = contract({
  method: 'GET',
  path: '/api/support',
  summary: "The customer's support & updates subscriptions with their status, newest start first unless sort=asc.",
  access: customerRoles(ROLE_AREAS.technicalRead),
  request: { query: sortedPageQuery },
  response: json(pageOf(supportSubscriptionView)),
});

export const downloadSupportFile = contract({
  method: 'GET',
  path: '/api/support/{subscriptionId}/file',
  summary: 'One of the customer’s support & updates subscriptions as a signed .lic file.',
  access: customerRoles(ROLE_AREAS.technicalRead),
  request: { path: z.strictObject({ subscriptionId: ulidSchema }) },
  response: file('text/plain; charset=utf-8', 'The signed support file (docs/licence-files.md).'),
});
