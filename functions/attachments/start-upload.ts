// Customer: starts attaching a file to one of their tickets; the browser then uploads it straight to the files bucket.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { startAttachmentUpload } from '#shared/tickets/attachments.ts';
import { getTicketFor } from '#shared/tickets/model.ts';
import * as api from '#shared/api/attachments.ts';

export const handler = customerHttpHandler(api.startUpload, async ({ customer, path, body }) => {
  const ticket = await getTicketFor(customer, path.ticketNumber);
  return {
    status: 201,
    body: await startAttachmentUpload(ticket, { kind: 'customer', userId: customer.userId, email: customer.email }, body),
  };
});
