// Staff: removes an upgrade path; 404 when the product has no such path.

import { staffCaller } from '#shared/accounts/caller.ts';
import { commitWithoutAudit, removeUpgrade } from '#shared/catalogue/manage.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/catalogue.ts';

export const handler = httpHandler(api.removeUpgrade, async ({ event, path }) => {
  await staffCaller(event);
  await removeUpgrade(path.productId, path.fromEditionId, path.toEditionId, commitWithoutAudit);
  return { status: 204 };
});
