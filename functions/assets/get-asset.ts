// One of the account's assets.

import { getAsset } from '#shared/assets/assets.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import * as api from '#shared/api/assets.ts';

export const handler = customerHttpHandler(api.getAsset, async ({ customer, path }) => ({
  body: await getAsset(customer.accountId, path.assetId),
}));
