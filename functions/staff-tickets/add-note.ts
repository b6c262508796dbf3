// Staff: an internal note on a ticket (audited), never shown to or mailed to the customer.

import * as api from '#shared/api/staff-tickets.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { addInternalNote, toStaffTicket } from '#shared/tickets/staff-queue.ts';

export const handler = httpHandler(api.addNote, async ({ path, body, audit }) => ({
  status: 201,
  body: toStaffTicket(await addInternalNote(path.ticketNumber, body.body, audit)),
}));
