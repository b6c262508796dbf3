// The support ticket entities (issue #13): the ticket, numbered by a counter, in a partition of its own with its
// thread (public replies, internal notes, status events). Owns their keys, items and `...FromItem` reads, and the few
// writes every ticket feature shares: numbering, reading one ticket for a customer or for staff, and appending to the
// thread with the ticket's new state in one transaction.

import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys, SK_PREFIX, ticketPartition } from '#shared/db/keys.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import * as z from '#shared/validation.ts';

import {
  TICKET_KINDS,
  TICKET_PRIORITIES,
  TICKET_RELATIONS,
  TICKET_STATUSES,
  type TicketKind,
  type TicketPriority,
  type TicketRelation,
  type TicketStatus,
} from '#shared/tickets/values.ts';

export { TICKET_KINDS, TICKET_PRIORITIES, TICKET_RELATIONS, TICKET_STATUSES };
export type { TicketKind, TicketPriority, TicketRelation, TicketStatus };

/** A closed ticket may be reopened by the customer within this many days of closing. */
export const REOPEN_WITHIN_DAYS = 30;

/** Answers to a product's own ticket fields (shared/tickets/fields.ts), by field key. */
export type TicketFieldAnswers = Record<string, string | number | boolean>;

export interface TicketPerson {
  userId: string;
  email: string;
  name?: string;
}

export interface Ticket {
  ticketNumber: number;
  accountId: string;
  /** The account's name when the ticket was opened: the staff queue's "company" column without a read per row. */
  accountName: string;
  kind: TicketKind;
  subject: string;
  /** Markdown, rendered safely where shown (shared/tickets/markdown.ts). */
  description: string;
  priority: TicketPriority;
  status: TicketStatus;
  /** Administrative tickets: what it is about. */
  relation?: TicketRelation;
  /** Technical tickets: the asset under an active contract, and what it was when the ticket was opened. */
  assetId?: string;
  assetLabel?: string;
  contractNumber?: string;
  /** The catalogue product whose ticket fields the answers follow. */
  productId?: string;
  fields?: TicketFieldAnswers;
  requester: TicketPerson;
  /** The staff user working on it. */
  assignee?: { userId: string; email: string };
  createdAt: string;
  updatedAt: string;
  /** First public staff reply; SLA targets (shared/tickets/sla.ts) and breaches. */
  firstResponseAt?: string;
  firstResponseDueAt?: string;
  resolutionDueAt?: string;
  resolvedAt?: string;
  closedAt?: string;
  breached?: Array<'first-response' | 'resolution'>;
  /** The contract level the due times were counted at (shared/tickets/sla.ts withSlaDueTimes); the monthly report groups by it. */
  slaLevel?: 'standard' | 'priority' | 'critical';
  /** The customer's satisfaction after closing, 1 to 5. */
  rating?: { score: number; comment?: string; at: string };
  /** A duplicate merged into another ticket: closed, pointing there. */
  mergedInto?: number;
  /** Public replies and internal notes in the thread (status events not counted). */
  messageCount: number;
  /**
   * The last public thread entry (set by appendToThread; internal notes leave it): the customer's activity feed shows
   * what happened last without reading each thread.
   */
  lastEntry?: TicketLastEntry;
}

export interface TicketLastEntry {
  entry: 'reply' | 'status';
  by: 'customer' | 'staff' | 'system';
  at: string;
  statusTo?: TicketStatus;
}

/** Who wrote a thread entry. */
export interface ThreadAuthor {
  kind: 'customer' | 'staff' | 'system';
  userId?: string;
  email?: string;
  name?: string;
}

export interface TicketMessage {
  /** ULID: the thread sorts by it. */
  messageId: string;
  at: string;
  author: ThreadAuthor;
  /** `internal` notes are for staff only: never answered to a customer, never mailed. */
  visibility: 'public' | 'internal';
  /** `reply` carries a Markdown body; `status` records a change of status (body empty). */
  entry: 'reply' | 'status';
  body: string;
  statusFrom?: TicketStatus;
  statusTo?: TicketStatus;
  /** How it arrived: typed in the portal or a reply by e-mail (then the mail's Message-ID). */
  via: 'portal' | 'email';
  emailMessageId?: string;
  /** Attachments (their ids in the ticket's partition) that came with this entry. */
  attachmentIds?: string[];
}

export function isOpen(status: TicketStatus): boolean {
  return status !== 'closed';
}

const personSchema = () => z.object({ userId: z.string(), email: z.string(), name: z.optional(z.string()) });

const ticketSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    ticketNumber: z.number(),
    accountId: z.string(),
    accountName: z.string(),
    kind: z.enum(TICKET_KINDS),
    subject: z.string(),
    description: z.string(),
    priority: z.enum(TICKET_PRIORITIES),
    status: z.enum(TICKET_STATUSES),
    relation: z.optional(z.enum(TICKET_RELATIONS)),
    assetId: z.optional(z.string()),
    assetLabel: z.optional(z.string()),
    contractNumber: z.optional(z.string()),
    productId: z.optional(z.string()),
    fields: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
    requester: personSchema(),
    assignee: z.optional(z.object({ userId: z.string(), email: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
    firstResponseAt: z.optional(z.string()),
    firstResponseDueAt: z.optional(z.string()),
    resolutionDueAt: z.optional(z.string()),
    resolvedAt: z.optional(z.string()),
    closedAt: z.optional(z.string()),
    breached: z.optional(z.array(z.enum(['first-response', 'resolution']))),
    slaLevel: z.optional(z.enum(['standard', 'priority', 'critical'])),
    rating: z.optional(z.object({ score: z.number(), comment: z.optional(z.string()), at: z.string() })),
    mergedInto: z.optional(z.number()),
    messageCount: z._default(z.number(), 0),
    lastEntry: z.optional(
      z.object({
        entry: z.enum(['reply', 'status']),
        by: z.enum(['customer', 'staff', 'system']),
        at: z.string(),
        statusTo: z.optional(z.enum(TICKET_STATUSES)),
      }),
    ),
  }),
);

const messageSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    messageId: z.string(),
    at: z.string(),
    author: z.object({
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
  }),
);

/** The index attributes of a ticket in its state: its account's list (GSI1) and the staff queue (GSI2). */
export function ticketIndexKeys(ticket: Pick<Ticket, 'accountId' | 'updatedAt' | 'ticketNumber' | 'status'>): Item {
  return {
    ...keys.accountTickets(ticket.accountId, ticket.updatedAt, ticket.ticketNumber),
    ...keys.ticketQueue(isOpen(ticket.status), ticket.updatedAt, ticket.ticketNumber),
  };
}

export function ticketItem(ticket: Ticket): Item {
  return { ...keys.ticket(ticket.ticketNumber), ...ticketIndexKeys(ticket), type: 'Ticket', ...ticket };
}

export function ticketFromItem(item: Item): Ticket {
  return parseItem('Ticket', ticketSchema, item);
}

export function ticketMessageItem(ticketNumber: number, message: TicketMessage): Item {
  return { ...keys.ticketMessage(ticketNumber, message.messageId), type: 'TicketMessage', ticketNumber, ...message };
}

export function ticketMessageFromItem(item: Item): TicketMessage {
  return parseItem('TicketMessage', messageSchema, item);
}

