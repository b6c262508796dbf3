// Staff: the canned replies the reply form offers, of one language or all.

import { staffCaller } from '#shared/accounts/caller.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { listCannedReplies } from '#shared/tickets/canned-replies.ts';
import * as api from '#shared/api/sla.ts';

export const handler = httpHandler(api.listCannedReplies, async ({ query, event }) => {
  await staffCaller(event);
  return { body: await listCannedReplies(query) };
});
