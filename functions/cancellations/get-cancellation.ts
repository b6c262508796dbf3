// What cancelling a subscription now would do: when it ends, and what goes back to the balance.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { cancellationPreview } from '#shared/subscriptions/cancel.ts';
import { toSubscriptionView } from '#shared/subscriptions/model.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/cancellations.ts';

export const handler = customerHttpHandler(api.getCancellation, async ({ customer, path }) => {
  const at = now();
  const preview = await cancellationPreview(customer.accountId, path.subscriptionId, at);
  return { body: { ...preview, subscription: toSubscriptionView(preview.subscription, at) } };
});
