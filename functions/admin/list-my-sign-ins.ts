// Shows the signed-in staff user their own recent sign-ins: when, from which IP address, and how.

import { staffCaller } from '#shared/accounts/caller.ts';
import { listSignIns } from '#shared/auth/sign-ins.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/staff.ts';

export const handler = httpHandler(api.listMyStaffSignIns, async ({ query, event }) => {
  const caller = await staffCaller(event);
  return { body: await listSignIns(caller.userId, query) };
});
