// Staff: removes an upgrade path; 404 when the product has no such path.

import { removeUpgrade } from '#shared/catalogue/manage.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/catalogue.ts';

export const handler = httpHandler(api.removeUpgrade, async ({ audit, path }) => {
  await removeUpgrade(path.productId, path.fromEditionId, path.toEditionId, audit.commit);
  return { status: 204 };
});
