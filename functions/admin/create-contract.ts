// Staff: creates a support contract, for an account or unassigned with a one-time activation code shown in the answer.

import { createContract } from '#shared/contracts/staff-contracts.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/contracts.ts';

export const handler = httpHandler(api.createContract, async ({ body, audit }) => {
  const created = await createContract(body, audit.staff.email ?? audit.staff.userId, now(), (write) => audit.commit(write));
  return { status: 201, body: created };
});
