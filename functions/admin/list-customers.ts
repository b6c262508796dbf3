// Staff: lists every customer account, newest first.

import { staffCaller } from '#shared/accounts/caller.ts';
import { listAccounts } from '#shared/accounts/list-accounts.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { pageQuery } from '#shared/http/schemas.ts';

export const handler = httpHandler({ query: pageQuery }, async ({ query, event }) => {
  await staffCaller(event);
  return { body: await listAccounts(query) };
});
