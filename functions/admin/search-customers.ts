// Staff: finds customer accounts by name or e-mail prefix, order reference, serial, contract number, activation key or VAT id.

import { staffCaller } from '#shared/accounts/caller.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { searchCustomers } from '#shared/search/search-customers.ts';
import * as api from '#shared/api/customers.ts';

export const handler = httpHandler(api.searchCustomers, async ({ query, event }) => {
  await staffCaller(event);
  return { body: await searchCustomers(query.q) };
});
