// Owner, technical: the account's own note on one of its assets (the one thing customers change on an asset).

import { setCustomerNote } from '#shared/assets/assets.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { nowIso } from '#shared/time.ts';
import * as api from '#shared/api/assets.ts';

export const handler = customerHttpHandler(api.setAssetNote, async ({ customer, path, body }) => ({
  body: await setCustomerNote(customer.accountId, path.assetId, body.customerNote, nowIso()),
}));
