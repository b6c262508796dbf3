// Staff: renames an edition, or retires it (its SKUs cannot be ordered) or makes it active again.

import { editEdition } from '#shared/catalogue/manage.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/catalogue.ts';

export const handler = httpHandler(api.editEdition, async ({ audit, path, body }) => {
  return { body: await editEdition(path.productId, path.editionId, { name: body.name, status: body.status }, audit.commit) };
});
