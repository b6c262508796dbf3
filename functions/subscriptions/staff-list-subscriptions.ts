// Staff: the customer page's subscriptions section.

import { getAccount } from '#shared/accounts/account.ts';
import * as api from '#shared/api/subscriptions.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { listSubscriptions } from '#shared/subscriptions/list.ts';

export const handler = httpHandler(api.staffListSubscriptions, async ({ path, query }) => {
  const { status, kind, ...page } = query;
  const [account, found] = await Promise.all([
    getAccount(path.accountId),
    listSubscriptions(path.accountId, page, { ...(status ? { status } : {}), ...(kind ? { kind } : {}) }),
  ]);
  if (!account) throw new NotFoundError('No such account.');
  return { body: found };
});