/** The next ticket number: one atomic ADD on the counter (numbers are never reused; a failed create leaves a gap). */
export async function nextTicketNumber(): Promise<number> {
  const result = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.ticketCounter(),
      UpdateExpression: 'ADD #value :one',
      ExpressionAttributeNames: { '#value': 'value' },
      ExpressionAttributeValues: { ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(result.Attributes?.value);
}

/** The ticket, or undefined: one GetItem. Staff read any ticket this way. */
export async function findTicket(ticketNumber: number): Promise<Ticket | undefined> {
  const result = await db().send(new GetCommand({ TableName: tableName(), Key: keys.ticket(ticketNumber) }));
  return result.Item ? ticketFromItem(result.Item) : undefined;
}

/** What a customer caller needs to be shown a ticket: their account, their person, and their role. */
export interface TicketViewer {
  accountId: string;
  userId: string;
  role: string;
}

/**
 * Owners and technical contacts see every ticket of their account (company-wide visibility, as the seed); billing
 * and read-only people see the tickets they opened.
 */
export function seesAllAccountTickets(role: string): boolean {
  return role === 'owner' || role === 'technical';
}

export function mayView(viewer: TicketViewer, ticket: Ticket): boolean {
  if (ticket.accountId !== viewer.accountId) return false;
  return seesAllAccountTickets(viewer.role) || ticket.requester.userId === viewer.userId;
}

/** The ticket as a customer may see it: another account's, another person's (without company-wide view), or none → 404. */
export async function getTicketFor(viewer: TicketViewer, ticketNumber: number): Promise<Ticket> {
  const ticket = await findTicket(ticketNumber);
  if (!ticket || !mayView(viewer, ticket)) throw new NotFoundError('No such ticket.');
  return ticket;
}

/** The ticket for staff: any account's; an unknown number → 404. */
export async function getTicket(ticketNumber: number): Promise<Ticket> {
  const ticket = await findTicket(ticketNumber);
  if (!ticket) throw new NotFoundError('No such ticket.');
  return ticket;
}

/** The most thread entries one request reads; a longer thread pages (cursor = the last message id). */
export const MAX_THREAD_PAGE = 200;

/**
 * One page of the ticket's thread in time order: one Query in the ticket's partition. Customers pass
 * `publicOnly` (internal notes are filtered out by the Query itself, so they never leave the table for them).
 */
export async function readThread(
  ticketNumber: number,
  options: { publicOnly: boolean; after?: string },
): Promise<{ messages: TicketMessage[]; nextAfter?: string }> {
  const result = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: options.after ? 'PK = :pk AND SK > :after' : 'PK = :pk AND begins_with(SK, :prefix)',
      ...(options.publicOnly ? { FilterExpression: 'visibility = :public' } : {}),
      ExpressionAttributeValues: {
        ':pk': ticketPartition(ticketNumber),
        ...(options.after ? { ':after': `${SK_PREFIX.ticketMessage}${options.after}` } : { ':prefix': SK_PREFIX.ticketMessage }),
        ...(options.publicOnly ? { ':public': 'public' } : {}),
      },
      Limit: MAX_THREAD_PAGE,
    }),
  );
  const messages = (result.Items ?? []).filter((item) => String(item.SK).startsWith(SK_PREFIX.ticketMessage)).map(ticketMessageFromItem);
  const last = result.LastEvaluatedKey?.SK;
  return typeof last === 'string' ? { messages, nextAfter: last.slice(SK_PREFIX.ticketMessage.length) } : { messages };
}

/** Ticket fields a thread entry may change with it (status, its times, assignee, ...). */
export type TicketChanges = Partial<Omit<Ticket, 'ticketNumber' | 'accountId' | 'createdAt' | 'requester'>>;

/** One item of a TransactWriteItems (the same shape the audit trail's `commit` takes). */
export type ThreadWriteItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/**
 * The ticket's new state and the transaction items that write it with one thread entry, without sending them: the
 * ticket Put conditioned on its `updatedAt` as read, and the entry's Put. appendToThread sends them; an audited staff
 * write hands them to `audit.commit` so the audit entry joins the same transaction.
 */
export function threadWriteItems(
  ticket: Ticket,
  message: TicketMessage | undefined,
  changes: TicketChanges,
): { next: Ticket; items: ThreadWriteItem[] } {
  const counted = message && message.entry === 'reply' ? 1 : 0;
  const next: Ticket = {
    ...ticket,
    ...changes,
    updatedAt: changes.updatedAt ?? message?.at ?? ticket.updatedAt,
    messageCount: ticket.messageCount + counted,
    // The last public entry: the home page's activity feed reads it from the ticket list, not from each thread.
    ...(message && message.visibility === 'public'
      ? {
          lastEntry: {
            entry: message.entry,
            by: message.author.kind,
            at: message.at,
            ...(message.statusTo ? { statusTo: message.statusTo } : {}),
          },
        }
      : {}),
  };
  const items: ThreadWriteItem[] = [
    {
      Put: {
        TableName: tableName(),
        Item: ticketItem(next),
        ConditionExpression: 'updatedAt = :read',
        ExpressionAttributeValues: { ':read': ticket.updatedAt },
      },
    },
  ];
  if (message) {
    items.push({
      Put: {
        TableName: tableName(),
        Item: ticketMessageItem(ticket.ticketNumber, message),
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    });
  }
  return { next, items };
}

/**
 * Appends one entry to the thread and writes the ticket's new state, in ONE transaction conditioned on the ticket's
 * `updatedAt` as read (a concurrent change → 409 from the handler's retry or the caller). `extra` adds further items
 * of the same change (an idempotency claim of an e-mail, an audit entry). Returns the ticket as written.
 */
export async function appendToThread(
  ticket: Ticket,
  message: TicketMessage | undefined,
  changes: TicketChanges,
  extra: ThreadWriteItem[] = [],
): Promise<Ticket> {
  const { next, items } = threadWriteItems(ticket, message, changes);
  await db().send(new TransactWriteCommand({ TransactItems: [...items, ...extra] }));
  return next;
}
