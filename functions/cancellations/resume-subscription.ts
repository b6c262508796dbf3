// Owner or billing (a distributor's, for its client): keeps a subscription cancelled at the period's end after all.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { cancellingAs, resumeSubscription } from '#shared/subscriptions/cancel.ts';
import { toSubscriptionView } from '#shared/subscriptions/model.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/cancellations.ts';

export const handler = customerHttpHandler(api.resumeSubscription, async ({ customer, path, body }) => {
  const at = now();
  const { accountId } = await cancellingAs(customer.accountId, body.clientId);
  const subscription = await resumeSubscription({ accountId, subscriptionId: path.subscriptionId, at, by: 'customer' });
  return { body: { subscription: toSubscriptionView(subscription, at) } };
});
