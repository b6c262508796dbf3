// The customer reopens a ticket closed within the last 30 days.

import * as api from '#shared/api/ticket-thread.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { ticketActor } from '#shared/tickets/actor.ts';
import { reopenTicket } from '#shared/tickets/customer-tickets.ts';

export const handler = customerHttpHandler(api.reopenTicket, async ({ customer, path }) => ({
  body: await reopenTicket(ticketActor(customer), path.ticketNumber),
}));
