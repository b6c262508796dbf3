// The customer closes their ticket (its requester, an owner or a technical contact).

import * as api from '#shared/api/ticket-thread.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { ticketActor } from '#shared/tickets/actor.ts';
import { closeTicket } from '#shared/tickets/customer-tickets.ts';

export const handler = customerHttpHandler(api.closeTicket, async ({ customer, path }) => ({
  body: await closeTicket(ticketActor(customer), path.ticketNumber),
}));
