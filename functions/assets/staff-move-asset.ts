// Staff: moves an asset to another contract, possibly another account's (audited, with a reason).

import { moveAsset } from '#shared/assets/assets.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/assets.ts';

export const handler = httpHandler(api.staffMoveAsset, async ({ path, body, audit }) => ({
  body: await moveAsset(path.accountId, path.assetId, body.contractNumber, now(), (write) => audit.commit(write)),
}));
