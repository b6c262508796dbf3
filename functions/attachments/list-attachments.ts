// Customer: the files attached to one of their tickets.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { listAttachments } from '#shared/tickets/attachments.ts';
import { getTicketFor } from '#shared/tickets/model.ts';
import * as api from '#shared/api/attachments.ts';

export const handler = customerHttpHandler(api.listAttachments, async ({ customer, path, query }) => {
  const ticket = await getTicketFor(customer, path.ticketNumber);
  return { body: await listAttachments(ticket.ticketNumber, query) };
});
