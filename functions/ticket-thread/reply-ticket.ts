// The customer answers on their ticket; a ticket that waited on them goes back to the vendor.

import * as api from '#shared/api/ticket-thread.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { ticketActor } from '#shared/tickets/actor.ts';
import { replyToTicket } from '#shared/tickets/customer-tickets.ts';

export const handler = customerHttpHandler(api.replyToTicket, async ({ customer, path, body }) => ({
  status: 201,
  body: await replyToTicket(ticketActor(customer), path.ticketNumber, body.body),
}));
