// Staff: one ticket with its whole thread, internal notes included.

import { staffCaller } from '#shared/accounts/caller.ts';
import * as api from '#shared/api/staff-tickets.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { staffTicketWithThread, toStaffTicket } from '#shared/tickets/staff-queue.ts';

export const handler = httpHandler(api.getStaffTicket, async ({ path, query, event }) => {
  await staffCaller(event);
  const { ticket, thread, threadAfter } = await staffTicketWithThread(path.ticketNumber, query.after);
  return { body: { ticket: toStaffTicket(ticket), thread, ...(threadAfter ? { threadAfter } : {}) } };
});
