// Staff: a new price for a SKU in a currency, appended as its next version; orders placed before keep their price.

import { staffCaller } from '#shared/accounts/caller.ts';
import { commitWithoutAudit, setPrice } from '#shared/catalogue/manage.ts';
import { toSkuView } from '#shared/catalogue/read.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/catalogue.ts';

export const handler = httpHandler(api.setPrice, async ({ event, path, body }) => {
  const staff = await staffCaller(event);
  const result = await setPrice(path.sku, body, commitWithoutAudit, staff.userId);
  return { status: 201, body: { sku: toSkuView(result.sku), version: result.version } };
});
