// The daily job at scale, in a table of its own: 1,000 subscriptions due on one day are handled over several bounded
// runs (each run's Queries at most shards × maxPagesPerShard), all of them in the end and none twice.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { BatchWriteCommand, QueryCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { accountPartition, SK_PREFIX } from '#shared/db/keys.ts';
import { queryPage } from '#shared/db/page.ts';
import { runSubscriptionJob, type SubscriptionJobRun } from '#shared/subscriptions/daily-job.ts';
import { subscriptionItem } from '#shared/subscriptions/model.ts';
import { addDays } from '#shared/subscriptions/periods.ts';
import { SCHEDULE_SHARDS } from '#shared/subscriptions/schedule.ts';
import { testSubscription } from '../support/subscriptions.ts';

afterEach(() => vi.restoreAllMocks());

const ACCOUNTS = 10;
const PER_ACCOUNT = 100;
const at = new Date('2027-06-30T03:15:00.000Z');

/** Cancelled subscriptions ending today, written 25 per BatchWrite. */
async function putDue(): Promise<string[]> {
  const accountIds = Array.from({ length: ACCOUNTS }, (_, index) => `acc-scale-${index}`);
  const items = accountIds.flatMap((accountId) =>
    Array.from({ length: PER_ACCOUNT }, () =>
      subscriptionItem(
        testSubscription(accountId, {
          paidUntil: addDays(at, -0.01).toISOString(),
          status: 'cancelled',
          cancelRequestedAt: addDays(at, -10).toISOString(),
        }),
      ),
    ),
  );
  for (let start = 0; start < items.length; start += 25) {
    let requests = items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }));
    while (requests.length > 0) {
      const result = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }));
      requests = (result.UnprocessedItems?.[tableName()] ?? []) as typeof requests;
    }
  }
  return accountIds;
}

async function countPrefix(accountId: string, prefix: string, filter?: (item: Record<string, unknown>) => boolean): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await queryPage(
      { partition: accountPartition(accountId), sortKeyPrefix: prefix, limit: 100, ...(cursor ? { cursor } : {}) },
      (item) => item,
    );
    count += page.items.filter((item) => filter?.(item) ?? true).length;
    cursor = page.nextCursor;
  } while (cursor);
  return count;
}

describe('1,000 due subscriptions', () => {
  it('are handled over bounded runs: each run Queries at most shards × pages, all end, none twice', async () => {
    const accountIds = await putDue();
    const send = db().send.bind(db());
    let queries = 0;
    vi.spyOn(db(), 'send').mockImplementation(((command: unknown, ...rest: unknown[]) => {
      if (command instanceof QueryCommand) queries += 1;
      return (send as (...args: unknown[]) => unknown)(command, ...rest);
    }) as never);

    const runs: Array<SubscriptionJobRun & { queries: number; ms: number }> = [];
    for (let attempt = 0; attempt < 10; attempt += 1) {
      queries = 0;
      const started = performance.now();
      const run = await runSubscriptionJob({ at, pageSize: 50, maxPagesPerShard: 2 });
      runs.push({ ...run, queries, ms: Math.round(performance.now() - started) });
      if (!run.more) break;
    }
    vi.restoreAllMocks();
    console.info(
      'subscription job runs',
      runs.map(({ examined, ended, queries: q, more, ms }) => ({ examined, ended, queries: q, more, ms })),
    );

    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.at(-1)!.more).toBe(false);
    for (const run of runs) {
      expect(run.queries).toBeLessThanOrEqual(SCHEDULE_SHARDS * 2);
      expect(run.examined).toBeLessThanOrEqual(SCHEDULE_SHARDS * 2 * 50);
      expect(run.skipped).toBe(0);
    }
    expect(runs.reduce((total, run) => total + run.ended, 0)).toBe(ACCOUNTS * PER_ACCOUNT);
    const ended = await Promise.all(
      accountIds.map((accountId) => countPrefix(accountId, SK_PREFIX.subscription, (item) => item.status === 'ended')),
    );
    const events = await Promise.all(accountIds.map((accountId) => countPrefix(accountId, SK_PREFIX.subscriptionEvent)));
    expect(ended).toEqual(accountIds.map(() => PER_ACCOUNT));
    expect(events).toEqual(accountIds.map(() => PER_ACCOUNT));
  });
});
