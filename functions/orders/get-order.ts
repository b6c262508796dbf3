// Shows the signed-in customer one of their orders: lines, total and the contact given at purchase.

import * as z from '#shared/validation.ts';
import { customerCaller } from '#shared/accounts/caller.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ulidSchema } from '#shared/http/schemas.ts';
import { getOrder } from '#shared/orders/get-order.ts';

const path = z.strictObject({ orderId: ulidSchema });

export const handler = httpHandler({ path }, async ({ path, event }) => {
  const caller = await customerCaller(event);
  return { body: await getOrder(caller.accountId, path.orderId) };
});
