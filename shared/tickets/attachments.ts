// Files attached to a support ticket (issue #13). The browser uploads straight to the files bucket with a presigned
// POST; the attachment item waits in the ticket's partition as `pending` until the upload is checked again here (size,
// declared type, the type's magic number): then it becomes `visible`, or the object is deleted and the item `rejected`.
// Only visible attachments are listed or downloaded, and only through short presigned GET URLs.

import { DeleteObjectCommand, GetObjectCommand, NoSuchKey } from '@aws-sdk/client-s3';
import { presignedDownload } from '#shared/aws/presigned-get.ts';
import { filesBucket, s3 } from '#shared/aws/s3.ts';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys, SK_PREFIX, ticketPartition } from '#shared/db/keys.ts';
import { queryPage, type Page } from '#shared/db/page.ts';
import { AppError, ConflictError, NotFoundError, ValidationError } from '#shared/http/errors.ts';
import { safeFilename } from '#shared/http/handler.ts';
import { newId } from '#shared/ids.ts';
import { presignedPost } from '#shared/tickets/presigned-post.ts';
import { now } from '#shared/time.ts';
import * as z from '#shared/validation.ts';
import {
  ATTACHMENT_TYPES,
  type AttachmentType,
  attachmentTypeFor,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_TICKET,
  MAX_PENDING_ATTACHMENTS,
} from '#shared/tickets/attachment-types.ts';

export { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_TICKET, MAX_PENDING_ATTACHMENTS };

/** How long the browser has to upload after asking (the presigned POST's expiry). */
export const UPLOAD_EXPIRES_SECONDS = 600;
export { DOWNLOAD_EXPIRES_SECONDS } from '#shared/aws/presigned-get.ts';
/** How many bytes of an upload are read to check its type. */
const SNIFF_BYTES = 512;

export type AttachmentStatus = 'pending' | 'visible' | 'rejected';

export interface AttachmentUploader {
  kind: 'customer' | 'staff';
  userId: string;
  email?: string;
}

export interface Attachment {
  /** ULID: attachments list in upload order. */
  attachmentId: string;
  ticketNumber: number;
  accountId: string;
  fileName: string;
  contentType: string;
  /** Bytes, as declared when asked for and checked against the object after upload. */
  size: number;
  status: AttachmentStatus;
  uploadedBy: AttachmentUploader;
  createdAt: string;
  completedAt?: string;
  /** Why a rejected upload was refused (a stable reason, for the logs and support). */
  rejectedReason?: string;
  /** The thread entry it came with, once linked (attachmentLinkItems). */
  messageId?: string;
}

const attachmentSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    attachmentId: z.string(),
    ticketNumber: z.number(),
    accountId: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number(),
    status: z.enum(['pending', 'visible', 'rejected']),
    uploadedBy: z.object({ kind: z.enum(['customer', 'staff']), userId: z.string(), email: z.optional(z.string()) }),
    createdAt: z.string(),
    completedAt: z.optional(z.string()),
    rejectedReason: z.optional(z.string()),
    messageId: z.optional(z.string()),
  }),
);

/** The object key of an attachment in the files bucket. */
export function attachmentObjectKey(ticketNumber: number, attachmentId: string): string {
  return `attachments/${ticketNumber}/${attachmentId}`;
}

export function attachmentItem(attachment: Attachment): Item {
  return { ...keys.ticketAttachment(attachment.ticketNumber, attachment.attachmentId), type: 'Attachment', ...attachment };
}

export function attachmentFromItem(item: Item): Attachment {
  return parseItem('Attachment', attachmentSchema, item);
}

/** What the API shows of an attachment. */
export interface AttachmentView {
  attachmentId: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedAt: string;
  uploadedBy: 'customer' | 'staff';
  messageId?: string;
}

export function attachmentView(attachment: Attachment): AttachmentView {
  return {
    attachmentId: attachment.attachmentId,
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    size: attachment.size,
    uploadedAt: attachment.completedAt ?? attachment.createdAt,
    uploadedBy: attachment.uploadedBy.kind,
    ...(attachment.messageId ? { messageId: attachment.messageId } : {}),
  };
}

class AttachmentRefused extends AppError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(400, code, message, details);
  }
}

/** The declared file's type from our list, or a 400 naming the allowed extensions. */
export function checkDeclaredFile(request: { fileName: string; contentType: string; size: number }): AttachmentType {
  const type = attachmentTypeFor(request.fileName);
  if (!type || type.contentType !== request.contentType) {
    throw new AttachmentRefused('ATTACHMENT_TYPE_NOT_ALLOWED', 'This type of file cannot be attached.', {
      allowed: ATTACHMENT_TYPES.flatMap((allowed) => allowed.extensions),
    });
  }
  if (request.size < 1 || request.size > MAX_ATTACHMENT_BYTES) {
    throw new AttachmentRefused('ATTACHMENT_TOO_LARGE', 'The file is empty or larger than the limit.', { maxBytes: MAX_ATTACHMENT_BYTES });
  }
  return type;
}

