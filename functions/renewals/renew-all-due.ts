// Owner or billing: every due, overdue or suspended subscription (a distributor's: also its clients') into the cart as a
// one-period renewal, each once.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { cartView } from '#shared/shop/cart-lines.ts';
import { renewAllDue } from '#shared/subscriptions/renew.ts';
import * as api from '#shared/api/renewals.ts';

export const handler = customerHttpHandler(api.renewAllDue, async ({ customer, body }) => {
  const { cart, added, more } = await renewAllDue(customer, body);
  return { body: { cart: cartView(cart), added, more } };
});
