// Staff: adds an edition to a product; 404 for an unknown product, 409 when the product has one with that id.

import { staffCaller } from '#shared/accounts/caller.ts';
import { commitWithoutAudit, createEdition } from '#shared/catalogue/manage.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/catalogue.ts';

export const handler = httpHandler(api.createEdition, async ({ event, path, body }) => {
  await staffCaller(event);
  return { status: 201, body: await createEdition(path.productId, body, commitWithoutAudit) };
});
