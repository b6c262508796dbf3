// Contracts: the customer's tickets (issue #13): the list with its filters, one ticket with its public thread, and
// what the customer does on it: reply, close, reopen, rate.

import { pageOf, timestamp } from '#shared/api/common.ts';
import { contract, customerRoles, json } from '#shared/api/contract.ts';
import { ROLE_AREAS } from '#shared/accounts/roles.ts';
import { MAX_PAGE_SIZE, SORT_ORDERS } from '#shared/paging.ts';
import { TICKET_KINDS, TICKET_PRIORITIES, TICKET_RELATIONS, TICKET_STATUSES } from '#shared/tickets/values.ts';
import { ulidSchema } from '#shared/http/schemas.ts';
import * as z from '#shared/validation.ts';

/** A ticket's number as the list shows it (`/tickets/42`). */
export const ticketNumberPath = z.strictObject({
  ticketNumber: z.coerce.number().check(z.int(), z.minimum(1), z.maximum(9_999_999_999)),
});

/** The page sizes the list offers. */
export const TICKET_PAGE_SIZES = [10, 25, 50, 100] as const;

/** A yes/no query parameter, as a form's checkbox sends it. */
const flag = z.optional(z.enum(['true', 'false']));

export const ticketListQuery = z.strictObject({
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_PAGE_SIZE))),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
  /** Last change, newest first (`desc`, the default) or oldest first. */
  sort: z.optional(z.enum(SORT_ORDERS)),
  /** One status only; without it every status but closed, unless `showClosed=true`. */
  status: z.optional(z.enum(TICKET_STATUSES)),
  showClosed: flag,
  kind: z.optional(z.enum(TICKET_KINDS)),
  priority: z.optional(z.enum(TICKET_PRIORITIES)),
  assetId: z.optional(ulidSchema),
  /** Text in the subject, any case: matched within each page read (a page may then be short, with a cursor). */
  q: z.optional(z.string().check(z.trim(), z.maxLength(200))),
});

const summaryFields = {
  ticketNumber: z.number(),
  subject: z.string(),
  kind: z.enum(TICKET_KINDS),
  status: z.enum(TICKET_STATUSES),
  priority: z.enum(TICKET_PRIORITIES),
  /** The company: the account's name when the ticket was opened. */
  accountName: z.string(),
  assetId: z.optional(z.string()),
  assetLabel: z.optional(z.string()),
  requester: z.strictObject({ email: z.string(), name: z.optional(z.string()) }),
  /** Its age counts from here. */
  createdAt: timestamp,
  /** The last change. */
  updatedAt: timestamp,
  closedAt: z.optional(timestamp),
};

export const ticketSummary = z.strictObject(summaryFields);

const rating = z.strictObject({ score: z.number(), comment: z.optional(z.string()), at: timestamp });

/** One public entry of the thread: a reply (Markdown) or a change of status. Internal notes never appear. */
export const threadEntry = z.strictObject({
  messageId: z.string(),
  at: timestamp,
  /** Staff authors are named by their name only (the portal shows "Support" without one). */
  author: z.strictObject({ kind: z.enum(['customer', 'staff', 'system']), name: z.optional(z.string()) }),
  entry: z.enum(['reply', 'status']),
  body: z.string(),
  statusFrom: z.optional(z.enum(TICKET_STATUSES)),
  statusTo: z.optional(z.enum(TICKET_STATUSES)),
  via: z.enum(['portal', 'email']),
  attachmentIds: z.optional(z.array(z.string())),
});

export const ticketDetail = z.strictObject({
  ...summaryFields,
  description: z.string(),
  relation: z.optional(z.enum(TICKET_RELATIONS)),
  contractNumber: z.optional(z.string()),
  fields: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
  resolvedAt: z.optional(timestamp),
  rating: z.optional(rating),
  mergedInto: z.optional(z.number()),
  /** Until when a closed ticket may be reopened (and its rating changed). */
  reopenUntil: z.optional(timestamp),
  /** What the caller may do now (the server checks again on each action). */
  actions: z.strictObject({ reply: z.boolean(), close: z.boolean(), reopen: z.boolean(), rate: z.boolean() }),
  thread: z.array(threadEntry),
  /** The thread goes on past the entries shown (more than one read's worth): pass as `after`. */
  threadAfter: z.optional(z.string()),
});

