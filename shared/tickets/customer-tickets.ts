// The customer's side of their tickets: the list they may see with its filters, one ticket with its public thread,
// and the few things they do on it (reply, close, reopen, rate), each one conditional write of the ticket.

import type * as z from '#shared/validation.ts';
import type * as api from '#shared/api/ticket-thread.ts';
import { QueryCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { decodeCursor, encodeCursor } from '#shared/db/page.ts';
import { GSI1 } from '#shared/db/table.ts';
import { ConflictError } from '#shared/http/errors.ts';
import { newId } from '#shared/ids.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from '#shared/paging.ts';
import { now } from '#shared/time.ts';
import {
  appendToThread,
  getTicketFor,
  REOPEN_WITHIN_DAYS,
  readThread,
  seesAllAccountTickets,
  type Ticket,
  type TicketChanges,
  type TicketMessage,
  type TicketViewer,
  ticketFromItem,
} from '#shared/tickets/model.ts';

export type TicketListQuery = z.infer<typeof api.ticketListQuery>;
export type TicketSummary = z.input<typeof api.ticketSummary>;
export type TicketDetail = z.input<typeof api.ticketDetail>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The account's tickets partition in GSI1 (keys.accountTickets), ordered by last change. */
export function accountTicketsPartition(accountId: string): string {
  return `ACCOUNT#${accountId}#TICKETS`;
}

interface TicketFilter {
  /** Only the tickets this person opened (roles without company-wide view). */
  requesterUserId?: string;
  status?: string;
  /** Every status but closed. */
  openOnly?: boolean;
  kind?: string;
  priority?: string;
  assetId?: string;
}

/** The viewer's own restriction: billing and read-only people see the tickets they opened. */
export function viewerFilter(viewer: TicketViewer): TicketFilter {
  return seesAllAccountTickets(viewer.role) ? {} : { requesterUserId: viewer.userId };
}

/** The FilterExpression of a ticket filter (the requester is nested: a document path). */
function filterExpression(filter: TicketFilter) {
  const names: Record<string, string> = {};
  const values: Record<string, string> = {};
  const parts: string[] = [];
  if (filter.requesterUserId !== undefined) {
    names['#requester'] = 'requester';
    names['#userId'] = 'userId';
    values[':requester'] = filter.requesterUserId;
    parts.push('#requester.#userId = :requester');
  }
  if (filter.status !== undefined) {
    names['#status'] = 'status';
    values[':status'] = filter.status;
    parts.push('#status = :status');
  } else if (filter.openOnly) {
    names['#status'] = 'status';
    values[':closed'] = 'closed';
    parts.push('#status <> :closed');
  }
  for (const attribute of ['kind', 'priority', 'assetId'] as const) {
    const value = filter[attribute];
    if (value === undefined) continue;
    names[`#${attribute}`] = attribute;
    values[`:${attribute}`] = value;
    parts.push(`#${attribute} = :${attribute}`);
  }
  return { parts, names, values };
}

/**
 * One Query of the account's tickets by last change (GSI1), `limit` items read, the filter applied by DynamoDB: a page
 * may hold fewer, and the cursor goes on while DynamoDB has read further. `count` asks only how many matched.
 */
export async function queryAccountTickets(
  accountId: string,
  filter: TicketFilter,
  page: { limit: number; cursor?: string | undefined; newestFirst: boolean },
): Promise<Page<Ticket>> {
  const partition = accountTicketsPartition(accountId);
  const { parts, names, values } = filterExpression(filter);
  const result = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'GSI1',
      KeyConditionExpression: '#pk = :pk',
      ...(parts.length ? { FilterExpression: parts.join(' AND ') } : {}),
      ExpressionAttributeNames: { '#pk': GSI1.partitionKey, ...names },
      ExpressionAttributeValues: { ':pk': partition, ...values },
      Limit: page.limit,
      ScanIndexForward: !page.newestFirst,
      ...(page.cursor ? { ExclusiveStartKey: decodeCursor(page.cursor, { index: 'GSI1', partition }) } : {}),
    }),
  );
  const items = (result.Items ?? []).map(ticketFromItem);
  return result.LastEvaluatedKey ? { items, nextCursor: encodeCursor(result.LastEvaluatedKey as Record<string, string>) } : { items };
}

