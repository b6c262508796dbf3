// Staff: adds a product to the catalogue (active, no editions yet); 409 when its id is taken.

import { createProduct } from '#shared/catalogue/manage.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/catalogue.ts';

export const handler = httpHandler(api.createProduct, async ({ audit, body }) => {
  return { status: 201, body: await createProduct(body, audit.commit) };
});
