// Staff: the products an order can be placed for (the catalogue is code for now; see docs/data-model.md).

import { staffCaller } from '#shared/accounts/caller.ts';
import { CATALOGUE } from '#shared/catalogue/products.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/orders.ts';

export const handler = httpHandler(api.listCatalogue, async ({ event }) => {
  await staffCaller(event);
  return { body: { items: [...CATALOGUE] } };
});