export const listTickets = contract({
  method: 'GET',
  path: '/api/tickets',
  summary:
    'The tickets the caller may see (owners and technical contacts: the whole account’s; others: the ones they opened), last change first; closed ones only with showClosed=true or status=closed; filters by kind, priority, asset and text in the subject.',
  access: customerRoles(ROLE_AREAS.ticketRead),
  request: { query: ticketListQuery },
  response: json(pageOf(ticketSummary)),
});

export const getTicket = contract({
  method: 'GET',
  path: '/api/tickets/{ticketNumber}',
  summary: 'One ticket the caller may see, with its public thread in time order (internal notes never); another’s → 404.',
  access: customerRoles(ROLE_AREAS.ticketRead),
  request: {
    path: ticketNumberPath,
    query: z.strictObject({ after: z.optional(z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/))) }),
  },
  response: json(ticketDetail),
});

const replyBody = z.string().check(z.trim(), z.minLength(1), z.maxLength(20_000));

export const replyToTicket = contract({
  method: 'POST',
  path: '/api/tickets/{ticketNumber}/replies',
  summary:
    'Adds the caller’s reply (Markdown) to the thread; waiting-for-customer or resolved becomes waiting-for-vendor. Closed → 409 TICKET_CLOSED (reopen first); changed meanwhile → 409 EDITED_MEANWHILE.',
  access: customerRoles(ROLE_AREAS.ticketWrite),
  request: { path: ticketNumberPath, body: z.strictObject({ body: replyBody }) },
  response: json(ticketDetail, 201),
});

export const closeTicket = contract({
  method: 'POST',
  path: '/api/tickets/{ticketNumber}/close',
  summary:
    'Closes the ticket (its requester, an owner or a technical contact); a status event joins the thread. Already closed → 409 TICKET_CLOSED.',
  access: customerRoles(ROLE_AREAS.ticketWrite),
  request: { path: ticketNumberPath },
  response: json(ticketDetail),
});

export const reopenTicket = contract({
  method: 'POST',
  path: '/api/tickets/{ticketNumber}/reopen',
  summary:
    'Reopens a closed ticket within 30 days of closing (409 REOPEN_EXPIRED after; 409 TICKET_MERGED for a duplicate merged into another; 409 TICKET_NOT_CLOSED).',
  access: customerRoles(ROLE_AREAS.ticketWrite),
  request: { path: ticketNumberPath },
  response: json(ticketDetail),
});

export const rateTicket = contract({
  method: 'PUT',
  path: '/api/tickets/{ticketNumber}/rating',
  summary:
    'Rates a closed ticket 1 to 5 with an optional comment; a rating may be changed within 30 days of closing (409 RATING_FINAL after; 409 TICKET_NOT_CLOSED while open).',
  access: customerRoles(ROLE_AREAS.ticketWrite),
  request: {
    path: ticketNumberPath,
    body: z.strictObject({
      score: z.number().check(z.int(), z.minimum(1), z.maximum(5)),
      comment: z.optional(z.string().check(z.trim(), z.maxLength(1000))),
    }),
  },
  response: json(ticketDetail),
});

// --- The home page's part (shared/api/home.ts carries them) ---------------------------------------------------------

/** One of the caller's recent tickets on the home page. */
export const recentTicket = z.strictObject({
  ticketNumber: z.number(),
  subject: z.string(),
  status: z.enum(TICKET_STATUSES),
  updatedAt: timestamp,
});

/**
 * One entry of the home page's "Activities" feed about a ticket: what happened last on it (a reply by either side, a
 * change of status, or its opening). Other kinds of entry (new articles) join the feed's union beside it.
 */
export const ticketActivity = z.strictObject({
  kind: z.literal('ticket'),
  at: timestamp,
  ticketNumber: z.number(),
  subject: z.string(),
  event: z.enum(['opened', 'reply', 'status']),
  by: z.enum(['customer', 'staff', 'system']),
  statusTo: z.optional(z.enum(TICKET_STATUSES)),
});
