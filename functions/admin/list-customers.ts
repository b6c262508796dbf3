// Staff: lists every customer account, newest first.

import { staffCaller } from '#shared/accounts/caller.ts';
import { listAccounts } from '#shared/accounts/list-accounts.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/customers.ts';

export const handler = httpHandler(api.listCustomers, async ({ query, event }) => {
  await staffCaller(event);
  return { body: await listAccounts(query) };
});
