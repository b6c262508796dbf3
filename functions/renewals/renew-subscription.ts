// Owner or billing: renews a subscription for N periods into the cart, or from the balance at once (paid-until moves).

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { cartView } from '#shared/shop/cart-lines.ts';
import { renewSubscription } from '#shared/subscriptions/renew.ts';
import * as api from '#shared/api/renewals.ts';

export const handler = customerHttpHandler(api.renewSubscription, async ({ customer, path, body }) => {
  const renewed = await renewSubscription(customer, { ...body, subscriptionId: path.subscriptionId });
  if (renewed.cart) return { body: { payWith: renewed.payWith, cart: cartView(renewed.cart) } };
  const { orderId, reference, total, shop } = renewed.order!;
  return {
    status: renewed.replayed ? 200 : 201,
    body: {
      payWith: renewed.payWith,
      order: { orderId, reference, total, status: shop?.status ?? 'fulfilled' },
      subscription: renewed.subscription!,
    },
  };
});
