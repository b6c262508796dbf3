// Shows more of a subscription's history ("more" on the manage page).

import * as api from '#shared/api/subscriptions.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { subscriptionHistory, subscriptionsOwner } from '#shared/subscriptions/list.ts';

export const handler = customerHttpHandler(api.listSubscriptionHistory, async ({ path, query, customer: caller }) => {
  const { clientId, ...page } = query;
  const owner = await subscriptionsOwner(caller.accountId, clientId);
  return { body: await subscriptionHistory(owner.accountId, path.subscriptionId, page) };
});