/** How many of the account's tickets the viewer may see are not closed: one Query counting at most `limit`. */
export async function countOpenTickets(viewer: TicketViewer, limit: number): Promise<{ count: number; more: boolean }> {
  const { parts, names, values } = filterExpression({ ...viewerFilter(viewer), openOnly: true });
  const result = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'GSI1',
      KeyConditionExpression: '#pk = :pk',
      FilterExpression: parts.join(' AND '),
      ExpressionAttributeNames: { '#pk': GSI1.partitionKey, ...names },
      ExpressionAttributeValues: { ':pk': accountTicketsPartition(viewer.accountId), ...values },
      Select: 'COUNT',
      Limit: limit,
    }),
  );
  return { count: result.Count ?? 0, more: result.LastEvaluatedKey !== undefined };
}

export function ticketSummaryOf(ticket: Ticket): TicketSummary {
  return {
    ticketNumber: ticket.ticketNumber,
    subject: ticket.subject,
    kind: ticket.kind,
    status: ticket.status,
    priority: ticket.priority,
    accountName: ticket.accountName,
    ...(ticket.assetId ? { assetId: ticket.assetId } : {}),
    ...(ticket.assetLabel ? { assetLabel: ticket.assetLabel } : {}),
    requester: { email: ticket.requester.email, ...(ticket.requester.name ? { name: ticket.requester.name } : {}) },
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    ...(ticket.closedAt ? { closedAt: ticket.closedAt } : {}),
  };
}

