// The customer caller as the ticket thread names them: their account, person, role, and the name they gave.

import type { CustomerCaller } from '#shared/accounts/caller.ts';
import type { TicketActor } from '#shared/tickets/customer-tickets.ts';

export function ticketActor(customer: CustomerCaller): TicketActor {
  const name = [customer.person.firstName, customer.person.lastName].filter(Boolean).join(' ');
  return { accountId: customer.accountId, userId: customer.userId, role: customer.role, email: customer.email, ...(name ? { name } : {}) };
}
