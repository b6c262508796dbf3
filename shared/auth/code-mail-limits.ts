// Sign-in code mails are limited per address (of one pool): one every 30 seconds, and at most ten an hour that nobody
// used. Checked before the first factor and kept whether or not the address has an account, so a refusal tells
// nothing about either; a refused start tests no password, so it neither helps a guesser nor needs counting.
// The code-mail entity (one item per address and pool) lives here, in its section below: only this module touches it.

import { DeleteCommand, GetCommand, PutCommand } from '#shared/db/commands.ts';
import { config, type PoolName } from '#shared/config.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { normaliseEmail } from '#shared/email.ts';
import { TooManyRequestsError } from '#shared/http/errors.ts';
import { nowEpochSeconds } from '#shared/time.ts';
import * as z from '#shared/validation.ts';

export const CODE_MAIL_LIMITS = {
  /** Code mails to one address in one hour (a fixed window), unless a code was used in between. */
  perHour: 10,
  windowSeconds: 3600,
} as const;

/** Seconds to wait between two code mails to one address. */
export const codeMailCooldownSeconds = (): number => config().signInCodeCooldownSeconds;

// --- The code-mail entity ------------------------------------------------------------------------------------------

/** The sign-in code mails of one address in one pool. */
export interface CodeMail {
  /** No new code mail before this epoch second. */
  nextAt: number;
  windowStart: number;
  /** Code mails in the window starting at windowStart. */
  sent: number;
  /** Optimistic lock: two starts at once cannot both take the slot. */
  version: number;
  /** Epoch seconds: the later of the window's end and the cooldown's (TTL). */
  expiresAt: number;
}

/** The key of an address of a pool; the address is normalised here, so every caller finds the same item. */
export const codeMailKey = (pool: PoolName, email: string) => keys.codeMail(pool, normaliseEmail(email));

const codeMailSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    nextAt: z.number(),
    windowStart: z.number(),
    sent: z.number(),
    version: z.number(),
    expiresAt: z.number(),
  }),
);

export function codeMailItem(pool: PoolName, email: string, codeMail: CodeMail): Item {
  return { ...codeMailKey(pool, email), type: 'CodeMail', ...codeMail };
}

export function codeMailFromItem(item: Item): CodeMail {
  return parseItem('CodeMail', codeMailSchema, item);
}

// --- Use cases ------------------------------------------------------------------------------------------------------

export interface CodeMailSlot {
  /** Gives the slot back when no code was mailed after all (wrong password, unknown e-mail, unconfirmed address). */
  release(): Promise<void>;
}

const waitError = (seconds: number) =>
  new TooManyRequestsError(`We have just sent you a code. Wait ${seconds} seconds before asking for a new one.`, seconds);
const capError = (seconds: number) =>
  new TooManyRequestsError('We have sent several codes to this address in the last hour. Use the newest one, or try again later.', seconds);

/**
 * Takes the right to mail a sign-in code to this address now, or refuses with 429 (Retry-After): within the cooldown
 * after the last code mail, or past the hourly cap. One consistent read and one conditional write.
 */
export async function reserveCodeMail({ pool, email }: { pool: PoolName; email: string }): Promise<CodeMailSlot> {
  const Key = codeMailKey(pool, email);
  const now = nowEpochSeconds();
  const foundItem = (await db().send(new GetCommand({ TableName: tableName(), Key, ConsistentRead: true }))).Item;
  const found = foundItem ? codeMailFromItem(foundItem) : undefined;
  if (found && found.nextAt > now) throw waitError(found.nextAt - now);
  const windowStart = now - (now % CODE_MAIL_LIMITS.windowSeconds);
  const windowEnd = windowStart + CODE_MAIL_LIMITS.windowSeconds;
  const sent = found?.windowStart === windowStart ? found.sent : 0;
  if (sent >= CODE_MAIL_LIMITS.perHour) throw capError(windowEnd - now);

  const cooldown = codeMailCooldownSeconds();
  const taken: CodeMail = {
    nextAt: now + cooldown,
    windowStart,
    sent: sent + 1,
    version: (found?.version ?? 0) + 1,
    expiresAt: Math.max(windowEnd, now + cooldown),
  };
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: codeMailItem(pool, email, taken),
        ...(found
          ? { ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': found.version } }
          : { ConditionExpression: 'attribute_not_exists(PK)' }),
      }),
    );
  } catch (error) {
    // Another start for this address took the slot a moment ago.
    if ((error as Error).name === 'ConditionalCheckFailedException') throw waitError(cooldown);
    throw error;
  }
  return {
    async release() {
      const restored = found ? codeMailItem(pool, email, { ...found, version: taken.version + 1 }) : undefined;
      const condition = { ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': taken.version } };
      const client = db();
      await (restored
        ? client.send(new PutCommand({ TableName: tableName(), Item: restored, ...condition }))
        : client.send(new DeleteCommand({ TableName: tableName(), Key, ...condition }))
      )
        // Someone else has taken a slot since: theirs stands.
        .catch((error: Error) => {
          if (error.name !== 'ConditionalCheckFailedException') throw error;
        });
    },
  };
}

/** A code was used: the address may get a new one at once, and the hourly count starts again. */
export async function clearCodeMail({ pool, email }: { pool: PoolName; email: string }): Promise<void> {
  await db().send(new DeleteCommand({ TableName: tableName(), Key: codeMailKey(pool, email) }));
}
