// The demo seed: a restart writes the same items again, and a later day's start replaces the demo purchases dated
// from today instead of adding copies.

import { QueryCommand } from '#shared/db/commands.ts';
import { describe, expect, it } from 'vitest';
import { batchPut, seedDemoData } from '#infra/local/seed.ts';
import { db, tableName } from '#shared/db/client.ts';
import { accountPartition, keys } from '#shared/db/keys.ts';
import { newId, stableId } from '#shared/ids.ts';
import { balancesOf } from '#shared/billing/ledger.ts';
import { getInvoice } from '#shared/billing/invoice.ts';
import { subscriptionFromItem } from '#shared/subscriptions/model.ts';
import { statusOn } from '#infra/local/seed-services.ts';
import { wholeDaysLeft } from '#shared/subscriptions/periods.ts';

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
    // Each support purchase also has its renewable Subscription; and three hosting services (issue #15).
    expect(countByType(first)).toMatchObject({ Order: 4, Licence: 4, SupportSubscription: 4, Subscription: 7 });
    expect(countByType(await partition('demo-harbour'))).toMatchObject({ Order: 1, Licence: 1, SupportSubscription: 1, Subscription: 4 });
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

  it('gives the demo customers hosting services (active, due, overdue) with paid invoices in their currency, a balance, and renewable support', async () => {
    await seedDemoData();
    for (const [accountId, currency] of [
      ['demo-nordwind', 'PLN'],
      ['demo-harbour', 'GBP'],
    ] as const) {
      const items = await partition(accountId);
      const subscriptions = items.filter((item) => item.type === 'Subscription').map(subscriptionFromItem);
      const services = subscriptions.filter((each) => each.kind === 'service').sort((a, b) => a.plan.localeCompare(b.plan));
      expect(services.map((each) => [each.plan, each.sku, each.status, each.identifier?.kind, each.price.currency])).toEqual([
        ['Business', 'MH-BUS-1M', 'active', 'ip', currency],
        ['Pro', 'MH-PRO-1M', 'overdue', 'ip', currency],
        ['Starter', 'MH-STA-1M', 'due', 'host', currency],
      ]);
      const at = new Date();
      expect(services.map((each) => wholeDaysLeft(each.paidUntil, at))).toEqual([expect.any(Number), 0, expect.any(Number)]);
      expect(wholeDaysLeft(services[0]!.paidUntil, at)).toBeGreaterThanOrEqual(19);
      expect(wholeDaysLeft(services[2]!.paidUntil, at)).toBeGreaterThanOrEqual(4);
      for (const service of services) {
        const invoice = await getInvoice(accountId, service.lastInvoice!.invoiceId, true);
        expect(invoice).toMatchObject({ kind: 'vat', currency, number: service.lastInvoice!.number });
        expect(invoice?.paidAt).toBeDefined();
        expect(invoice?.lines[0]?.unitNetMinor).toBe(service.price.amountMinor);
      }
      if (accountId === 'demo-nordwind') expect(services[0]!.identifier?.value).toBe('203.0.113.10');
      const account = items.find((item) => item.type === 'Account')!;
      // A balance to renew from for Nordwind; Harbour's is left to the balance browser test.
      if (accountId === 'demo-nordwind') expect(balancesOf(account)[currency]).toBeGreaterThan(0);
      else expect(balancesOf(account)[currency]).toBeUndefined();
      // Every licence bought with support can be renewed, priced in the account's currency.
      const support = subscriptions.filter((each) => each.kind === 'support');
      expect(support.length).toBe(items.filter((item) => item.type === 'SupportSubscription').length);
      expect(support.every((each) => each.price.currency === currency && each.price.amountMinor > 0)).toBe(true);
    }
    // The distributor's client: support the partner can renew (Enterprise's lapsed in June 2026: suspended, still
    // renewable), on an edition it can upgrade (Mobile Web, bought 300 days ago: active).
    const orchard = (await partition('demo-orchard')).filter((item) => item.type === 'Subscription').map(subscriptionFromItem);
    expect(orchard.map((each) => [each.kind, each.plan, each.status]).sort()).toEqual([
      ['support', 'Enterprise', statusOn(orchard.find((each) => each.plan === 'Enterprise')!.paidUntil, new Date())],
      ['support', 'Mobile Web', 'active'],
    ]);
  });
});
