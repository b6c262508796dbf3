// Shows one subscription on its manage page: its details and the newest page of its history.

import * as api from '#shared/api/subscriptions.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { subscriptionDetail, subscriptionsOwner } from '#shared/subscriptions/list.ts';

export const handler = customerHttpHandler(api.getSubscription, async ({ path, query, customer: caller }) => {
  const owner = await subscriptionsOwner(caller.accountId, query.clientId);
  const detail = await subscriptionDetail(owner.accountId, path.subscriptionId, caller.accountId);
  return { body: owner.client ? { ...detail, client: owner.client } : detail };
});
