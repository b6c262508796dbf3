// Changes how many units of a product the cart holds.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { cartView, setCartLine } from '#shared/shop/cart-lines.ts';
import * as api from '#shared/api/shop.ts';

export const handler = customerHttpHandler(api.setCartLine, async ({ customer, path, body }) => ({
  body: cartView(await setCartLine(customer.accountId, path.sku, body)),
}));
