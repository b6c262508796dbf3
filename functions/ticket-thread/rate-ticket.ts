// The customer rates how a closed ticket was handled (and may change it within the reopen window).

import * as api from '#shared/api/ticket-thread.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { ticketActor } from '#shared/tickets/actor.ts';
import { rateTicket } from '#shared/tickets/customer-tickets.ts';

export const handler = customerHttpHandler(api.rateTicket, async ({ customer, path, body }) => ({
  body: await rateTicket(ticketActor(customer), path.ticketNumber, body),
}));
