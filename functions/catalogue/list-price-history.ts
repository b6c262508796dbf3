// Staff: one SKU's price versions, newest first, so they can see what it cost when; 404 for an unknown SKU.

import { staffCaller } from '#shared/accounts/caller.ts';
import { priceHistory, readSku } from '#shared/catalogue/read.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import * as api from '#shared/api/catalogue.ts';

export const handler = httpHandler(api.listPriceHistory, async ({ event, path, query }) => {
  await staffCaller(event);
  const [sku, page] = await Promise.all([readSku(path.sku), priceHistory(path.sku, query)]);
  if (!sku) throw new NotFoundError(`The catalogue has no SKU ${path.sku}.`);
  return { body: page };
});
