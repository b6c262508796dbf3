// Fixed-window rate limits kept in the table: one atomic counter per subject and window, one write per check.
// The rate window entity lives here, in its section below: this module is the only one that writes or reads it.

import { UpdateCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { TooManyRequestsError } from '#shared/http/errors.ts';
import { nowEpochSeconds } from '#shared/time.ts';
import * as z from '#shared/validation.ts';

export interface RateLimit {
  /** Names the limit in the key, e.g. `code-mail`. */
  name: string;
  max: number;
  windowSeconds: number;
}

// --- The rate window entity -----------------------------------------------------------------------------------------

/** The uses of one limit by one subject in one fixed window. Written only by UpdateItem (ADD uses). */
export interface RateWindow {
  uses: number;
  /** Epoch seconds: the window's end (TTL). */
  expiresAt: number;
}

export const rateWindowKey = keys.rateWindow;

const rateWindowSchema = /* @__PURE__ */ lazySchema(() => z.object({ uses: z.number(), expiresAt: z.number() }));

export function rateWindowItem(limit: string, subject: string, windowStart: number, window: RateWindow): Item {
  return { ...rateWindowKey(limit, subject, windowStart), type: 'RateWindow', ...window };
}

/** Also reads UpdateItem's `UPDATED_NEW` attributes: the update sets every field of the entity. */
export function rateWindowFromItem(item: Item): RateWindow {
  return parseItem('RateWindow', rateWindowSchema, item);
}

// --- Use case -------------------------------------------------------------------------------------------------------

/** Counts one use of `subject`; refuses (429, with Retry-After) once the window's budget is spent. */
export async function consumeRateLimit(limit: RateLimit, subject: string, message?: string): Promise<void> {
  const now = nowEpochSeconds();
  const windowStart = now - (now % limit.windowSeconds);
  const windowEnd = windowStart + limit.windowSeconds;
  const counted = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: rateWindowKey(limit.name, subject, windowStart),
      UpdateExpression: 'ADD uses :one SET expiresAt = :end, #type = :type',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':one': 1, ':end': windowEnd, ':type': 'RateWindow' },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  if (rateWindowFromItem(counted.Attributes ?? {}).uses > limit.max) {
    throw new TooManyRequestsError(message ?? 'Too many requests. Wait a few minutes and try again.', windowEnd - now);
  }
}

/**
 * Gives back one use counted by consumeRateLimit in the current window (a try that turned out not to count, e.g. a
 * right security code). Nothing when the window has ended meanwhile.
 */
export async function releaseRateLimit(limit: RateLimit, subject: string): Promise<void> {
  const now = nowEpochSeconds();
  const windowStart = now - (now % limit.windowSeconds);
  await db()
    .send(
      new UpdateCommand({
        TableName: tableName(),
        Key: rateWindowKey(limit.name, subject, windowStart),
        UpdateExpression: 'ADD uses :minusOne',
        ConditionExpression: 'attribute_exists(PK) AND uses > :zero',
        ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
      }),
    )
    .catch((error: unknown) => {
      if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
    });
}
