// Route contracts of the support desk's sla area (issue #13): the monthly SLA report, the staff's canned replies,
// merging a duplicate ticket and changing a ticket's kind, priority or asset.

import { auditReason, pageOf, timestamp } from '#shared/api/common.ts';
import { contract, empty, json, staff } from '#shared/api/contract.ts';
import { LOCALES } from '#shared/i18n/locale.ts';
import { SLA_LEVELS } from '#shared/contracts/fields.ts';
import { pageQuery, ulidSchema } from '#shared/http/schemas.ts';
import * as z from '#shared/validation.ts';

// The ticket's enumerations as shared/tickets/model.ts declares them, repeated here so the web, which imports this
// contract, does not bundle the entity module and its DynamoDB client (test/unit/sla-contract.test.ts keeps them equal).
export const TICKET_KINDS = ['administrative', 'technical'] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
const TICKET_RELATIONS = ['billing', 'licensing', 'sales', 'other'] as const;
const TICKET_STATUSES = ['new', 'open', 'waiting-for-customer', 'waiting-for-vendor', 'resolved', 'closed'] as const;

/** Support work is for the support group; admins may do everything. */
const deskStaff = staff('admin', 'support');

// -- the monthly report --

const monthSchema = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month such as 2026-11.'));

const slaStat = z.strictObject({
  count: z.number(),
  medianMinutes: z.number(),
  averageMinutes: z.number(),
  withinTargetShare: z.number(),
});

export const getSlaReport = contract({
  method: 'GET',
  path: '/api/admin/sla/report',
  summary:
    'Staff: the SLA report of a month (tickets resolved in it, UTC): first-response and resolution times in business ' +
    'minutes (median, average, share within target) per SLA level and priority. Recomputed daily; `computedAt` is ' +
    'absent (and `rows` empty) before the first run.',
  access: deskStaff,
  request: { query: z.strictObject({ month: monthSchema }) },
  response: json(
    z.strictObject({
      month: z.string(),
      computedAt: z.optional(timestamp),
      rows: z.array(
        z.strictObject({
          slaLevel: z.enum(SLA_LEVELS),
          priority: z.enum(TICKET_PRIORITIES),
          tickets: z.number(),
          firstResponse: z.optional(slaStat),
          resolution: z.optional(slaStat),
        }),
      ),
    }),
  ),
});

// -- canned replies --

/** Canned reply limits: the partition holds at most MAX_CANNED_REPLIES (shared/tickets/canned-replies.ts). */
export const cannedReplyInput = z.strictObject({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  body: z.string().check(z.trim(), z.minLength(1), z.maxLength(10_000)),
  locale: z.enum(LOCALES),
});

const cannedReply = z.strictObject({
  cannedReplyId: z.string(),
  title: z.string(),
  body: z.string(),
  locale: z.enum(LOCALES),
  createdAt: timestamp,
  updatedAt: timestamp,
  updatedBy: z.optional(z.string()),
});

const cannedReplyPath = z.strictObject({ cannedReplyId: ulidSchema });

export const listCannedReplies = contract({
  method: 'GET',
  path: '/api/admin/canned-replies',
  summary: 'Staff: the canned replies, oldest first, of one language (`locale`) or all.',
  access: deskStaff,
  request: { query: z.strictObject({ ...pageQuery.shape, locale: z.optional(z.enum(LOCALES)) }) },
  response: json(pageOf(cannedReply)),
});

export const createCannedReply = contract({
  method: 'POST',
  path: '/api/admin/canned-replies',
  summary: 'Staff: adds a canned reply (title, Markdown body, language). 409 CANNED_REPLIES_FULL at 200.',
  access: deskStaff,
  audit: { action: 'canned-reply.create', reason: 'none' },
  request: { body: cannedReplyInput },
  response: json(cannedReply, 201),
});

export const updateCannedReply = contract({
  method: 'PUT',
  path: '/api/admin/canned-replies/{cannedReplyId}',
  summary: 'Staff: replaces a canned reply’s title, body and language.',
  access: deskStaff,
  audit: { action: 'canned-reply.update', reason: 'none' },
  request: { path: cannedReplyPath, body: cannedReplyInput },
  response: json(cannedReply),
});

export const deleteCannedReply = contract({
  method: 'DELETE',
  path: '/api/admin/canned-replies/{cannedReplyId}',
  summary: 'Staff: removes a canned reply.',
  access: deskStaff,
  audit: { action: 'canned-reply.delete', reason: 'none' },
  request: { path: cannedReplyPath },
  response: empty(),
});

// -- merge and change --

export const ticketNumberSchema = z.coerce.number().check(z.int(), z.minimum(1), z.maximum(9_999_999_999));
const ticketPath = z.strictObject({ ticketNumber: ticketNumberSchema });

/** The ticket as the staff actions answer it: what they change, and the due times. */
const staffTicket = z.strictObject({
  ticketNumber: z.number(),
  accountId: z.string(),
  kind: z.enum(TICKET_KINDS),
  priority: z.enum(TICKET_PRIORITIES),
  status: z.enum(TICKET_STATUSES),
  relation: z.optional(z.enum(TICKET_RELATIONS)),
  assetId: z.optional(z.string()),
  assetLabel: z.optional(z.string()),
  contractNumber: z.optional(z.string()),
  slaLevel: z.optional(z.enum(SLA_LEVELS)),
  firstResponseDueAt: z.optional(timestamp),
  resolutionDueAt: z.optional(timestamp),
  breached: z.optional(z.array(z.enum(['first-response', 'resolution']))),
  mergedInto: z.optional(z.number()),
  updatedAt: timestamp,
});

export const mergeTicket = contract({
  method: 'POST',
  path: '/api/admin/tickets/{ticketNumber}/merge',
  summary:
    'Staff: merges a duplicate into another ticket of the same account (400 MERGE_ACROSS_ACCOUNTS otherwise): the ' +
    'duplicate is closed with `mergedInto` and a status event, the target gets a public note; the duplicate keeps its ' +
    'thread and attachments.',
  access: deskStaff,
  audit: { action: 'ticket.merge', reason: 'optional' },
  request: {
    path: ticketPath,
    body: z.strictObject({ intoTicketNumber: z.number().check(z.int(), z.minimum(1)), reason: z.optional(auditReason) }),
  },
  response: json(z.strictObject({ duplicate: staffTicket, target: staffTicket })),
});

export const updateTicket = contract({
  method: 'PATCH',
  path: '/api/admin/tickets/{ticketNumber}',
  summary:
    'Staff: changes a ticket’s kind, priority or asset (technical tickets need an asset of the same account; ' +
    'administrative ones a relation, `other` unless given). The SLA due times are counted again.',
  access: deskStaff,
  audit: { action: 'ticket.update', reason: 'optional' },
  request: {
    path: ticketPath,
    body: z.strictObject({
      kind: z.optional(z.enum(TICKET_KINDS)),
      priority: z.optional(z.enum(TICKET_PRIORITIES)),
      assetId: z.optional(ulidSchema),
      relation: z.optional(z.enum(TICKET_RELATIONS)),
      reason: z.optional(auditReason),
    }),
  },
  response: json(staffTicket),
});
