// Staff: adds an asset under a contract an account has (audited).

import { createAsset } from '#shared/assets/assets.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/assets.ts';

export const handler = httpHandler(api.staffCreateAsset, async ({ body, audit }) => ({
  status: 201,
  body: await createAsset(body, now(), (write) => audit.commit(write)),
}));
