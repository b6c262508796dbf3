// Staff: renames an edition, or retires it (its SKUs cannot be ordered) or makes it active again.

import { staffCaller } from '#shared/accounts/caller.ts';
import { commitWithoutAudit, editEdition } from '#shared/catalogue/manage.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/catalogue.ts';

export const handler = httpHandler(api.editEdition, async ({ event, path, body }) => {
  await staffCaller(event);
  return { body: await editEdition(path.productId, path.editionId, body, commitWithoutAudit) };
});
