// New programs: the products the account may buy, priced in its currency, optionally searched by name.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { listShopProducts } from '#shared/shop/offer.ts';
import * as api from '#shared/api/shop.ts';

export const handler = customerHttpHandler(api.listProducts, async ({ customer, query }) => ({
  body: await listShopProducts(customer.accountId, query.q),
}));
