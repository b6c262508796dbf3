// Staff: the customer page — one account with the first page of each section; an unknown account is not found.

import { staffCaller } from '#shared/accounts/caller.ts';
import { getCustomerPage } from '#shared/accounts/customer-page.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/customer-page.ts';

export const handler = httpHandler(api.getCustomer, async ({ path, event }) => {
  await staffCaller(event);
  return { body: await getCustomerPage(path.accountId) };
});
