// Route contracts of the support desk's staff queue (issue #13): the queue with its saved views, one ticket with its
// whole thread (internal notes included), and the staff writes on it (assign, internal note, public reply, status).

import { pageOf, timestamp } from '#shared/api/common.ts';
import { contract, json, staff } from '#shared/api/contract.ts';
import { accountIdSchema, pageQuery } from '#shared/http/schemas.ts';
import { SORT_ORDERS } from '#shared/paging.ts';
import { TICKET_KINDS, TICKET_PRIORITIES, TICKET_STATUSES } from '#shared/tickets/values.ts';
import * as z from '#shared/validation.ts';

/** Billing staff may read the queue and tickets (questions about invoices land there); only admin and support write. */
const readers = staff('admin', 'support', 'billing');
const agents = staff('admin', 'support');

/** The queue's saved views: each one Query of the open (or closed) partition of GSI2 with a filter. */
export const QUEUE_VIEWS = ['all-open', 'mine', 'unassigned', 'breaching', 'closed'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

const ticketNumberPath = z.strictObject({ ticketNumber: z.coerce.number().check(z.int(), z.minimum(1), z.maximum(9_999_999_999)) });
const person = z.strictObject({ userId: z.string(), email: z.string(), name: z.optional(z.string()) });
const assignee = z.strictObject({ userId: z.string(), email: z.string() });
const breach = z.enum(['first-response', 'resolution']);

/** One row of the queue. */
export const queueRow = z.strictObject({
  ticketNumber: z.number(),
  subject: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  kind: z.enum(TICKET_KINDS),
  requester: person,
  priority: z.enum(TICKET_PRIORITIES),
  status: z.enum(TICKET_STATUSES),
  assignee: z.optional(assignee),
  productId: z.optional(z.string()),
  createdAt: timestamp,
  updatedAt: timestamp,
  firstResponseAt: z.optional(timestamp),
  firstResponseDueAt: z.optional(timestamp),
  resolutionDueAt: z.optional(timestamp),
  breached: z.optional(z.array(breach)),
});

/** The whole ticket as staff see it. */
export const staffTicket = z.strictObject({
  ...queueRow.shape,
  description: z.string(),
  relation: z.optional(z.string()),
  assetId: z.optional(z.string()),
  assetLabel: z.optional(z.string()),
  contractNumber: z.optional(z.string()),
  fields: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
  resolvedAt: z.optional(timestamp),
  closedAt: z.optional(timestamp),
  rating: z.optional(z.strictObject({ score: z.number(), comment: z.optional(z.string()), at: timestamp })),
  mergedInto: z.optional(z.number()),
  messageCount: z.number(),
});

/** One thread entry; `visibility: internal` marks a staff note. */
export const threadEntry = z.strictObject({
  messageId: z.string(),
  at: timestamp,
  author: z.strictObject({
    kind: z.enum(['customer', 'staff', 'system']),
    userId: z.optional(z.string()),
    email: z.optional(z.string()),
    name: z.optional(z.string()),
  }),
  visibility: z.enum(['public', 'internal']),
  entry: z.enum(['reply', 'status']),
  body: z.string(),
  statusFrom: z.optional(z.enum(TICKET_STATUSES)),
  statusTo: z.optional(z.enum(TICKET_STATUSES)),
  via: z.enum(['portal', 'email']),
  emailMessageId: z.optional(z.string()),
  attachmentIds: z.optional(z.array(z.string())),
});

const ticketWithThread = z.strictObject({
  ticket: staffTicket,
  thread: z.array(threadEntry),
  /** The thread goes on: pass as `after` to read the next entries. */
  threadAfter: z.optional(z.string()),
});

const shortText = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const markdownBody = z.string().check(z.trim(), z.minLength(1), z.maxLength(20_000));

export const listQueue = contract({
  method: 'GET',
  path: '/api/admin/tickets',
  summary:
    'Staff: the ticket queue in a saved view (all-open, mine, unassigned, breaching, closed), optionally by priority, kind, product or account; last change first (sort=desc) or oldest first. A filtered page may be short and still carry a cursor.',
  access: readers,
  request: {
    query: z.strictObject({
      ...pageQuery.shape,
      view: z.optional(z.enum(QUEUE_VIEWS)),
      sort: z.optional(z.enum(SORT_ORDERS)),
      priority: z.optional(z.enum(TICKET_PRIORITIES)),
      kind: z.optional(z.enum(TICKET_KINDS)),
      product: z.optional(z.string().check(z.regex(/^[a-z0-9-]{1,64}$/, 'A product id.'))),
      accountId: z.optional(accountIdSchema),
    }),
  },
  response: json(pageOf(queueRow)),
});

export const getStaffTicket = contract({
  method: 'GET',
  path: '/api/admin/tickets/{ticketNumber}',
  summary: 'Staff: one ticket with its whole thread, internal notes included (marked `internal`).',
  access: readers,
  request: {
    path: ticketNumberPath,
    query: z.strictObject({ after: z.optional(z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'A thread entry id.'))) }),
  },
  response: json(ticketWithThread),
});

export const listAssignees = contract({
  method: 'GET',
  path: '/api/admin/ticket-assignees',
  summary: 'Staff: the active staff users a ticket may be assigned to (admin and support groups).',
  access: readers,
  request: {},
  response: json(z.strictObject({ items: z.array(assignee) })),
});

export const assignTicket = contract({
  method: 'PUT',
  path: '/api/admin/tickets/{ticketNumber}/assignee',
  summary: 'Staff: assigns the ticket to a staff user (`me` for oneself) or nobody (null). A new ticket becomes open.',
  access: agents,
  audit: { action: 'ticket.assign', reason: 'none' },
  request: {
    path: ticketNumberPath,
    body: z.strictObject({ assignee: z.nullable(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,128}$/, 'A staff user id, or "me".'))) }),
  },
  response: json(staffTicket),
});

export const addNote = contract({
  method: 'POST',
  path: '/api/admin/tickets/{ticketNumber}/notes',
  summary: 'Staff: an internal note on the ticket. Never shown to the customer, never mailed.',
  access: agents,
  audit: { action: 'ticket.note', reason: 'none' },
  request: { path: ticketNumberPath, body: z.strictObject({ body: markdownBody }) },
  response: json(ticketWithThread.shape.ticket, 201),
});

export const replyToTicket = contract({
  method: 'POST',
  path: '/api/admin/tickets/{ticketNumber}/replies',
  summary:
    'Staff: a public reply, mailed to the requester and the account’s support recipients. The status becomes waiting-for-customer unless another is given.',
  access: agents,
  audit: { action: 'ticket.reply', reason: 'none' },
  request: { path: ticketNumberPath, body: z.strictObject({ body: markdownBody, status: z.optional(z.enum(TICKET_STATUSES)) }) },
  response: json(staffTicket, 201),
});

export const setTicketStatus = contract({
  method: 'PUT',
  path: '/api/admin/tickets/{ticketNumber}/status',
  summary: 'Staff: sets the ticket’s status (mailed to the customer). 409 STATUS_UNCHANGED when it already has it.',
  access: agents,
  audit: { action: 'ticket.status', reason: 'none' },
  request: { path: ticketNumberPath, body: z.strictObject({ status: z.enum(TICKET_STATUSES), comment: z.optional(shortText(2000)) }) },
  response: json(staffTicket),
});
