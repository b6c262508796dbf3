// The demo seed: a restart writes the same items again, and a later day's start replaces the demo purchases dated
// from today instead of adding copies.

import { QueryCommand } from '#shared/db/commands.ts';
import { describe, expect, it } from 'vitest';
import { batchPut, seedDemoData } from '#infra/local/seed.ts';
import { db, tableName } from '#shared/db/client.ts';
import { accountPartition, keys } from '#shared/db/keys.ts';
import { newId, stableId } from '#shared/ids.ts';

const DAY = 24 * 60 * 60 * 1000;

async function partition(accountId: string): Promise<Record<string, unknown>[]> {
  const result = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': accountPartition(accountId) },
    }),
  );
  return result.Items ?? [];
}

function countByType(items: Record<string, unknown>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[item.type as string] = (counts[item.type as string] ?? 0) + 1;
  return counts;
}

describe('the demo seed', () => {
  it('writes orders, licences and one support subscription per support purchase, and the same again on a restart', async () => {
    await seedDemoData();
    const first = await partition('demo-nordwind');
    await seedDemoData();
    const second = await partition('demo-nordwind');

    expect(second).toEqual(first);
    expect(countByType(first)).toMatchObject({ Order: 4, Licence: 4, SupportSubscription: 4 });
    expect(countByType(await partition('demo-harbour'))).toMatchObject({ Order: 1, Licence: 1, SupportSubscription: 1 });
  });

  it('drops a copy an earlier day wrote of a purchase dated from today, and leaves other orders alone', async () => {
    // Prepare: what yesterday's start wrote for JWT1019 (dated from the clock, so its id carried yesterday's date),
    // and an order someone placed for the demo account by hand.
    await seedDemoData();
    const today = await partition('demo-nordwind');
    const order = today.find((item) => item.type === 'Order' && item.reference === 'JWT1019')!;
    const yesterday = new Date(new Date(order.orderedAt as string).getTime() - DAY);
    const staleId = stableId(yesterday, 'order:JWT1019');
    const otherId = newId();
    await batchPut([
      { ...order, ...keys.order('demo-nordwind', staleId), orderId: staleId, orderedAt: yesterday.toISOString() },
      { ...order, ...keys.order('demo-nordwind', otherId), orderId: otherId, reference: 'JWT9001' },
    ]);
    // Act
    await seedDemoData();
    // Assess
    const sortKeys = (await partition('demo-nordwind')).map((item) => item.SK);
    expect(sortKeys).not.toContain(`ORDER#${staleId}`);
    expect(sortKeys).toContain(`ORDER#${otherId}`);
    expect(sortKeys).toHaveLength(today.length + 1);
  });
});
