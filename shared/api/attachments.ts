// Route contracts of the support desk's attachments area (issue #13): files on a ticket, uploaded straight to the files
// bucket with a presigned POST, checked again once uploaded, downloaded through short presigned GET links.

import { ROLE_AREAS } from '#shared/accounts/roles.ts';
import { pageOf, timestamp } from '#shared/api/common.ts';
import { contract, customerRoles, json, staff } from '#shared/api/contract.ts';
import { pageQuery, ulidSchema } from '#shared/http/schemas.ts';
import { MAX_ATTACHMENT_BYTES } from '#shared/tickets/attachment-types.ts';
import * as z from '#shared/validation.ts';

/** A ticket's number, as the ticket list gives it. */
const ticketNumber = z.coerce.number().check(z.int(), z.minimum(1), z.maximum(2_147_483_647));

export const ticketAttachmentsPath = z.strictObject({ ticketNumber });
export const attachmentPath = z.strictObject({ ticketNumber, attachmentId: ulidSchema });

/** A file's own name (no folders, no control characters). */
const fileName = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(200),
  z.refine((name) => !/[\\/]/.test(name) && ![...name].some((char) => char.charCodeAt(0) < 32 || char.charCodeAt(0) === 127), {
    message: 'A file name without folders or control characters.',
  }),
);

export const attachmentView = z.strictObject({
  attachmentId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  uploadedAt: timestamp,
  uploadedBy: z.enum(['customer', 'staff']),
  /** The thread entry it came with, when linked. */
  messageId: z.optional(z.string()),
});

const uploadTicket = z.strictObject({
  attachmentId: z.string(),
  /** POST a multipart form to `url`: every field of `fields`, then the file as `file`. */
  upload: z.strictObject({ url: z.string(), fields: z.record(z.string(), z.string()) }),
  expiresAt: timestamp,
});

const download = z.strictObject({ url: z.string(), fileName: z.string(), expiresAt: timestamp });

const startBody = z.strictObject({
  fileName,
  /** The Content-Type our list gives the file's extension (shared/tickets/attachment-types.ts). */
  contentType: z.string().check(z.minLength(1), z.maxLength(200)),
  size: z.number().check(z.int(), z.minimum(1), z.maximum(MAX_ATTACHMENT_BYTES)),
});

export const startUpload = contract({
  method: 'POST',
  path: '/api/tickets/{ticketNumber}/attachments',
  summary:
    'Starts attaching a file to a ticket the caller may see: refuses a type, size (1 byte to 20 MB) or count over the limits (400 ATTACHMENT_TYPE_NOT_ALLOWED, ATTACHMENT_TOO_LARGE, ATTACHMENT_LIMIT) and answers a presigned POST, valid 10 minutes.',
  access: customerRoles(ROLE_AREAS.ticketWrite),
  request: { path: ticketAttachmentsPath, body: startBody },
  response: json(uploadTicket, 201),
});

export const completeUpload = contract({
  method: 'POST',
  path: '/api/tickets/{ticketNumber}/attachments/{attachmentId}/complete',
  summary:
    'After the upload: checks the object (size, type, first bytes); a mismatch deletes it (400 ATTACHMENT_REJECTED), a missing one is 409 ATTACHMENT_NOT_UPLOADED; else the attachment shows on the ticket.',
  access: customerRoles(ROLE_AREAS.ticketWrite),
  request: { path: attachmentPath },
  response: json(attachmentView),
});

export const listAttachments = contract({
  method: 'GET',
  path: '/api/tickets/{ticketNumber}/attachments',
  summary: 'The visible attachments of a ticket the caller may see, in upload order (pages).',
  access: customerRoles(ROLE_AREAS.ticketRead),
  request: { path: ticketAttachmentsPath, query: pageQuery },
  response: json(pageOf(attachmentView)),
});

export const downloadAttachment = contract({
  method: 'GET',
  path: '/api/tickets/{ticketNumber}/attachments/{attachmentId}',
  summary:
    'A download link (valid 60 to 120 seconds) of a visible attachment of a ticket the caller may see; pending or rejected ones are 404.',
  access: customerRoles(ROLE_AREAS.ticketRead),
  request: { path: attachmentPath },
  response: json(download),
});

export const staffListAttachments = contract({
  method: 'GET',
  path: '/api/admin/tickets/{ticketNumber}/attachments',
  summary: 'Staff (support, admin): the visible attachments of any ticket, in upload order (pages).',
  access: staff('admin', 'support'),
  request: { path: ticketAttachmentsPath, query: pageQuery },
  response: json(pageOf(attachmentView)),
});

export const staffDownloadAttachment = contract({
  method: 'GET',
  path: '/api/admin/tickets/{ticketNumber}/attachments/{attachmentId}',
  summary: 'Staff (support, admin): a download link (valid 60 to 120 seconds) of a visible attachment of any ticket.',
  access: staff('admin', 'support'),
  request: { path: attachmentPath },
  response: json(download),
});
