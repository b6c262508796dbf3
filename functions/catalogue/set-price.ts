// Staff: a new price for a SKU in a currency, appended as its next version; orders placed before keep their price.

import { setPrice } from '#shared/catalogue/manage.ts';
import { toSkuView } from '#shared/catalogue/read.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/catalogue.ts';

export const handler = httpHandler(api.setPrice, async ({ audit, path, body }) => {
  const result = await setPrice(
    path.sku,
    { amountMinor: body.amountMinor, currency: body.currency },
    audit.commit,
    audit.staff.email ?? audit.staff.userId,
  );
  return { status: 201, body: { sku: toSkuView(result.sku), version: result.version } };
});
