// Staff: a short-lived download link of a file attached to any ticket.

import { staffCaller } from '#shared/accounts/caller.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { attachmentDownload } from '#shared/tickets/attachments.ts';
import { getTicket } from '#shared/tickets/model.ts';
import * as api from '#shared/api/attachments.ts';

export const handler = httpHandler(api.staffDownloadAttachment, async ({ event, path }) => {
  await staffCaller(event);
  const ticket = await getTicket(path.ticketNumber);
  return { body: await attachmentDownload(ticket.ticketNumber, path.attachmentId) };
});
