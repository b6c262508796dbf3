// The staff side of tickets (issue #13): the queue in its saved views (one Query of GSI2 per page), one ticket with
// its whole thread, and the staff writes on it — assign, internal note, public reply, status — each written with its
// audit entry in one transaction, the public ones then mailed to the customer (shared/tickets/staff-mail.ts).

import type { StaffCaller } from '#shared/accounts/caller.ts';
import type { QueueView } from '#shared/api/staff-tickets.ts';
import type { AuditTrail } from '#shared/audit/audit.ts';
import { changesBetween } from '#shared/audit/audit.ts';
import { QueryCommand, type QueryCommandInput } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { decodeCursor, encodeCursor, type PartitionQuery } from '#shared/db/page.ts';
import { keys } from '#shared/db/keys.ts';
import { GSI2 } from '#shared/db/table.ts';
import { ConflictError, NotFoundError } from '#shared/http/errors.ts';
import { newId } from '#shared/ids.ts';
import { logger } from '#shared/observability/logger.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type SortOrder } from '#shared/paging.ts';
import { listStaffUsers } from '#shared/staff/staff-admin.ts';
import { staffUserState } from '#shared/staff/staff-user.ts';
import { nowIso } from '#shared/time.ts';
import {
  getTicket,
  readThread,
  type Ticket,
  type TicketChanges,
  ticketFromItem,
  type TicketMessage,
  type TicketKind,
  type TicketPriority,
  type TicketStatus,
  threadWriteItems,
  ticketMessageItem,
} from '#shared/tickets/model.ts';
import { mailStaffReply, mailStatusChange } from '#shared/tickets/staff-mail.ts';
import { ticketReplyTo } from '#shared/tickets/reply-address.ts';

// --- The queue -------------------------------------------------------------------------------------------------------

export interface QueueFilter {
  view: QueueView;
  priority?: TicketPriority;
  kind?: TicketKind;
  productId?: string;
  accountId?: string;
  sort: SortOrder;
  limit?: number;
  cursor?: string;
}

/**
 * The FilterExpression of a view and the optional filters: `mine` is the caller's assignments, `unassigned` those
 * without an assignee, `breaching` a breach marked by the SLA job or a due time already past (first response not
 * given yet, or not resolved yet).
 */
function queueFilter(filter: QueueFilter, staffUserId: string, at: string) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const parts: string[] = [];
  if (filter.view === 'mine') {
    names['#assignee'] = 'assignee';
    names['#userId'] = 'userId';
    values[':me'] = staffUserId;
    parts.push('#assignee.#userId = :me');
  } else if (filter.view === 'unassigned') {
    names['#assignee'] = 'assignee';
    parts.push('attribute_not_exists(#assignee)');
  } else if (filter.view === 'breaching') {
    Object.assign(names, {
      '#breached': 'breached',
      '#frDue': 'firstResponseDueAt',
      '#frAt': 'firstResponseAt',
      '#resDue': 'resolutionDueAt',
      '#resAt': 'resolvedAt',
    });
    values[':now'] = at;
    parts.push(
      '(size(#breached) > :zero OR (#frDue < :now AND attribute_not_exists(#frAt)) OR (#resDue < :now AND attribute_not_exists(#resAt)))',
    );
    values[':zero'] = 0;
  }
  const equal = { priority: filter.priority, kind: filter.kind, productId: filter.productId, accountId: filter.accountId };
  for (const [attribute, value] of Object.entries(equal)) {
    if (value === undefined) continue;
    names[`#${attribute}`] = attribute;
    values[`:${attribute}`] = value;
    parts.push(`#${attribute} = :${attribute}`);
  }
  return parts.length ? { FilterExpression: parts.join(' AND '), names, values } : { names, values };
}

/**
 * One page of the queue: ONE Query of GSI2's open (or, for `closed`, closed) partition, last change first unless
 * `sort=asc`, with the view's filter. DynamoDB filters after reading `limit` items, so a filtered page may be short
 * (even empty) and still carry a cursor to read on.
 */
