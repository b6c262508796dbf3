// Shows the signed-in person their recent sign-ins: when, from which IP address, and how.

import { listSignIns } from '#shared/auth/sign-ins.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import * as api from '#shared/api/account.ts';

export const handler = customerHttpHandler(api.listMySignIns, async ({ query, customer: caller }) => {
  return { body: await listSignIns(caller.userId, query) };
});
