// Fixed-window rate limits kept in the table: one atomic counter per subject and window, one write per check.

import { UpdateCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { TooManyRequestsError } from '#shared/http/errors.ts';
import { nowEpochSeconds } from '#shared/time.ts';

export interface RateLimit {
  /** Names the limit in the key, e.g. `code-mail`. */
  name: string;
  max: number;
  windowSeconds: number;
}

/** Counts one use of `subject`; refuses (429, with Retry-After) once the window's budget is spent. */
export async function consumeRateLimit(limit: RateLimit, subject: string, message?: string): Promise<void> {
  const now = nowEpochSeconds();
  const windowStart = now - (now % limit.windowSeconds);
  const windowEnd = windowStart + limit.windowSeconds;
  const counted = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.rateWindow(limit.name, subject, windowStart),
      UpdateExpression: 'ADD uses :one SET expiresAt = :end, #type = :type',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':one': 1, ':end': windowEnd, ':type': 'RateWindow' },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  if ((counted.Attributes?.uses as number) > limit.max) {
    throw new TooManyRequestsError(message ?? 'Too many requests. Wait a few minutes and try again.', windowEnd - now);
  }
}
