// Staff: the whole catalogue as the catalogue page shows it, retired entries included, in one Query.

import { staffCaller } from '#shared/accounts/caller.ts';
import { readCatalogue, toSkuView } from '#shared/catalogue/read.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/catalogue.ts';

export const handler = httpHandler(api.getCatalogue, async ({ event }) => {
  await staffCaller(event);
  const catalogue = await readCatalogue();
  return { body: { ...catalogue, skus: catalogue.skus.map(toSkuView) } };
});