export interface UploadTicket {
  attachmentId: string;
  /** Where the browser POSTs the form: `fields` first, then the file as `file`. */
  upload: { url: string; fields: Record<string, string> };
  expiresAt: string;
}

/** Attachments still uploading on a ticket: one Query of its (bounded) attachments, counted by DynamoDB. */
async function countPending(ticketNumber: number): Promise<number> {
  const result = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      FilterExpression: '#status = :pending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':pk': ticketPartition(ticketNumber), ':prefix': SK_PREFIX.ticketAttachment, ':pending': 'pending' },
      Select: 'COUNT',
    }),
  );
  return result.Count ?? 0;
}

function isCancelledBy(error: unknown, index: number): boolean {
  const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons;
  return (error as Error).name === 'TransactionCanceledException' && reasons?.[index]?.Code === 'ConditionalCheckFailed';
}

/**
 * Starts an upload: refuses a type, size or count over the limits up front, writes the pending attachment (with the
 * ticket's attachment counter, under its ceiling, in one transaction) and answers the presigned POST whose policy holds
 * the exact Content-Type, 1 byte to 20 MB and the object key. The ticket must already be one the caller may write to.
 */
export async function startAttachmentUpload(
  ticket: { ticketNumber: number; accountId: string },
  uploader: AttachmentUploader,
  request: { fileName: string; contentType: string; size: number },
): Promise<UploadTicket> {
  const type = checkDeclaredFile(request);
  if ((await countPending(ticket.ticketNumber)) >= MAX_PENDING_ATTACHMENTS) {
    throw new AttachmentRefused('ATTACHMENT_LIMIT', 'Too many files are uploading on this ticket at once.', {
      maxPending: MAX_PENDING_ATTACHMENTS,
    });
  }
  const at = now();
  const attachment: Attachment = {
    attachmentId: newId(at),
    ticketNumber: ticket.ticketNumber,
    accountId: ticket.accountId,
    fileName: request.fileName,
    contentType: type.contentType,
    size: request.size,
    status: 'pending',
    uploadedBy: uploader,
    createdAt: at.toISOString(),
  };
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: keys.ticketAttachmentCounter(ticket.ticketNumber),
              UpdateExpression: 'ADD #count :one',
              ConditionExpression: 'attribute_not_exists(#count) OR #count < :max',
              ExpressionAttributeNames: { '#count': 'count' },
              ExpressionAttributeValues: { ':one': 1, ':max': MAX_ATTACHMENTS_PER_TICKET },
            },
          },
          { Put: { TableName: tableName(), Item: attachmentItem(attachment), ConditionExpression: 'attribute_not_exists(PK)' } },
        ],
      }),
    );
  } catch (error) {
    if (isCancelledBy(error, 0)) {
      throw new AttachmentRefused('ATTACHMENT_LIMIT', 'This ticket has as many files as it may have.', {
        maxPerTicket: MAX_ATTACHMENTS_PER_TICKET,
      });
    }
    throw error;
  }
  const post = await presignedPost({
    bucket: filesBucket(),
    key: attachmentObjectKey(ticket.ticketNumber, attachment.attachmentId),
    conditions: [
      ['content-length-range', 1, MAX_ATTACHMENT_BYTES],
      ['eq', '$Content-Type', type.contentType],
    ],
    fields: { 'Content-Type': type.contentType },
    expiresSeconds: UPLOAD_EXPIRES_SECONDS,
  });
  return {
    attachmentId: attachment.attachmentId,
    upload: { url: post.url, fields: post.fields },
    expiresAt: new Date(at.getTime() + UPLOAD_EXPIRES_SECONDS * 1000).toISOString(),
  };
}

async function readAttachment(ticketNumber: number, attachmentId: string): Promise<Attachment | undefined> {
  const result = await db().send(new GetCommand({ TableName: tableName(), Key: keys.ticketAttachment(ticketNumber, attachmentId) }));
  return result.Item ? attachmentFromItem(result.Item) : undefined;
}

/** Whether the first bytes of an upload are what its type says (types without a magic number pass). */
export function matchesMagic(type: AttachmentType, head: Uint8Array): boolean {
  if (type.text) return !head.includes(0);
  if (!type.magic) return true;
  return type.magic.some((magic) => magic.every((byte, index) => head[index] === byte));
}

async function setStatus(attachment: Attachment, changes: Pick<Attachment, 'status' | 'completedAt' | 'rejectedReason'>): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.ticketAttachment(attachment.ticketNumber, attachment.attachmentId),
      UpdateExpression: `SET #status = :status, completedAt = :at${changes.rejectedReason ? ', rejectedReason = :reason' : ''}`,
      ConditionExpression: '#status = :pending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':status': changes.status,
        ':at': changes.completedAt,
        ':pending': 'pending',
        ...(changes.rejectedReason ? { ':reason': changes.rejectedReason } : {}),
      },
    }),
  );
}

/**
 * Finishes an upload (one ranged GetObject): the object must exist (409 ATTACHMENT_NOT_UPLOADED otherwise: the browser may still be sending),
 * its size must be the declared one within the limits, its Content-Type the declared one, and its first bytes the
 * type's magic number. Anything else: the object is deleted, the attachment rejected (400 ATTACHMENT_REJECTED) and it
 * never shows. Completing a visible attachment again answers it; a rejected or unknown one is 404.
 */
