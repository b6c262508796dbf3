// Staff changes to a ticket that are not replies: merging a duplicate into another ticket of the same account, and
// changing a ticket's kind, priority or asset (the SLA due times are counted again). Each is audited, and its writes
// and the audit entry are one transaction conditioned on every ticket's last change as read.

import type { StaffCaller } from '#shared/accounts/caller.ts';
import { changesBetween, type AuditTrail, type TransactItem } from '#shared/audit/audit.ts';
import { assetLabel, getAccountAsset } from '#shared/assets/model.ts';
import { tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { AppError, ConflictError, NotFoundError, ValidationError } from '#shared/http/errors.ts';
import { newId } from '#shared/ids.ts';
import { supportCalendar } from '#shared/tickets/business-hours.ts';
import {
  getTicket,
  type Ticket,
  type TicketKind,
  type TicketMessage,
  type TicketPriority,
  type TicketRelation,
  ticketItem,
  ticketMessageItem,
} from '#shared/tickets/model.ts';
import { contractSlaLevel, withSlaDueTimes } from '#shared/tickets/sla.ts';

type Commit = AuditTrail['commit'];

/** A time after the ticket's last change (the clock may lag a write made elsewhere by a millisecond). */
function changeTime(ticket: Ticket, now: Date): string {
  const at = now.toISOString();
  return at > ticket.updatedAt ? at : new Date(new Date(ticket.updatedAt).getTime() + 1).toISOString();
}

function putTicket(next: Ticket, read: Ticket): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: ticketItem(next),
      ConditionExpression: 'updatedAt = :read',
      ExpressionAttributeValues: { ':read': read.updatedAt },
    },
  };
}

function putMessage(ticketNumber: number, message: TicketMessage): TransactItem {
  return {
    Put: { TableName: tableName(), Item: ticketMessageItem(ticketNumber, message), ConditionExpression: 'attribute_not_exists(PK)' },
  };
}

function cancelledAt(error: unknown, indexes: number[]): boolean {
  if ((error as Error).name !== 'TransactionCanceledException') return false;
  const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
  return indexes.some((index) => reasons[index]?.Code === 'ConditionalCheckFailed');
}

function changedMeanwhile(): ConflictError {
  return new ConflictError('The ticket changed meanwhile. Reload it and try again.', 'TICKET_CHANGED');
}

function author(staff: StaffCaller): TicketMessage['author'] {
  return { kind: 'staff', userId: staff.userId, ...(staff.email ? { email: staff.email } : {}) };
}

/**
 * Merges the duplicate `ticketNumber` into `intoTicketNumber`: the duplicate is closed, points at the target and gets a
 * status event; the target gets a public note naming the duplicate. Both of one account (else 400); the duplicate's
 * thread and attachments stay where they are, in its own partition, reachable from it.
 */
export async function mergeTicket(
  ticketNumber: number,
  intoTicketNumber: number,
  staff: StaffCaller,
  now: Date,
  commit: Commit,
): Promise<{ duplicate: Ticket; target: Ticket }> {
  if (ticketNumber === intoTicketNumber)
    throw new ValidationError('A ticket cannot be merged into itself.', [{ path: 'intoTicketNumber', message: 'the same ticket' }]);
  const duplicate = await getTicket(ticketNumber);
  const target = await getTicket(intoTicketNumber).catch((error: unknown) => {
    // The body names the target: an unknown one is a bad request, not a missing resource of this path.
    if (error instanceof NotFoundError)
      throw new ValidationError('No such ticket to merge into.', [{ path: 'intoTicketNumber', message: 'no such ticket' }]);
    throw error;
  });
  if (target.accountId !== duplicate.accountId)
    throw new AppError(400, 'MERGE_ACROSS_ACCOUNTS', 'Only tickets of the same account can be merged.', [
      { path: 'intoTicketNumber', message: 'another account’s ticket' },
    ]);
  if (duplicate.mergedInto !== undefined)
    throw new ConflictError(`This ticket was already merged into #${duplicate.mergedInto}.`, 'TICKET_ALREADY_MERGED');
  if (target.mergedInto !== undefined || target.status === 'closed')
    throw new ConflictError('The target ticket is closed: merge into an open one.', 'MERGE_TARGET_CLOSED');

  const at = changeTime(duplicate, now);
  const targetAt = changeTime(target, now);
  const closedDuplicate: Ticket = { ...duplicate, status: 'closed', closedAt: at, mergedInto: intoTicketNumber, updatedAt: at };
  const statusEvent: TicketMessage = {
    messageId: newId(now),
    at,
    author: author(staff),
    visibility: 'public',
    entry: 'status',
    body: '',
    statusFrom: duplicate.status,
    statusTo: 'closed',
    via: 'portal',
  };
  const note: TicketMessage = {
    messageId: newId(now),
    at: targetAt,
    author: author(staff),
    visibility: 'public',
    entry: 'reply',
    body: `Ticket #${ticketNumber} (“${duplicate.subject}”) was merged into this one.`,
    via: 'portal',
  };
  const updatedTarget: Ticket = { ...target, updatedAt: targetAt, messageCount: target.messageCount + 1 };
  try {
    await commit({
      target: { kind: 'ticket', id: String(ticketNumber), accountId: duplicate.accountId, label: duplicate.subject },
      changes: changesBetween(duplicate, closedDuplicate, ['status', 'mergedInto']),
      items: [
        putTicket(closedDuplicate, duplicate),
        putMessage(ticketNumber, statusEvent),
        putTicket(updatedTarget, target),
        putMessage(intoTicketNumber, note),
      ],
    });
  } catch (error) {
    if (cancelledAt(error, [0, 2])) throw changedMeanwhile();
    throw error;
  }
  return { duplicate: closedDuplicate, target: updatedTarget };
}

