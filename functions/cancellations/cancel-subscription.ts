// Owner or billing: cancels a subscription per the stage's terms (at the period's end, or now with a prorated refund).

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { cancelSubscription } from '#shared/subscriptions/cancel.ts';
import { toSubscriptionView } from '#shared/subscriptions/model.ts';
import { mailCancellation } from '#shared/subscriptions/service-mail.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/cancellations.ts';

export const handler = customerHttpHandler(api.cancelSubscription, async ({ customer, path, body }) => {
  const at = now();
  const result = await cancelSubscription({
    accountId: customer.accountId,
    subscriptionId: path.subscriptionId,
    at,
    by: 'customer',
    ...(body.reason ? { reason: body.reason } : {}),
    ...(body.acceptedRefundMinor !== undefined ? { acceptedRefundMinor: body.acceptedRefundMinor } : {}),
  });
  if (!result.replayed) await mailCancellation(result);
  return { body: { ...result, subscription: toSubscriptionView(result.subscription, at) } };
});
