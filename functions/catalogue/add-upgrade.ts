// Staff: an upgrade path between two editions of a product, at the price difference or at fixed prices.

import { addUpgrade } from '#shared/catalogue/manage.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/catalogue.ts';

export const handler = httpHandler(api.addUpgrade, async ({ audit, path, body }) => {
  return { status: 201, body: await addUpgrade(path.productId, body, audit.commit) };
});