export interface TicketEdit {
  kind?: TicketKind;
  priority?: TicketPriority;
  assetId?: string;
  relation?: TicketRelation;
}

const AUDITED_FIELDS = [
  'kind',
  'priority',
  'assetId',
  'relation',
  'contractNumber',
  'slaLevel',
  'firstResponseDueAt',
  'resolutionDueAt',
] as const satisfies readonly (keyof Ticket)[];

/**
 * Changes a ticket's kind, priority or asset. A technical ticket needs an asset of its own account (the edit's or the
 * one it has); an administrative one drops its asset and takes a relation. The due times are counted again from the
 * opening at the new priority and contract level; a breach mark whose new due time has not passed is lifted (and its
 * mail claim with it, so a later breach is mailed).
 */
export async function changeTicket(ticketNumber: number, edit: TicketEdit, now: Date, commit: Commit): Promise<Ticket> {
  const ticket = await getTicket(ticketNumber);
  const kind = edit.kind ?? ticket.kind;
  const { assetId: _assetId, assetLabel: _label, contractNumber: _contract, relation: _relation, ...rest } = ticket;
  let next: Ticket;
  if (kind === 'technical' && ticket.kind === 'technical' && !edit.assetId && ticket.assetId) {
    // The asset stays as the ticket recorded it (it may have moved since: staff move assets between accounts).
    next = {
      ...rest,
      kind,
      assetId: ticket.assetId,
      ...(ticket.assetLabel ? { assetLabel: ticket.assetLabel } : {}),
      ...(ticket.contractNumber ? { contractNumber: ticket.contractNumber } : {}),
    };
  } else if (kind === 'technical') {
    const assetId = edit.assetId ?? ticket.assetId;
    if (!assetId)
      throw new ValidationError('A technical ticket needs an asset.', [{ path: 'assetId', message: 'required for a technical ticket' }]);
    const asset = await getAccountAsset(ticket.accountId, assetId).catch((error: unknown) => {
      if (error instanceof NotFoundError)
        throw new ValidationError('The asset is not one of the ticket’s account.', [
          { path: 'assetId', message: 'not an asset of this account' },
        ]);
      throw error;
    });
    next = { ...rest, kind, assetId, assetLabel: assetLabel(asset), contractNumber: asset.contractNumber };
  } else {
    if (edit.assetId)
      throw new ValidationError('An administrative ticket has no asset.', [
        { path: 'assetId', message: 'not for an administrative ticket' },
      ]);
    next = { ...rest, kind, relation: edit.relation ?? ticket.relation ?? 'other' };
  }
  next.priority = edit.priority ?? ticket.priority;
  next.updatedAt = changeTime(ticket, now);
  next = withSlaDueTimes(next, await contractSlaLevel(next.contractNumber), supportCalendar());

  const at = now.toISOString();
  const stillDue = (ticket.breached ?? []).filter((target) => {
    const due = target === 'first-response' ? next.firstResponseDueAt : next.resolutionDueAt;
    return due !== undefined && due <= at;
  });
  const lifted = (ticket.breached ?? []).filter((target) => !stillDue.includes(target));
  if (stillDue.length) next.breached = stillDue;
  else delete next.breached;

  try {
    await commit({
      target: { kind: 'ticket', id: String(ticketNumber), accountId: ticket.accountId, label: ticket.subject },
      changes: changesBetween(ticket, next, AUDITED_FIELDS),
      items: [
        putTicket(next, ticket),
        ...lifted.map((target) => ({ Delete: { TableName: tableName(), Key: keys.slaBreachClaim(ticketNumber, target) } })),
      ],
    });
  } catch (error) {
    if (cancelledAt(error, [0])) throw changedMeanwhile();
    throw error;
  }
  return next;
}

/** The fields the staff actions answer with (shared/api/sla.ts `staffTicket`). */
export function toStaffTicket(ticket: Ticket) {
  return {
    ticketNumber: ticket.ticketNumber,
    accountId: ticket.accountId,
    kind: ticket.kind,
    priority: ticket.priority,
    status: ticket.status,
    ...(ticket.relation ? { relation: ticket.relation } : {}),
    ...(ticket.assetId ? { assetId: ticket.assetId } : {}),
    ...(ticket.assetLabel ? { assetLabel: ticket.assetLabel } : {}),
    ...(ticket.contractNumber ? { contractNumber: ticket.contractNumber } : {}),
    ...(ticket.slaLevel ? { slaLevel: ticket.slaLevel } : {}),
    ...(ticket.firstResponseDueAt ? { firstResponseDueAt: ticket.firstResponseDueAt } : {}),
    ...(ticket.resolutionDueAt ? { resolutionDueAt: ticket.resolutionDueAt } : {}),
    ...(ticket.breached?.length ? { breached: ticket.breached } : {}),
    ...(ticket.mergedInto !== undefined ? { mergedInto: ticket.mergedInto } : {}),
    updatedAt: ticket.updatedAt,
  };
}
