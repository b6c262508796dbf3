// Contracts of the customer's support & updates subscriptions.

import { pageOf } from '#shared/api/common.ts';
import { contract, customer, file, json } from '#shared/api/contract.ts';
import { supportSubscriptionView } from '#shared/api/licences.ts';
import { sortedPageQuery, ulidSchema } from '#shared/http/schemas.ts';
import * as z from '#shared/validation.ts';

export const listSupportSubscriptions = contract({
  method: 'GET',
  path: '/api/support',
  summary: "The customer's support & updates subscriptions with their status, newest start first unless sort=asc.",
  access: customer,
  request: { query: sortedPageQuery },
  response: json(pageOf(supportSubscriptionView)),
});

export const downloadSupportFile = contract({
  method: 'GET',
  path: '/api/support/{subscriptionId}/file',
  summary: 'One of the customer’s support & updates subscriptions as a signed .lic file.',
  access: customer,
  request: { path: z.strictObject({ subscriptionId: ulidSchema }) },
  response: file('text/plain; charset=utf-8', 'The signed support file (docs/licence-files.md).'),
});
