// A product page: its editions and SKUs with prices in the account's currency.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { getShopProduct } from '#shared/shop/offer.ts';
import * as api from '#shared/api/shop.ts';

export const handler = customerHttpHandler(api.getProduct, async ({ customer, path }) => ({
  body: await getShopProduct(customer.accountId, path.productId),
}));
