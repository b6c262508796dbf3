// Staff: renames a product, or retires it (none of its SKUs can be ordered) or makes it active again.

import { editProduct } from '#shared/catalogue/manage.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/catalogue.ts';

export const handler = httpHandler(api.editProduct, async ({ audit, path, body }) => {
  return { body: await editProduct(path.productId, { name: body.name, status: body.status }, audit.commit) };
});
