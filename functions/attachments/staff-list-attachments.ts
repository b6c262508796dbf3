// Staff: the files attached to any ticket.

import { staffCaller } from '#shared/accounts/caller.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { listAttachments } from '#shared/tickets/attachments.ts';
import { getTicket } from '#shared/tickets/model.ts';
import * as api from '#shared/api/attachments.ts';

export const handler = httpHandler(api.staffListAttachments, async ({ event, path, query }) => {
  await staffCaller(event);
  const ticket = await getTicket(path.ticketNumber);
  return { body: await listAttachments(ticket.ticketNumber, query) };
});
