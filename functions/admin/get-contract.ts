// Staff: one support contract with its status, SLA level and the account that has it.

import { staffCaller } from '#shared/accounts/caller.ts';
import { getStaffContract } from '#shared/contracts/staff-contracts.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/contracts.ts';

export const handler = httpHandler(api.getContract, async ({ path, event }) => {
  await staffCaller(event);
  return { body: await getStaffContract(path.contractNumber, now()) };
});
