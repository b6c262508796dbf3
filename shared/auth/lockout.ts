// Lockout with back-off, kept in the table so that starting a new sign-in does not reset it. Counted per e-mail (of
// one pool) and per source IP: the e-mail lock stops guessing one account's password or codes, the IP lock stops one
// source guessing across many accounts (and activation codes). Unknown e-mails are counted too, so a lock says
// nothing about whether an account exists.
//
// The lockout entity (one item per subject) lives here, in its section below: this module is the only one that reads
// or writes it.

import { BatchGetCommand, DeleteCommand, UpdateCommand } from '#shared/db/commands.ts';
import type { PoolName } from '#shared/config.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { normaliseEmail } from '#shared/email.ts';
import { TooManyRequestsError } from '#shared/http/errors.ts';
import { nowEpochSeconds } from '#shared/time.ts';
import * as z from '#shared/validation.ts';

export const LOCKOUT_POLICY = {
  /** The 6th failure in a row locks the e-mail; each further failure after a lock doubles the wait. */
  email: { freeFailures: 5 },
  /** A source IP may fail more often: an office shares one address. */
  ip: { freeFailures: 30 },
  firstLockSeconds: 60,
  maxLockSeconds: 3600,
  /** A run of failures is forgotten a day after the last one. */
  forgetAfterSeconds: 24 * 3600,
} as const;

export interface Subjects {
  pool: PoolName;
  email?: string;
  sourceIp: string;
}

// --- The lockout entity ---------------------------------------------------------------------------------------------

/** One subject's run of failed attempts. Written only by UpdateItem (ADD failures, SET lockedUntil). */
export interface Lockout {
  /** Failures in a row (atomic ADD). */
  failures: number;
  /** Epoch seconds: refused until then. Absent while under the limit. */
  lockedUntil?: number;
  /** Epoch seconds: a day after the last failure (TTL). */
  expiresAt: number;
}

/** The key of one subject: `<pool>#EMAIL#<normalised e-mail>` or `IP#<source IP>`. */
export const lockoutKey = keys.lockout;
const emailSubject = (pool: PoolName, email: string) => `${pool}#EMAIL#${normaliseEmail(email)}`;
const ipSubject = (sourceIp: string) => `IP#${sourceIp}`;

const lockoutSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    failures: z.number(),
    lockedUntil: z.optional(z.number()),
    expiresAt: z.number(),
  }),
);

export function lockoutItem(subject: string, lockout: Lockout): Item {
  return { ...lockoutKey(subject), type: 'Lockout', ...lockout };
}

export function lockoutFromItem(item: Item): Lockout {
  return parseItem('Lockout', lockoutSchema, item);
}

// --- Use cases ------------------------------------------------------------------------------------------------------

function subjectKeys({ pool, email, sourceIp }: Subjects) {
  return [
    ...(email ? [{ key: lockoutKey(emailSubject(pool, email)), freeFailures: LOCKOUT_POLICY.email.freeFailures }] : []),
    { key: lockoutKey(ipSubject(sourceIp)), freeFailures: LOCKOUT_POLICY.ip.freeFailures },
  ];
}

/** How long a lock lasts after this many failures in a row: 0 while under the limit. */
export function lockSeconds(failures: number, freeFailures: number): number {
  if (failures <= freeFailures) return 0;
  const doublings = failures - freeFailures - 1;
  return Math.min(LOCKOUT_POLICY.firstLockSeconds * 2 ** Math.min(doublings, 20), LOCKOUT_POLICY.maxLockSeconds);
}

const lockedError = (retryAfterSeconds: number) =>
  new TooManyRequestsError(
    'Too many failed attempts, so sign-in is paused for a while. Wait, then try again; if you forgot your password, set a new one.',
    retryAfterSeconds,
  );

/** One read for both subjects; refuses while either is locked. */
export async function assertNotLocked(subjects: Subjects): Promise<void> {
  const Keys = subjectKeys(subjects).map(({ key }) => key);
  const result = await db().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys, ConsistentRead: true } } }));
  const now = nowEpochSeconds();
  const longest = Math.max(0, ...(result.Responses?.[tableName()] ?? []).map((item) => (lockoutFromItem(item).lockedUntil ?? 0) - now));
  if (longest > 0) throw lockedError(longest);
}

/** Counts one failure for each subject and locks those over their limit. At most two writes per subject. */
export async function recordFailure(subjects: Subjects): Promise<void> {
  const now = nowEpochSeconds();
  await Promise.all(
    subjectKeys(subjects).map(async ({ key, freeFailures }) => {
      const counted = await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: key,
          UpdateExpression: 'ADD failures :one SET expiresAt = :forget, #type = :type',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':one': 1, ':forget': now + LOCKOUT_POLICY.forgetAfterSeconds, ':type': 'Lockout' },
          ReturnValues: 'ALL_NEW',
        }),
      );
      // ALL_NEW: an UpdateItem always returns the item it wrote.
      const { failures } = lockoutFromItem(counted.Attributes ?? {});
      const seconds = lockSeconds(failures, freeFailures);
      if (seconds > 0) {
        await db().send(
          new UpdateCommand({
            TableName: tableName(),
            Key: key,
            UpdateExpression: 'SET lockedUntil = :until',
            ExpressionAttributeValues: { ':until': now + seconds },
          }),
        );
      }
    }),
  );
}

/** A completed sign-in clears the e-mail's run of failures (not the IP's: one good account must not reset it). */
export async function clearFailures({ pool, email }: { pool: PoolName; email: string }): Promise<void> {
  await db().send(new DeleteCommand({ TableName: tableName(), Key: lockoutKey(emailSubject(pool, email)) }));
}

/**
 * Errors that mean "a wrong secret was tried": they count towards a lock. PASSWORD_RESET_REQUIRED too: the adapters
 * say it only after the right secret, but every failed sign-in counts, so no answer is a free try.
 */
export const GUESS_FAILURE_CODES: ReadonlySet<string> = new Set([
  'INVALID_CREDENTIALS',
  'CODE_MISMATCH',
  'ACTIVATION_CODE_INVALID',
  'PASSWORD_RESET_REQUIRED',
  // The password typed again to set the phone-support security code (shared/security/security-code.ts).
  'WRONG_PASSWORD',
]);

/**
 * Runs one attempt under the lockout: refused while locked, counted when it fails with a wrong secret.
 * With `clearOnSuccess`, a success clears the e-mail's failures (for the step that finishes a sign-in).
 */
export async function underLockout<T>(
  subjects: Subjects,
  attempt: () => Promise<T>,
  options: { clearOnSuccess?: boolean } = {},
): Promise<T> {
  await assertNotLocked(subjects);
  try {
    const result = await attempt();
    if (options.clearOnSuccess && subjects.email) await clearFailures({ pool: subjects.pool, email: subjects.email });
    return result;
  } catch (error) {
    if (GUESS_FAILURE_CODES.has((error as { code?: string }).code ?? '')) await recordFailure(subjects);
    throw error;
  }
}
