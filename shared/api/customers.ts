// Contracts of the staff's view of customer accounts.

import { pageOf, timestamp } from '#shared/api/common.ts';
import { contract, json, staff } from '#shared/api/contract.ts';
import { pageQuery } from '#shared/http/schemas.ts';
import * as z from '#shared/validation.ts';

export const listCustomers = contract({
  method: 'GET',
  path: '/api/admin/customers',
  summary: 'Staff: every customer account, newest first.',
  access: staff('admin', 'support', 'billing'),
  request: { query: pageQuery },
  response: json(
    pageOf(
      z.strictObject({
        accountId: z.string(),
        name: z.string(),
        contactEmail: z.string(),
        country: z.optional(z.string()),
        createdAt: timestamp,
      }),
    ),
  ),
});
