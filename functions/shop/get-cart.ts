// The account's cart at current prices, with moved prices and lapsed lines flagged.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { cartView, getPricedCart } from '#shared/shop/cart-lines.ts';
import * as api from '#shared/api/shop.ts';

export const handler = customerHttpHandler(api.getCart, async ({ customer }) => ({
  body: cartView(await getPricedCart(customer.accountId)),
}));
