// Staff: the next pages of a customer account's licences, newest first; an unknown account is not found.

import { staffCaller } from '#shared/accounts/caller.ts';
import { requireAccount } from '#shared/accounts/customer-page.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { listLicences } from '#shared/licences/list-licences.ts';
import * as api from '#shared/api/customer-page.ts';

export const handler = httpHandler(api.listCustomerLicences, async ({ path, query, event }) => {
  await staffCaller(event);
  const [, page] = await Promise.all([requireAccount(path.accountId), listLicences(path.accountId, query)]);
  return { body: page };
});
