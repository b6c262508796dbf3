// Which computer a licence is activated on, and every change of it.
//
// The seat rule: one licence, one computer, as in the vendor's software ("serial number / computer"); the licence's
// `users` are the people who may work on that computer at once, not more computers. Every change is one transaction:
// a conditional update of the licence item, so two requests racing for one licence cannot both win, and an event in the
// account's partition (the audit trail). Moving a licence away from its computer (a transfer or a deactivation) is
// limited to LICENCE_MOVES per rolling window. See docs/licensing-api.md.

import { GetCommand, TransactWriteCommand, type TransactWriteCommandInput } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { ConflictError, NotFoundError } from '#shared/http/errors.ts';
import { newId } from '#shared/ids.ts';
import {
  licenceEventItem,
  listLicenceEvents,
  type LicenceActor,
  type LicenceEvent,
  type LicenceEventAction,
} from '#shared/licences/licence-events.ts';
import { licenceFromItem, licenceKey, type StoredLicence } from '#shared/licences/model.ts';
import type { Page } from '#shared/db/page.ts';
import { now } from '#shared/time.ts';

/** How often one licence may leave its computer (transferred or deactivated) in a rolling window. The one place to change it. */
export const LICENCE_MOVES = { max: 3, windowDays: 30 } as const;

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Rounds of read and conditional write when other requests change the same licence in between. A lost round means
 * another write won (at most LICENCE_MOVES.max of them before the limit answers), or two transactions collided, which
 * the jittered pause before the next round sorts out.
 */
const ATTEMPTS = 8;

function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * (attempt + 1)));
}

export interface TransferAllowance {
  limit: number;
  windowDays: number;
  /** Transfers and deactivations in the last `windowDays` days. */
  used: number;
  remaining: number;
  /** When the next one is allowed again, once none remain. */
  nextAvailableAt?: string;
}

/** What the portal shows and the transfer and deactivate routes answer. */
export interface LicenceBinding {
  licenceId: string;
  computerId?: string;
  activatedAt?: string;
  transfers: TransferAllowance;
}

export type ActivationOutcome =
  | { outcome: 'activated' | 'already-active'; licence: StoredLicence }
  /** Active on another computer. */
  | { outcome: 'taken' }
  /** Revoked by staff: never activated again (docs/licensing-api.md). */
  | { outcome: 'revoked'; licence: StoredLicence }
  | { outcome: 'missing' };

export const licenceNotFound = () => new NotFoundError('The licence was not found.');

export const licenceBusy = () =>
  new ConflictError('The licence was being changed by another request at the same time. Try again.', 'LICENCE_BUSY');
const busy = licenceBusy;

/** A revoked licence cannot be activated, moved or freed again. */
export const licenceRevoked = (revokedAt: string) => new ConflictError('This licence has been revoked.', 'LICENCE_REVOKED', { revokedAt });

/** The licence, read strongly consistent: seat decisions must see the latest write. */
export async function readLicence(accountId: string, licenceId: string): Promise<StoredLicence | undefined> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: licenceKey(accountId, licenceId), ConsistentRead: true }));
  return found.Item ? licenceFromItem(found.Item) : undefined;
}

function recentMoves(licence: StoredLicence, at: Date): string[] {
  const since = at.getTime() - LICENCE_MOVES.windowDays * DAY_MS;
  return (licence.recentMoves ?? []).filter((move) => Date.parse(move) > since).sort();
}

export function transferAllowance(licence: StoredLicence, at: Date): TransferAllowance {
  const recent = recentMoves(licence, at);
  const remaining = Math.max(0, LICENCE_MOVES.max - recent.length);
  const oldestCounted = recent[recent.length - LICENCE_MOVES.max];
  return {
    limit: LICENCE_MOVES.max,
    windowDays: LICENCE_MOVES.windowDays,
    used: recent.length,
    remaining,
    ...(remaining === 0 && oldestCounted
      ? { nextAvailableAt: new Date(Date.parse(oldestCounted) + LICENCE_MOVES.windowDays * DAY_MS).toISOString() }
      : {}),
  };
}

export function bindingOf(licence: StoredLicence, at: Date): LicenceBinding {
  return {
    licenceId: licence.licenceId,
    ...(licence.computerId === undefined ? {} : { computerId: licence.computerId }),
    ...(licence.activatedAt === undefined ? {} : { activatedAt: licence.activatedAt }),
    transfers: transferAllowance(licence, at),
  };
}

function eventOf(
  licence: StoredLicence,
  action: LicenceEventAction,
  at: Date,
  actor: LicenceActor,
  computers: { from?: string; to?: string },
): LicenceEvent {
  return {
    eventId: newId(at),
    licenceId: licence.licenceId,
    action,
    at: at.toISOString(),
    ...(computers.from ? { fromComputerId: computers.from } : {}),
    ...(computers.to ? { toComputerId: computers.to } : {}),
    ...actor,
  };
}

type Update = NonNullable<NonNullable<TransactWriteCommandInput['TransactItems']>[number]['Update']>;

/** The conditional update and its event in one transaction; false when the condition (or a racing write) stopped it. */
async function writeWithEvent(accountId: string, update: Omit<Update, 'TableName'>, event: LicenceEvent): Promise<boolean> {
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          { Update: { TableName: tableName(), ...update } },
          { Put: { TableName: tableName(), Item: licenceEventItem(accountId, event), ConditionExpression: 'attribute_not_exists(PK)' } },
        ],
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'TransactionCanceledException') return false;
    throw error;
  }
}

