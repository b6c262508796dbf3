// Staff: adds a SKU (an edition with seats and a support term) with its first price in each currency given.

import { createSku } from '#shared/catalogue/manage.ts';
import { toSkuView } from '#shared/catalogue/read.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/catalogue.ts';

export const handler = httpHandler(api.createSku, async ({ audit, body }) => {
  return { status: 201, body: toSkuView(await createSku(body, audit.commit, audit.staff.email ?? audit.staff.userId)) };
});
