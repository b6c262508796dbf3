// Places the customer's cart as a prepayment order (bank transfer or balance) and mails the payment details.

import * as api from '#shared/api/checkout.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { customerOrderOf } from '#shared/orders/get-order.ts';
import { placeOrder } from '#shared/shop/checkout.ts';

export const handler = customerHttpHandler(api.placeOrder, async ({ customer, body }) => {
  const { order, replayed } = await placeOrder(customer, body);
  return { status: replayed ? 200 : 201, body: { order: customerOrderOf(order), replayed } };
});