/** The list page: one Query, then the subject text matched within what it read. */
export async function listCustomerTickets(viewer: TicketViewer, query: TicketListQuery): Promise<Page<TicketSummary>> {
  const filter: TicketFilter = {
    ...viewerFilter(viewer),
    ...(query.status ? { status: query.status } : { openOnly: query.showClosed !== 'true' }),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.priority ? { priority: query.priority } : {}),
    ...(query.assetId ? { assetId: query.assetId } : {}),
  };
  const page = await queryAccountTickets(viewer.accountId, filter, {
    limit: Math.min(query.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    cursor: query.cursor,
    newestFirst: query.sort !== 'asc',
  });
  const text = query.q?.toLocaleLowerCase();
  const items = text ? page.items.filter((ticket) => ticket.subject.toLocaleLowerCase().includes(text)) : page.items;
  return { items: items.map(ticketSummaryOf), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/** The end of the window in which a closed ticket may be reopened and its rating changed. */
export function reopenUntil(ticket: Ticket): Date | undefined {
  return ticket.closedAt ? new Date(new Date(ticket.closedAt).getTime() + REOPEN_WITHIN_DAYS * DAY_MS) : undefined;
}

function withinReopenWindow(ticket: Ticket, at: Date): boolean {
  const until = reopenUntil(ticket);
  return until !== undefined && at.getTime() <= until.getTime();
}

/** Whether the viewer's role may act on a ticket they can see (read-only people only read). */
function mayWrite(viewer: TicketViewer): boolean {
  return viewer.role !== 'read-only';
}

function actionsFor(viewer: TicketViewer, ticket: Ticket, at: Date) {
  const write = mayWrite(viewer);
  const closed = ticket.status === 'closed';
  return {
    reply: write && !closed,
    close: write && !closed,
    reopen: write && closed && ticket.mergedInto === undefined && withinReopenWindow(ticket, at),
    rate: write && closed && (ticket.rating === undefined || withinReopenWindow(ticket, at)),
  };
}

function threadEntryOf(message: TicketMessage): TicketDetail['thread'][number] {
  // Customers are named as they signed (name, else e-mail); staff only by name: their address stays in-house.
  const name = message.author.kind === 'customer' ? (message.author.name ?? message.author.email) : message.author.name;
  return {
    messageId: message.messageId,
    at: message.at,
    author: { kind: message.author.kind, ...(name ? { name } : {}) },
    entry: message.entry,
    body: message.body,
    ...(message.statusFrom ? { statusFrom: message.statusFrom } : {}),
    ...(message.statusTo ? { statusTo: message.statusTo } : {}),
    via: message.via,
    ...(message.attachmentIds?.length ? { attachmentIds: message.attachmentIds } : {}),
  };
}

/** The ticket as the customer sees it, with a page of its public thread (internal notes are filtered in the Query). */
export async function ticketDetailFor(viewer: TicketViewer, ticket: Ticket, after?: string): Promise<TicketDetail> {
  const thread = await readThread(ticket.ticketNumber, { publicOnly: true, ...(after ? { after } : {}) });
  const until = reopenUntil(ticket);
  return {
    ...ticketSummaryOf(ticket),
    description: ticket.description,
    ...(ticket.relation ? { relation: ticket.relation } : {}),
    ...(ticket.contractNumber ? { contractNumber: ticket.contractNumber } : {}),
    ...(ticket.fields ? { fields: ticket.fields } : {}),
    ...(ticket.resolvedAt ? { resolvedAt: ticket.resolvedAt } : {}),
    ...(ticket.rating ? { rating: ticket.rating } : {}),
    ...(ticket.mergedInto !== undefined ? { mergedInto: ticket.mergedInto } : {}),
    ...(until && ticket.status === 'closed' ? { reopenUntil: until.toISOString() } : {}),
    actions: actionsFor(viewer, ticket, now()),
    thread: thread.messages.map(threadEntryOf),
    ...(thread.nextAfter ? { threadAfter: thread.nextAfter } : {}),
  };
}

export async function getCustomerTicket(viewer: TicketViewer, ticketNumber: number, after?: string): Promise<TicketDetail> {
  return ticketDetailFor(viewer, await getTicketFor(viewer, ticketNumber), after);
}

/** Who acts: the customer caller, as the thread names them. */
export interface TicketActor extends TicketViewer {
  email: string;
  name?: string;
}

/**
 * The time of a change: now, but always after the ticket's last change, so the conditional write on `updatedAt`
 * tells two changes apart even within one millisecond.
 */
function changeTime(ticket: Ticket): Date {
  const at = now();
  const last = new Date(ticket.updatedAt).getTime();
  return at.getTime() > last ? at : new Date(last + 1);
}

function customerMessage(
  actor: TicketActor,
  at: Date,
  entry: Pick<TicketMessage, 'entry' | 'body' | 'statusFrom' | 'statusTo'>,
): TicketMessage {
  return {
    messageId: newId(at),
    at: at.toISOString(),
    author: { kind: 'customer', userId: actor.userId, email: actor.email, ...(actor.name ? { name: actor.name } : {}) },
    visibility: 'public',
    via: 'portal',
    ...entry,
  };
}

function editedMeanwhile(): ConflictError {
  return new ConflictError('Someone changed this at the same moment. Reload and try again.', 'EDITED_MEANWHILE');
}

/** appendToThread, a lost race (the ticket changed since it was read) answered as 409 EDITED_MEANWHILE. */
async function write(ticket: Ticket, message: TicketMessage | undefined, changes: TicketChanges): Promise<Ticket> {
  try {
    return await appendToThread(ticket, message, changes);
  } catch (error) {
    if ((error as Error).name === 'TransactionCanceledException') throw editedMeanwhile();
    throw error;
  }
}

function ticketClosed(): ConflictError {
  return new ConflictError('The ticket is closed. Reopen it to write again.', 'TICKET_CLOSED');
}

/** A customer's reply moves a ticket that waited on them (or was resolved) back to the vendor. */
export function statusAfterCustomerReply(status: Ticket['status']): Ticket['status'] {
  return status === 'waiting-for-customer' || status === 'resolved' ? 'waiting-for-vendor' : status;
}

/** Replies on the ticket as read: the reply and any change of status in one conditional write. */
export async function replyAs(actor: TicketActor, ticket: Ticket, body: string): Promise<Ticket> {
  if (ticket.status === 'closed') throw ticketClosed();
  const at = changeTime(ticket);
  const status = statusAfterCustomerReply(ticket.status);
  const moved = status !== ticket.status;
  const message = customerMessage(actor, at, {
    entry: 'reply',
    body,
    ...(moved ? { statusFrom: ticket.status, statusTo: status } : {}),
  });
  return write(ticket, message, {
    updatedAt: message.at,
    ...(moved ? { status } : {}),
    // A reply after "resolved" means it was not: the resolution time no longer holds.
    ...(ticket.status === 'resolved' ? { resolvedAt: undefined } : {}),
  });
}

export async function replyToTicket(actor: TicketActor, ticketNumber: number, body: string): Promise<TicketDetail> {
  const ticket = await getTicketFor(actor, ticketNumber);
  return ticketDetailFor(actor, await replyAs(actor, ticket, body));
}

export async function closeTicket(actor: TicketActor, ticketNumber: number): Promise<TicketDetail> {
  const ticket = await getTicketFor(actor, ticketNumber);
  if (ticket.status === 'closed') throw ticketClosed();
  const at = changeTime(ticket);
  const message = customerMessage(actor, at, { entry: 'status', body: '', statusFrom: ticket.status, statusTo: 'closed' });
  return ticketDetailFor(actor, await write(ticket, message, { status: 'closed', closedAt: message.at, updatedAt: message.at }));
}

export async function reopenTicket(actor: TicketActor, ticketNumber: number): Promise<TicketDetail> {
  const ticket = await getTicketFor(actor, ticketNumber);
  if (ticket.status !== 'closed') throw new ConflictError('The ticket is not closed.', 'TICKET_NOT_CLOSED');
  if (ticket.mergedInto !== undefined) {
    throw new ConflictError(`This ticket was merged into ticket ${ticket.mergedInto}: write there.`, 'TICKET_MERGED', {
      mergedInto: ticket.mergedInto,
    });
  }
  const at = changeTime(ticket);
  if (!withinReopenWindow(ticket, at)) {
    throw new ConflictError(`A ticket can be reopened within ${REOPEN_WITHIN_DAYS} days of closing. Open a new one.`, 'REOPEN_EXPIRED');
  }
  const message = customerMessage(actor, at, { entry: 'status', body: '', statusFrom: 'closed', statusTo: 'open' });
  return ticketDetailFor(
    actor,
    await write(ticket, message, { status: 'open', closedAt: undefined, resolvedAt: undefined, updatedAt: message.at }),
  );
}

export async function rateTicket(
  actor: TicketActor,
  ticketNumber: number,
  rating: { score: number; comment?: string | undefined },
): Promise<TicketDetail> {
  const ticket = await getTicketFor(actor, ticketNumber);
  if (ticket.status !== 'closed') throw new ConflictError('A ticket is rated once it is closed.', 'TICKET_NOT_CLOSED');
  const at = changeTime(ticket);
  if (ticket.rating !== undefined && !withinReopenWindow(ticket, at)) {
    throw new ConflictError(`A rating can be changed within ${REOPEN_WITHIN_DAYS} days of closing.`, 'RATING_FINAL');
  }
  const comment = rating.comment?.trim();
  const written = await write(ticket, undefined, {
    rating: { score: rating.score, ...(comment ? { comment } : {}), at: at.toISOString() },
    updatedAt: at.toISOString(),
  });
  return ticketDetailFor(actor, written);
}
