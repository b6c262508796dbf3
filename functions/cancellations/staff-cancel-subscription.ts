// Staff (admin, billing): cancel a customer's subscription now with the prorated refund, or at the period's end; audited.

import { httpHandler } from '#shared/http/handler.ts';
import { cancelSubscription } from '#shared/subscriptions/cancel.ts';
import { toSubscriptionView } from '#shared/subscriptions/model.ts';
import { mailCancellation } from '#shared/subscriptions/service-mail.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/cancellations.ts';

export const handler = httpHandler(api.staffCancelSubscription, async ({ path, body, audit }) => {
  const at = now();
  const target = { kind: 'subscription' as const, id: path.subscriptionId, accountId: path.accountId };
  const result = await cancelSubscription({
    accountId: path.accountId,
    subscriptionId: path.subscriptionId,
    at,
    by: 'staff',
    reason: body.reason,
    refund: body.refund,
    write: (items) => audit.commit({ target, changes: [{ field: 'status', after: body.refund ? 'ended' : 'cancelled' }], items }),
  });
  if (result.replayed) audit.replayed();
  else await mailCancellation(result);
  return { body: { ...result, subscription: toSubscriptionView(result.subscription, at) } };
});
