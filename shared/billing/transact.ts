// Writing one transaction that may lose a race it should simply run again: a counter read before the write (invoice
// numbers) moved, or two transactions touched one item at once. `transactWithRetry` builds the items afresh each attempt
// (re-reading what they depend on) and writes them in one TransactWriteItems; only the failures the attempt names as
// "lost a race" are tried again, with a growing, jittered pause. Anything else comes back unchanged.

import type { TransactItem } from '#shared/audit/audit.ts';
import { TransactWriteCommand } from '#shared/db/commands.ts';
import { db } from '#shared/db/client.ts';

export interface TransactAttempt {
  items: TransactItem[];
  /**
   * Indexes of items whose failed condition means another writer got there first: build again and retry. When one of
   * them failed, the others' failures count for nothing: they were judged against a build made from a stale read (an
   * invoice whose counter moved also finds its number claimed), and the next attempt judges them afresh.
   */
  retryOnConditionAt: readonly number[];
}

/** Enough for 50 writers racing for one counter (each attempt wins for one of them). */
export const MAX_TRANSACT_ATTEMPTS = 80;

/** The indexes of the items whose condition failed in a cancelled transaction (empty for any other error). */
export function failedConditions(error: unknown): Set<number> {
  const failed = new Set<number>();
  if ((error as Error | undefined)?.name !== 'TransactionCanceledException') return failed;
  const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
  reasons.forEach((reason, index) => {
    if (reason.Code === 'ConditionalCheckFailed') failed.add(index);
  });
  return failed;
}

/** True for a cancellation caused only by another transaction on the same items (worth trying again as it is). */
export function isTransactionConflict(error: unknown): boolean {
  if ((error as Error | undefined)?.name === 'TransactionConflictException') return true;
  if ((error as Error | undefined)?.name !== 'TransactionCanceledException') return false;
  const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
  return (
    reasons.some((reason) => reason.Code === 'TransactionConflict') && !reasons.some((reason) => reason.Code === 'ConditionalCheckFailed')
  );
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds and writes until one attempt commits; answers what the winning build answered. `write` defaults to a plain
 * TransactWriteItems; an audited staff write passes `(items) => audit.commit({ ... items })`.
 */
export async function transactWithRetry<T>(
  build: (attempt: number) => Promise<TransactAttempt & { result: T }>,
  write: (items: TransactItem[]) => Promise<unknown> = (items) => db().send(new TransactWriteCommand({ TransactItems: items })),
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const built = await build(attempt);
    try {
      await write(built.items);
      return built.result;
    } catch (error) {
      const failed = failedConditions(error);
      const lostRace = isTransactionConflict(error) || built.retryOnConditionAt.some((index) => failed.has(index));
      if (!lostRace || attempt >= MAX_TRANSACT_ATTEMPTS) throw error;
      await pause(Math.random() * Math.min(200, 5 * attempt));
    }
  }
}
