// Staff: renames a product, or retires it (none of its SKUs can be ordered) or makes it active again.

import { staffCaller } from '#shared/accounts/caller.ts';
import { commitWithoutAudit, editProduct } from '#shared/catalogue/manage.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/catalogue.ts';

export const handler = httpHandler(api.editProduct, async ({ event, path, body }) => {
  await staffCaller(event);
  return { body: await editProduct(path.productId, body, commitWithoutAudit) };
});
