// Staff: adds a product to the catalogue (active, no editions yet); 409 when its id is taken.

import { staffCaller } from '#shared/accounts/caller.ts';
import { commitWithoutAudit, createProduct } from '#shared/catalogue/manage.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/catalogue.ts';

export const handler = httpHandler(api.createProduct, async ({ event, body }) => {
  await staffCaller(event);
  return { status: 201, body: await createProduct(body, commitWithoutAudit) };
});
