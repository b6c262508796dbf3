// Adds renewals and upgrades (issue #15) to the cart, each quoted now.

import * as api from '#shared/api/shop.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { addCartActions, cartView } from '#shared/shop/cart-lines.ts';

export const handler = customerHttpHandler(api.addCartActions, async ({ customer, body }) => ({
  body: cartView(await addCartActions(customer.accountId, body)),
}));
