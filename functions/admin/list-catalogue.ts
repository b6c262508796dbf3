// Staff: the SKUs an order can be placed for, at their current prices in the chosen currency (from the table).

import { staffCaller } from '#shared/accounts/caller.ts';
import { priceIn, readCatalogue, sellableSkus } from '#shared/catalogue/read.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { DEFAULT_CURRENCY } from '#shared/money.ts';
import * as api from '#shared/api/orders.ts';

export const handler = httpHandler(api.listCatalogue, async ({ event, query }) => {
  await staffCaller(event);
  const currency = query.currency ?? DEFAULT_CURRENCY;
  const items = sellableSkus(await readCatalogue()).flatMap((sku) => {
    const price = priceIn(sku, currency);
    if (!sku.active || !price) return [];
    const { users, supportYears, days, period } = sku;
    return [
      {
        sku: sku.sku,
        product: sku.product,
        edition: sku.edition,
        users,
        unitPrice: { amountMinor: price.amountMinor, currency },
        supportYears,
        ...(days ? { days } : {}),
        ...(period ? { period } : {}),
      },
    ];
  });
  return { body: { items } };
});
