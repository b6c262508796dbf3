// Removes a product from the cart.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { cartView, removeCartLine } from '#shared/shop/cart-lines.ts';
import * as api from '#shared/api/shop.ts';

export const handler = customerHttpHandler(api.removeCartLine, async ({ customer, path, query }) => ({
  body: cartView(await removeCartLine(customer.accountId, path.sku, query.version)),
}));