export async function completeAttachmentUpload(ticketNumber: number, attachmentId: string): Promise<AttachmentView> {
  const attachment = await readAttachment(ticketNumber, attachmentId);
  if (!attachment || attachment.status === 'rejected') throw new NotFoundError('No such attachment.');
  if (attachment.status === 'visible') return attachmentView(attachment);
  const key = attachmentObjectKey(ticketNumber, attachmentId);
  // One ranged GET answers the object's whole size (Content-Range), its Content-Type and its first bytes.
  let head: { size: number; contentType: string | undefined; bytes: Uint8Array };
  try {
    const object = await s3().send(new GetObjectCommand({ Bucket: filesBucket(), Key: key, Range: `bytes=0-${SNIFF_BYTES - 1}` }));
    const bytes = ((await object.Body?.transformToByteArray()) ?? new Uint8Array()).subarray(0, SNIFF_BYTES);
    const total = /\/(\d+)$/.exec(object.ContentRange ?? '')?.[1];
    head = { size: total ? Number(total) : (object.ContentLength ?? bytes.length), contentType: object.ContentType, bytes };
  } catch (error) {
    if (error instanceof NoSuchKey || (error as Error).name === 'NoSuchKey' || (error as Error).name === 'NotFound') {
      throw new ConflictError('The file has not been uploaded yet.', 'ATTACHMENT_NOT_UPLOADED');
    }
    throw error;
  }
  const type = attachmentTypeFor(attachment.fileName);
  let reason: string | undefined;
  if (!type) reason = 'type';
  else if (head.size !== attachment.size || head.size < 1 || head.size > MAX_ATTACHMENT_BYTES) reason = 'size';
  else if (head.contentType !== attachment.contentType) reason = 'content-type';
  else if (!matchesMagic(type, head.bytes)) reason = 'content';
  const at = now().toISOString();
  if (reason) {
    await s3().send(new DeleteObjectCommand({ Bucket: filesBucket(), Key: key }));
    await setStatus(attachment, { status: 'rejected', completedAt: at, rejectedReason: reason });
    throw new AttachmentRefused('ATTACHMENT_REJECTED', 'The uploaded file is not what was declared, or is over the limits.', { reason });
  }
  await setStatus(attachment, { status: 'visible', completedAt: at });
  return attachmentView({ ...attachment, status: 'visible', completedAt: at });
}

/** One page of a ticket's visible attachments, in upload order (at most MAX_ATTACHMENTS_PER_TICKET exist). */
export async function listAttachments(ticketNumber: number, page: { limit?: number; cursor?: string }): Promise<Page<AttachmentView>> {
  const result = await queryPage(
    {
      partition: ticketPartition(ticketNumber),
      sortKeyPrefix: SK_PREFIX.ticketAttachment,
      where: { status: 'visible' },
      ...(page.limit ? { limit: page.limit } : {}),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    },
    attachmentFromItem,
  );
  return { items: result.items.map(attachmentView), ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}) };
}

/** A Content-Disposition that keeps the real name for browsers that read RFC 5987 and a safe ASCII one for the rest. */
export function contentDisposition(fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${safeFilename(fileName)}"; filename*=UTF-8''${encoded}`;
}

/** A short-lived download link of a visible attachment; a pending, rejected or unknown one is 404. */
export async function attachmentDownload(
  ticketNumber: number,
  attachmentId: string,
): Promise<{ url: string; fileName: string; expiresAt: string }> {
  const attachment = await readAttachment(ticketNumber, attachmentId);
  if (!attachment || attachment.status !== 'visible') throw new NotFoundError('No such attachment.');
  const link = await presignedDownload(attachmentObjectKey(ticketNumber, attachmentId), {
    contentDisposition: contentDisposition(attachment.fileName),
    contentType: attachment.contentType,
  });
  return { url: link.url, fileName: attachment.fileName, expiresAt: link.expiresAt };
}

/**
 * Seam for the thread (appendToThread's `extra`): links visible, not yet linked attachments of the ticket to the thread
 * entry they came with, in the entry's own transaction. An id that is not such an attachment cancels the transaction.
 */
export function attachmentLinkItems(ticketNumber: number, attachmentIds: readonly string[], messageId: string) {
  if (attachmentIds.length > MAX_PENDING_ATTACHMENTS) {
    throw new ValidationError('Too many attachments for one message.', [
      { path: 'body.attachmentIds', message: `at most ${MAX_PENDING_ATTACHMENTS}` },
    ]);
  }
  return attachmentIds.map((attachmentId) => ({
    Update: {
      TableName: tableName(),
      Key: keys.ticketAttachment(ticketNumber, attachmentId),
      UpdateExpression: 'SET messageId = :message',
      ConditionExpression: '#status = :visible AND attribute_not_exists(messageId)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':message': messageId, ':visible': 'visible' },
    },
  }));
}
