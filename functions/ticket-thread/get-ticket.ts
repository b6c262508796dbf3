// One of the customer's tickets with its public thread (internal notes never leave the table for them).

import * as api from '#shared/api/ticket-thread.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { getCustomerTicket } from '#shared/tickets/customer-tickets.ts';

export const handler = customerHttpHandler(api.getTicket, async ({ customer, path, query }) => ({
  body: await getCustomerTicket(customer, path.ticketNumber, query.after),
}));
