// Staff: adds an edition to a product; 404 for an unknown product, 409 when the product has one with that id.

import { createEdition } from '#shared/catalogue/manage.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/catalogue.ts';

export const handler = httpHandler(api.createEdition, async ({ audit, path, body }) => {
  return { status: 201, body: await createEdition(path.productId, body, audit.commit) };
});
