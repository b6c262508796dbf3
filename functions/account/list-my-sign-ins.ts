// Shows the signed-in person their recent sign-ins: when, from which IP address, and how.

import { customerCaller } from '#shared/accounts/caller.ts';
import { listSignIns } from '#shared/auth/sign-ins.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { pageQuery } from '#shared/http/schemas.ts';

export const handler = httpHandler({ query: pageQuery }, async ({ query, event }) => {
  const caller = await customerCaller(event);
  return { body: await listSignIns(caller.userId, query) };
});
