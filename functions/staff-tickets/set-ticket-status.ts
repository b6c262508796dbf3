// Staff: sets a ticket's status (audited), mailed to the customer.

import * as api from '#shared/api/staff-tickets.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { setTicketStatus, toStaffTicket } from '#shared/tickets/staff-queue.ts';

export const handler = httpHandler(api.setTicketStatus, async ({ path, body, audit }) => ({
  body: toStaffTicket(
    await setTicketStatus(path.ticketNumber, { status: body.status, ...(body.comment ? { comment: body.comment } : {}) }, audit),
  ),
}));