/**
 * Activates a licence on a computer: a free licence is bound to it, a licence already on this computer is left as it is
 * (activating again is idempotent), a licence on another computer is `taken`. The write is conditional on the licence
 * still being free, so of two computers racing for it exactly one wins; the loser reads again and finds it taken.
 */
export async function activateLicence(
  accountId: string,
  licence: StoredLicence | undefined,
  computerId: string,
  actor: LicenceActor,
): Promise<ActivationOutcome> {
  let current = licence;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    if (!current) return { outcome: 'missing' };
    if (current.revokedAt !== undefined) return { outcome: 'revoked', licence: current };
    if (current.computerId === computerId) return { outcome: 'already-active', licence: current };
    if (current.computerId !== undefined) return { outcome: 'taken' };
    const at = now();
    const { licenceId } = current;
    const written = await writeWithEvent(
      accountId,
      {
        Key: licenceKey(accountId, licenceId),
        UpdateExpression: 'SET computerId = :computer, activatedAt = :at, bindingVersion = if_not_exists(bindingVersion, :zero) + :one',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(computerId) AND attribute_not_exists(revokedAt)',
        ExpressionAttributeValues: { ':computer': computerId, ':at': at.toISOString(), ':zero': 0, ':one': 1 },
      },
      eventOf(current, 'activated', at, actor, { to: computerId }),
    );
    if (written) return { outcome: 'activated', licence: { ...current, computerId, activatedAt: at.toISOString() } };
    await pause(attempt);
    current = await readLicence(accountId, licenceId);
  }
  throw busy();
}

/**
 * Moves the caller's licence to another computer (`toComputerId`) or frees it (undefined). Both count against
 * LICENCE_MOVES, since freeing and activating elsewhere is a transfer too. The write is conditional on the version read,
 * so the limit holds however many requests race: each round, one wins and the others read again and count it.
 */
export async function moveLicence(
  accountId: string,
  licenceId: string,
  toComputerId: string | undefined,
  actor: LicenceActor,
): Promise<LicenceBinding> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const licence = await readLicence(accountId, licenceId);
    if (!licence) throw licenceNotFound();
    if (licence.revokedAt !== undefined) throw licenceRevoked(licence.revokedAt);
    const from = licence.computerId;
    if (from === undefined) {
      throw new ConflictError('This licence is not activated on any computer.', 'LICENCE_NOT_ACTIVATED');
    }
    if (from === toComputerId) throw new ConflictError('The licence is already on this computer.', 'ALREADY_ON_COMPUTER');
    const at = now();
    const allowance = transferAllowance(licence, at);
    if (allowance.remaining === 0) {
      throw new ConflictError(
        `A licence can be transferred or deactivated ${LICENCE_MOVES.max} times in ${LICENCE_MOVES.windowDays} days, and this one has been. You can do it again from ${allowance.nextAvailableAt}.`,
        'TRANSFER_LIMIT_REACHED',
        { limit: allowance.limit, windowDays: allowance.windowDays, nextAvailableAt: allowance.nextAvailableAt },
      );
    }
    const moves = [...recentMoves(licence, at), at.toISOString()];
    const version = licence.bindingVersion ?? 0;
    const written = await writeWithEvent(
      accountId,
      {
        Key: licenceKey(accountId, licenceId),
        UpdateExpression: toComputerId
          ? 'SET computerId = :to, activatedAt = :at, recentMoves = :moves, bindingVersion = :next'
          : 'SET recentMoves = :moves, bindingVersion = :next REMOVE computerId, activatedAt',
        ConditionExpression: `computerId = :from AND attribute_not_exists(revokedAt) AND ${version === 0 ? 'attribute_not_exists(bindingVersion)' : 'bindingVersion = :version'}`,
        ExpressionAttributeValues: {
          ':from': from,
          ':moves': moves,
          ':next': version + 1,
          ...(version === 0 ? {} : { ':version': version }),
          ...(toComputerId ? { ':to': toComputerId, ':at': at.toISOString() } : {}),
        },
      },
      eventOf(licence, toComputerId ? 'transferred' : 'deactivated', at, actor, { from, to: toComputerId }),
    );
    if (written) {
      const { computerId: _from, activatedAt: _at, ...rest } = licence;
      const after = toComputerId ? { ...rest, computerId: toComputerId, activatedAt: at.toISOString() } : rest;
      return bindingOf({ ...after, recentMoves: moves }, at);
    }
    await pause(attempt);
  }
  throw busy();
}

/** The caller's licence's computer, what remains of its transfers, and its audit trail (newest first, paged). */
export async function getLicenceActivations(
  accountId: string,
  licenceId: string,
  page: { limit?: number; cursor?: string },
): Promise<LicenceBinding & Page<LicenceEvent>> {
  // Both reads are keyed by the caller's account, so they can run together and neither reaches another account.
  const [licence, events] = await Promise.all([readLicence(accountId, licenceId), listLicenceEvents(accountId, licenceId, page)]);
  if (!licence) throw licenceNotFound();
  return { ...bindingOf(licence, now()), ...events };
}
