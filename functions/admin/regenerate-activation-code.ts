// Staff: a new activation code for an unclaimed support contract, shown once; the old code stops working.

import { regenerateActivationCode } from '#shared/contracts/staff-contracts.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/contracts.ts';

export const handler = httpHandler(api.regenerateActivationCode, async ({ path, audit }) => {
  const regenerated = await regenerateActivationCode(path.contractNumber, now(), (write) => audit.commit(write));
  return { status: 201, body: regenerated };
});
