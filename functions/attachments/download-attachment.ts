// Customer: a short-lived download link of a file attached to one of their tickets.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { attachmentDownload } from '#shared/tickets/attachments.ts';
import { getTicketFor } from '#shared/tickets/model.ts';
import * as api from '#shared/api/attachments.ts';

export const handler = customerHttpHandler(api.downloadAttachment, async ({ customer, path }) => {
  const ticket = await getTicketFor(customer, path.ticketNumber);
  return { body: await attachmentDownload(ticket.ticketNumber, path.attachmentId) };
});
