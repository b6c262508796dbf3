// Staff: retires a SKU (it can no longer be ordered; orders placed before keep it) or makes it active again.

import { setSkuStatus } from '#shared/catalogue/manage.ts';
import { toSkuView } from '#shared/catalogue/read.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/catalogue.ts';

export const handler = httpHandler(api.setSkuStatus, async ({ audit, path, body }) => {
  return { body: toSkuView(await setSkuStatus(path.sku, body.status, audit.commit)) };
});
