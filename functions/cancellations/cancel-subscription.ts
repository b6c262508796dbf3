// Owner or billing (a distributor's, for its client): cancels a subscription per the stage's terms (at the period's
// end, or now with the unused days refunded to whoever paid them).

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { cancellingAs, cancelSubscription } from '#shared/subscriptions/cancel.ts';
import { toSubscriptionView } from '#shared/subscriptions/model.ts';
import { mailCancellation } from '#shared/subscriptions/service-mail.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/cancellations.ts';

export const handler = customerHttpHandler(api.cancelSubscription, async ({ customer, path, body }) => {
  const at = now();
  const { accountId, client } = await cancellingAs(customer.accountId, body.clientId);
  const result = await cancelSubscription({
    accountId,
    subscriptionId: path.subscriptionId,
    at,
    by: 'customer',
    ...(client ? { client } : {}),
    ...(body.reason ? { reason: body.reason } : {}),
    ...(body.acceptedRefundMinor !== undefined ? { acceptedRefundMinor: body.acceptedRefundMinor } : {}),
  });
  if (!result.replayed) await mailCancellation(result);
  return { body: { ...result, subscription: toSubscriptionView(result.subscription, at) } };
});
