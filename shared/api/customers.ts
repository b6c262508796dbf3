// Contracts of the staff's view of customer accounts.

import { pageOf, timestamp } from '#shared/api/common.ts';
import { contract, json, staff } from '#shared/api/contract.ts';
import { pageQuery } from '#shared/http/schemas.ts';
import { SEARCH_KINDS } from '#shared/search/kinds.ts';
import * as z from '#shared/validation.ts';

/** What staff type into the search box: the web form reads its limits from here. */
export const customerSearchText = z.string().check(z.trim(), z.minLength(2), z.maxLength(200));

// Listed before any `/api/admin/customers/{accountId}` route: the local server takes the first path that matches.
export const searchCustomers = contract({
  method: 'GET',
  path: '/api/admin/customers/search',
  summary:
    'Staff: customer accounts by name or e-mail prefix, order reference, licence serial, contract number, activation key or VAT id (case and accents ignored), at most 25.',
  access: staff('admin', 'support', 'billing'),
  request: { query: z.strictObject({ q: customerSearchText }) },
  response: json(
    z.strictObject({
      items: z.array(
        z.strictObject({
          accountId: z.string(),
          name: z.string(),
          country: z.optional(z.string()),
          contactEmail: z.string(),
          licenceCount: z.number().check(z.int()),
          lastOrder: z.optional(z.strictObject({ reference: z.string(), orderedAt: timestamp })),
          matched: z.strictObject({ kind: z.enum(SEARCH_KINDS), value: z.string() }),
        }),
      ),
      /** More accounts match than the 25 answered: a longer query narrows them. */
      more: z.boolean(),
    }),
  ),
});

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
