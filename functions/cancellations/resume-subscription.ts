// Owner or billing: keeps a subscription cancelled at the period's end after all (before paid-until).

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { resumeSubscription } from '#shared/subscriptions/cancel.ts';
import { toSubscriptionView } from '#shared/subscriptions/model.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/cancellations.ts';

export const handler = customerHttpHandler(api.resumeSubscription, async ({ customer, path }) => {
  const at = now();
  const subscription = await resumeSubscription({ accountId: customer.accountId, subscriptionId: path.subscriptionId, at, by: 'customer' });
  return { body: { subscription: toSubscriptionView(subscription, at) } };
});
