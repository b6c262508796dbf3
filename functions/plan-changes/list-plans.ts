// Shows the plans a service subscription may move to, with what each would charge or credit now.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { plansOfSubscription } from '#shared/subscriptions/change-plan.ts';
import { toSubscriptionView } from '#shared/subscriptions/model.ts';
import * as api from '#shared/api/plan-changes.ts';

export const handler = customerHttpHandler(api.listPlans, async ({ customer, path, query }) => {
  const { at, subscription, ...plans } = await plansOfSubscription(customer.accountId, path.subscriptionId, query.clientId);
  return { body: { ...plans, subscription: toSubscriptionView(subscription, at) } };
});
