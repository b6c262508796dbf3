// Shows a distributor's people its client accounts with their licence counts ("all clients").

import { getAccount } from '#shared/accounts/account.ts';
import { listClients } from '#shared/accounts/distributors.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import * as api from '#shared/api/distributors.ts';

export const handler = customerHttpHandler(api.listMyClients, async ({ query, customer: caller }) => {
  const account = await getAccount(caller.accountId);
  const distributor = account?.distributor === true || (account?.clientCount ?? 0) > 0;
  const clients = distributor ? await listClients(caller.accountId, query) : { items: [] };
  return { body: { distributor: account?.distributor === true, ...clients } };
});
