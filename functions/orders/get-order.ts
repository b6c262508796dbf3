// Shows the signed-in customer one of their orders: lines, total and the contact given at purchase.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { getOrder } from '#shared/orders/get-order.ts';
import * as api from '#shared/api/orders.ts';

export const handler = customerHttpHandler(api.getOrder, async ({ path, customer: caller }) => {
  return { body: await getOrder(caller.accountId, path.orderId) };
});
