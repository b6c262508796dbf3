// Opens an administrative or technical ticket for the caller's account and confirms it by mail.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { openTicket } from '#shared/tickets/open-ticket.ts';
import * as api from '#shared/api/tickets.ts';

export const handler = customerHttpHandler(api.openTicket, async ({ customer, body }) => {
  const ticket = await openTicket(customer, body);
  return { status: 201, body: { ticketNumber: ticket.ticketNumber, status: 'new' as const, createdAt: ticket.createdAt } };
});
