// Staff: changes a support contract's dates, SLA level or product; the account that has it sees the new term.

import { updateContract } from '#shared/contracts/staff-contracts.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/contracts.ts';

export const handler = httpHandler(api.updateContract, async ({ path, body, audit }) => {
  // The reason goes to the audit entry (the shared handler reads it from the body).
  const { reason: _reason, ...edit } = body;
  return { body: await updateContract(path.contractNumber, edit, now(), (write) => audit.commit(write)) };
});
