// Shows the signed-in person their recent sign-ins: when, from which IP address, and how.

import { listSignIns } from '#shared/auth/sign-ins.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/account.ts';

export const handler = httpHandler(api.listMySignIns, async ({ query, customer: caller }) => {
  return { body: await listSignIns(caller.userId, query) };
});
