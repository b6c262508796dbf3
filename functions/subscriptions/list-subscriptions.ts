// Shows the customer their services and support subscriptions (the services table), or a distributor one client's.

import * as api from '#shared/api/subscriptions.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { listSubscriptions, subscriptionsOwner } from '#shared/subscriptions/list.ts';

export const handler = customerHttpHandler(api.listSubscriptions, async ({ query, customer: caller }) => {
  const { clientId, status, kind, ...page } = query;
  const owner = await subscriptionsOwner(caller.accountId, clientId);
  const found = await listSubscriptions(owner.accountId, page, { ...(status ? { status } : {}), ...(kind ? { kind } : {}) });
  const client = owner.client;
  return { body: client ? { ...found, items: found.items.map((subscription) => ({ ...subscription, client })) } : found };
});
