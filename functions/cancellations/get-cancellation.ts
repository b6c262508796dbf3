// What cancelling a subscription now would do: when it ends, and what goes back to which balance.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { cancellationPreview, cancellingAs } from '#shared/subscriptions/cancel.ts';
import { toSubscriptionView } from '#shared/subscriptions/model.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/cancellations.ts';

export const handler = customerHttpHandler(api.getCancellation, async ({ customer, path, query }) => {
  const at = now();
  const { accountId, client } = await cancellingAs(customer.accountId, query.clientId);
  const preview = await cancellationPreview(accountId, path.subscriptionId, at, client);
  return { body: { ...preview, subscription: toSubscriptionView(preview.subscription, at) } };
});
