// Staff: the assets a support contract covers, on the staff contract page.

import { staffListContractAssets } from '#shared/assets/assets.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/assets.ts';

export const handler = httpHandler(api.staffListContractAssets, async ({ path, query }) => ({
  body: await staffListContractAssets(path.contractNumber, query),
}));