export async function listQueue(filter: QueueFilter, staffUserId: string): Promise<Page<Ticket>> {
  const partition = keys.ticketQueue(filter.view !== 'closed', '', 0).GSI2PK;
  const limit = Math.min(filter.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const paged: PartitionQuery = { index: 'GSI2', partition };
  const { FilterExpression, names, values } = queueFilter(filter, staffUserId, nowIso());
  const input: QueryCommandInput = {
    TableName: tableName(),
    IndexName: GSI2.name,
    KeyConditionExpression: '#pk = :pk',
    ...(FilterExpression ? { FilterExpression } : {}),
    ExpressionAttributeNames: { '#pk': GSI2.partitionKey, ...names },
    ExpressionAttributeValues: { ':pk': partition, ...values },
    Limit: limit,
    ScanIndexForward: filter.sort === 'asc',
    ...(filter.cursor ? { ExclusiveStartKey: decodeCursor(filter.cursor, paged) } : {}),
  };
  const result = await db().send(new QueryCommand(input));
  const items = (result.Items ?? []).map(ticketFromItem);
  return result.LastEvaluatedKey ? { items, nextCursor: encodeCursor(result.LastEvaluatedKey as Record<string, string>) } : { items };
}

/** One ticket with its whole thread, internal notes included: one GetItem and one Query. */
export async function staffTicketWithThread(
  ticketNumber: number,
  after?: string,
): Promise<{ ticket: Ticket; thread: TicketMessage[]; threadAfter?: string }> {
  const [ticket, thread] = await Promise.all([getTicket(ticketNumber), readThread(ticketNumber, { publicOnly: false, after })]);
  return { ticket, thread: thread.messages, ...(thread.nextAfter ? { threadAfter: thread.nextAfter } : {}) };
}

/** The staff users who take tickets: active, in admin or support (one page of the staff directory: the staff is small). */
export async function listAssignees(): Promise<Array<{ userId: string; email: string }>> {
  const page = await listStaffUsers({ limit: MAX_PAGE_SIZE });
  return page.items
    .filter((user) => user.status === 'active' && user.groups.some((group) => group === 'admin' || group === 'support'))
    .map((user) => ({ userId: user.userId, email: user.email }));
}

// --- Staff writes ----------------------------------------------------------------------------------------------------

type Commit = AuditTrail['commit'];

const AUDITED_FIELDS = ['status', 'assignee', 'firstResponseAt', 'resolvedAt', 'closedAt'] as const satisfies readonly (keyof Ticket)[];

function staffAuthor(staff: StaffCaller): TicketMessage['author'] {
  return { kind: 'staff', userId: staff.userId, ...(staff.email ? { email: staff.email } : {}) };
}

function statusTimes(status: TicketStatus, at: string): TicketChanges {
  if (status === 'resolved') return { resolvedAt: at };
  if (status === 'closed') return { closedAt: at };
  return {};
}

/** A public status event in the thread (e.g. the `new → open` of a staff user's first action). */
function statusEvent(staff: StaffCaller, from: TicketStatus, to: TicketStatus, at: string, body = ''): TicketMessage {
  return {
    messageId: newId(new Date(at)),
    at,
    author: staffAuthor(staff),
    visibility: 'public',
    entry: 'status',
    body,
    statusFrom: from,
    statusTo: to,
    via: 'portal',
  };
}

/**
 * Writes one staff change: the ticket's new state, the thread entry, an extra status event when the entry itself does
 * not carry the change of status, and the audit entry — ONE transaction. A concurrent change of the ticket → 409.
 */
async function writeStaffChange(
  before: Ticket,
  input: { message?: TicketMessage; statusEvent?: TicketMessage; changes: TicketChanges },
  commit: Commit,
  auditedBefore: Ticket = before,
): Promise<Ticket> {
  const { next, items } = threadWriteItems(before, input.message, input.changes);
  const all = [...items];
  if (input.statusEvent) {
    all.push({
      Put: {
        TableName: tableName(),
        Item: ticketMessageItem(before.ticketNumber, input.statusEvent),
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    });
  }
  try {
    await commit({
      target: {
        kind: 'ticket',
        id: String(before.ticketNumber),
        accountId: before.accountId,
        label: `#${before.ticketNumber} ${before.subject}`.slice(0, 120),
      },
      changes: changesBetween(auditedBefore, next, AUDITED_FIELDS),
      items: all,
    });
  } catch (error) {
    if ((error as Error).name === 'TransactionCanceledException') {
      throw new ConflictError('The ticket was changed meanwhile. Reload it and try again.', 'TICKET_CHANGED');
    }
    throw error;
  }
  return next;
}

/** `new → open` on a staff user's first action, as the changes and the thread's status event. */
function openIfNew(ticket: Ticket, staff: StaffCaller, at: string): { changes: TicketChanges; event?: TicketMessage } {
  if (ticket.status !== 'new') return { changes: {} };
  return { changes: { status: 'open' }, event: statusEvent(staff, 'new', 'open', at) };
}

/** Mail never fails the staff write that caused it (it is committed): it is logged for the operator instead. */
async function mailSafely(what: string, send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch (error) {
    logger.error(`The ticket ${what} mail failed`, { error: error as Error });
  }
}

/** Assigns the ticket to a staff user who takes tickets (`me`: the caller), or to nobody (null). */
export async function assignTicket(ticketNumber: number, assignee: string | null, audit: AuditTrail): Promise<Ticket> {
  const ticket = await getTicket(ticketNumber);
  let to: Ticket['assignee'];
  if (assignee === 'me' || assignee === audit.staff.userId) {
    to = { userId: audit.staff.userId, email: audit.staff.email ?? audit.staff.userId };
  } else if (assignee !== null) {
    const { user } = await staffUserState(assignee);
    if (!user || user.status !== 'active' || !user.groups.some((group) => group === 'admin' || group === 'support')) {
      throw new NotFoundError('There is no such staff user to assign the ticket to.');
    }
    to = { userId: user.userId, email: user.email };
  }
  const at = nowIso();
  const opened = openIfNew(ticket, audit.staff, at);
  // Unassigning drops the attribute: the change is written from the ticket without it (the audit compares to the one read).
  const { assignee: _was, ...unassigned } = ticket;
  return writeStaffChange(
    to ? ticket : unassigned,
    { statusEvent: opened.event, changes: { ...opened.changes, ...(to ? { assignee: to } : {}), updatedAt: at } },
    audit.commit,
    ticket,
  );
}

/** An internal note: staff only, never mailed. The first staff action still opens a new ticket. */
export async function addInternalNote(ticketNumber: number, body: string, audit: AuditTrail): Promise<Ticket> {
  const ticket = await getTicket(ticketNumber);
  const at = nowIso();
  const opened = openIfNew(ticket, audit.staff, at);
  const note: TicketMessage = {
    messageId: newId(new Date(at)),
    at,
    author: staffAuthor(audit.staff),
    visibility: 'internal',
    entry: 'reply',
    body,
    via: 'portal',
  };
  return writeStaffChange(
    ticket,
    { message: note, statusEvent: opened.event, changes: { ...opened.changes, updatedAt: at } },
    audit.commit,
  );
}

/**
 * A public reply: the first one sets `firstResponseAt`; the status becomes `waiting-for-customer` unless the staff
 * user picked another. Mailed to the requester and the account's support recipients.
 */
export async function replyToTicket(
  ticketNumber: number,
  input: { body: string; status?: TicketStatus },
  audit: AuditTrail,
): Promise<Ticket> {
  const ticket = await getTicket(ticketNumber);
  const at = nowIso();
  const status = input.status ?? 'waiting-for-customer';
  const reply: TicketMessage = {
    messageId: newId(new Date(at)),
    at,
    author: staffAuthor(audit.staff),
    visibility: 'public',
    entry: 'reply',
    body: input.body,
    ...(status !== ticket.status ? { statusFrom: ticket.status, statusTo: status } : {}),
    via: 'portal',
  };
  const changes: TicketChanges = {
    status,
    ...(status !== ticket.status ? statusTimes(status, at) : {}),
    ...(ticket.firstResponseAt ? {} : { firstResponseAt: at }),
    updatedAt: at,
  };
  const next = await writeStaffChange(ticket, { message: reply, changes }, audit.commit);
  await mailSafely('reply', async () => mailStaffReply(next, input.body, await ticketReplyTo(ticketNumber)));
  return next;
}

/** Sets any status; `resolved` stamps resolvedAt, `closed` closedAt. Mailed to the customer. */
export async function setTicketStatus(
  ticketNumber: number,
  input: { status: TicketStatus; comment?: string },
  audit: AuditTrail,
): Promise<Ticket> {
  const ticket = await getTicket(ticketNumber);
  if (ticket.status === input.status) {
    throw new ConflictError(`The ticket is already ${input.status}.`, 'STATUS_UNCHANGED');
  }
  const at = nowIso();
  const event = statusEvent(audit.staff, ticket.status, input.status, at, input.comment ?? '');
  const next = await writeStaffChange(
    ticket,
    { message: event, changes: { status: input.status, ...statusTimes(input.status, at), updatedAt: at } },
    audit.commit,
  );
  await mailSafely('status', async () => mailStatusChange(next, ticket.status, input.comment, await ticketReplyTo(ticketNumber)));
  return next;
}

// --- Answers ---------------------------------------------------------------------------------------------------------

function pick<T extends object, K extends keyof T>(value: T, fields: readonly K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const field of fields) if (value[field] !== undefined) picked[field] = value[field];
  return picked;
}

const ROW_FIELDS = [
  'ticketNumber',
  'subject',
  'accountId',
  'accountName',
  'kind',
  'requester',
  'priority',
  'status',
  'assignee',
  'productId',
  'createdAt',
  'updatedAt',
  'firstResponseAt',
  'firstResponseDueAt',
  'resolutionDueAt',
  'breached',
] as const satisfies readonly (keyof Ticket)[];

const TICKET_FIELDS = [
  ...ROW_FIELDS,
  'description',
  'relation',
  'assetId',
  'assetLabel',
  'contractNumber',
  'fields',
  'resolvedAt',
  'closedAt',
  'rating',
  'mergedInto',
  'messageCount',
] as const satisfies readonly (keyof Ticket)[];

/** A queue row: the columns of the queue, nothing else of the ticket. */
export function toQueueRow(ticket: Ticket) {
  return pick(ticket, ROW_FIELDS);
}

/** The ticket as the staff detail shows it. */
export function toStaffTicket(ticket: Ticket) {
  return pick(ticket, TICKET_FIELDS);
}
