// Owner or billing: moves a service to another plan at the amount the preview showed.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { changePlan } from '#shared/subscriptions/change-plan.ts';
import { toSubscriptionView } from '#shared/subscriptions/model.ts';
import { mailPlanCredit } from '#shared/subscriptions/service-mail.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/plan-changes.ts';

export const handler = customerHttpHandler(api.changePlan, async ({ customer, path, body }) => {
  const result = await changePlan(customer, path.subscriptionId, body);
  const { order, credit } = result;
  if (credit && result.from && !result.replayed) {
    await mailPlanCredit({ accountId: credit.accountId, from: result.from, subscription: result.subscription, credit });
  }
  return {
    status: result.replayed ? 200 : 201,
    body: {
      outcome: result.outcome,
      subscription: toSubscriptionView(result.subscription, now()),
      ...(result.choice ? { choice: result.choice } : {}),
      ...(order
        ? { order: { orderId: order.orderId, reference: order.reference, status: order.shop?.status ?? 'fulfilled', total: order.total } }
        : {}),
      ...(credit
        ? {
            credit: {
              amountMinor: credit.amountMinor,
              currency: credit.currency,
              ...(credit.correction ? { correction: credit.correction } : {}),
            },
          }
        : {}),
    },
  };
});
