// Staff: changes an asset's fields (audited).

import { editAsset } from '#shared/assets/assets.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/assets.ts';

export const handler = httpHandler(api.staffEditAsset, async ({ path, body, audit }) => {
  // The reason goes to the audit entry (the shared handler reads it from the body).
  const { reason: _reason, ...edit } = body;
  return { body: await editAsset(path.accountId, path.assetId, edit, now(), (write) => audit.commit(write)) };
});
