// Customer: after the upload, checks the file; it then shows on the ticket, or is deleted when it is not what was declared.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { completeAttachmentUpload } from '#shared/tickets/attachments.ts';
import { getTicketFor } from '#shared/tickets/model.ts';
import * as api from '#shared/api/attachments.ts';

export const handler = customerHttpHandler(api.completeUpload, async ({ customer, path }) => {
  const ticket = await getTicketFor(customer, path.ticketNumber);
  return { body: await completeAttachmentUpload(ticket.ticketNumber, path.attachmentId) };
});
