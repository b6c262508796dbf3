// Staff: assigns a ticket to a staff user, to oneself, or to nobody (audited).

import * as api from '#shared/api/staff-tickets.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { assignTicket, toStaffTicket } from '#shared/tickets/staff-queue.ts';

export const handler = httpHandler(api.assignTicket, async ({ path, body, audit }) => ({
  body: toStaffTicket(await assignTicket(path.ticketNumber, body.assignee, audit)),
}));
