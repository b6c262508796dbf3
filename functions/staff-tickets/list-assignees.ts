// Staff: who a ticket may be assigned to (active admin and support users).

import { staffCaller } from '#shared/accounts/caller.ts';
import * as api from '#shared/api/staff-tickets.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { listAssignees } from '#shared/tickets/staff-queue.ts';

export const handler = httpHandler(api.listAssignees, async ({ event }) => {
  await staffCaller(event);
  return { body: { items: await listAssignees() } };
});
