// Staff: a public reply on a ticket (audited), mailed to the requester and the account's support recipients.

import * as api from '#shared/api/staff-tickets.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { replyToTicket, toStaffTicket } from '#shared/tickets/staff-queue.ts';

export const handler = httpHandler(api.replyToTicket, async ({ path, body, audit }) => ({
  status: 201,
  body: toStaffTicket(await replyToTicket(path.ticketNumber, { body: body.body, ...(body.status ? { status: body.status } : {}) }, audit)),
}));
