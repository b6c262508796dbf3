// The customer's tickets they may see, last change first, with the list's filters.

import * as api from '#shared/api/ticket-thread.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { listCustomerTickets } from '#shared/tickets/customer-tickets.ts';

export const handler = customerHttpHandler(api.listTickets, async ({ customer, query }) => ({
  body: await listCustomerTickets(customer, query),
}));
