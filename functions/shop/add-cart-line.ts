// Adds a product to the cart (or more of one already in it).

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { addCartLine, cartView } from '#shared/shop/cart-lines.ts';
import * as api from '#shared/api/shop.ts';

export const handler = customerHttpHandler(api.addCartLine, async ({ customer, body }) => ({
  body: cartView(await addCartLine(customer.accountId, body)),
}));
