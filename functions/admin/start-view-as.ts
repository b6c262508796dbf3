// Staff: start a read-only view of a customer's pages, as the account's owner sees them, for an hour. The reason and
// the start are in the audit (shared/accounts/view-as.ts explains the session).

import { getAccount } from '#shared/accounts/account.ts';
import { membersOfAccount } from '#shared/accounts/membership.ts';
import { VIEW_AS_SECONDS, viewAsSessionItem } from '#shared/accounts/view-as.ts';
import { tableName } from '#shared/db/client.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/audit.ts';

/** Enough to find the owner among an account's owner and contacts. */
const MAX_MEMBERS_READ = 25;

export const handler = httpHandler(api.startViewAs, async ({ path, audit }) => {
  const [account, members] = await Promise.all([getAccount(path.accountId), membersOfAccount(path.accountId, MAX_MEMBERS_READ)]);
  const owner = members.find((member) => member.role === 'owner') ?? members[0];
  if (!account || !owner) throw new NotFoundError('No such customer account.');
  const startedAt = now();
  const expiresAt = Math.floor(startedAt.getTime() / 1000) + VIEW_AS_SECONDS;
  const session = {
    staffUserId: audit.staff.userId,
    accountId: account.accountId,
    ownerUserId: owner.userId,
    ownerEmail: owner.email,
    startedAt: startedAt.toISOString(),
    expiresAt,
  };
  await audit.commit({
    target: { kind: 'account', id: account.accountId, accountId: account.accountId, label: account.name },
    items: [{ Put: { TableName: tableName(), Item: viewAsSessionItem(session) } }],
  });
  return {
    status: 201,
    body: {
      accountId: account.accountId,
      accountName: account.name,
      ownerEmail: owner.email,
      expiresAt: new Date(expiresAt * 1000).toISOString(),
    },
  };
});
