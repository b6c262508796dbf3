// The customer accepts the prices that moved since they filled the cart.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { acceptCartPrices, cartView } from '#shared/shop/cart-lines.ts';
import * as api from '#shared/api/shop.ts';

export const handler = customerHttpHandler(api.acceptCartPrices, async ({ customer, body }) => ({
  body: cartView(await acceptCartPrices(customer.accountId, body.version)),
}));
