// Staff: support contracts newest first, or found by a number prefix, or one account's.

import { staffCaller } from '#shared/accounts/caller.ts';
import { listContracts } from '#shared/contracts/staff-contracts.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/contracts.ts';

export const handler = httpHandler(api.listContracts, async ({ query, event }) => {
  await staffCaller(event);
  return { body: await listContracts(query, now()) };
});
