// Demo services over time (issue #15) for the local portal: each demo customer's managed-hosting plans in the three
// states the services pages show (active, due, overdue), each with the paid VAT invoice of its current period, and a
// balance to renew from. Written once per account and plan (stable ids): a restart leaves them as the demo left them
// (renewed, cancelled, moved on by the daily job), so it never duplicates or undoes them.

import { type ServiceTerms, billingSettings } from '#shared/billing/settings.ts';
import { invoiceBuyer, invoiceDraft } from '#shared/billing/invoice.ts';
import { balanceChange } from '#shared/billing/ledger.ts';
import { transactWithRetry } from '#shared/billing/transact.ts';
import { getAccount } from '#shared/accounts/account.ts';
import { priceIn, readCatalogue, sellableSkus } from '#shared/catalogue/read.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { stableId } from '#shared/ids.ts';
import { money } from '#shared/money.ts';
import { accountCurrency } from '#shared/shop/currency.ts';
import { type Subscription, type SubscriptionIdentifier, subscriptionItem, subscriptionKey } from '#shared/subscriptions/model.ts';
import type { SubscriptionStatus } from '#shared/subscriptions/fields.ts';
import { addDays, addPeriods, wholeDaysLeft } from '#shared/subscriptions/periods.ts';
import { serviceStart } from '#shared/subscriptions/service-start.ts';
import { now } from '#shared/time.ts';

export interface DemoService {
  /** Names the subscription's stable id within its account. */
  key: string;
  sku: string;
  identifier: SubscriptionIdentifier;
  /** Days from today to paid-until (negative: past it). */
  daysLeft: number;
}

/** Per account: Business active (20 days left), Starter due (5 days left), Pro overdue (3 days past). */
export const DEMO_SERVICES: Record<string, DemoService[]> = {
  'demo-nordwind': [
    { key: 'business', sku: 'MH-BUS-1M', identifier: { kind: 'ip', value: '203.0.113.10' }, daysLeft: 20 },
    { key: 'starter', sku: 'MH-STA-1M', identifier: { kind: 'host', value: 'app.nordwind.example' }, daysLeft: 5 },
    { key: 'pro', sku: 'MH-PRO-1M', identifier: { kind: 'ip', value: '198.51.100.7' }, daysLeft: -3 },
  ],
  'demo-harbour': [
    { key: 'business', sku: 'MH-BUS-1M', identifier: { kind: 'ip', value: '203.0.113.20' }, daysLeft: 20 },
    { key: 'starter', sku: 'MH-STA-1M', identifier: { kind: 'host', value: 'app.harbour.example' }, daysLeft: 5 },
    { key: 'pro', sku: 'MH-PRO-1M', identifier: { kind: 'ip', value: '198.51.100.17' }, daysLeft: -3 },
  ],
};

/**
 * What a demo account's balance is credited with, once, with its first service: enough to renew from it. Nordwind only:
 * Harbour's balance is the balance browser test's (it refunds Harbour's EUR order and reads the ledger and the alert).
 */
export const DEMO_BALANCE_MINOR: Readonly<Record<string, number>> = { 'demo-nordwind': 100_000 };

/** The instant every demo service id is taken at: ids must not depend on the day the demo starts. */
const ID_TIME = new Date('2026-01-01T00:00:00.000Z');

/** The stable id of a demo service. */
export function demoServiceId(accountId: string, key: string): string {
  return stableId(ID_TIME, `service:${accountId}:${key}`);
}

/**
 * The status a subscription paid until `paidUntil` has on `at` under the stage's terms, as the daily job would have
 * moved it: active, due within `dueWithinDays`, overdue from paid-until, suspended `suspendAfterDays` after it.
 */
export function statusOn(paidUntil: string, at: Date, terms: ServiceTerms = billingSettings().services): SubscriptionStatus {
  if (at.getTime() < new Date(paidUntil).getTime()) {
    return wholeDaysLeft(paidUntil, at) >= terms.dueWithinDays ? 'active' : 'due';
  }
  return at.getTime() < addDays(paidUntil, terms.suspendAfterDays).getTime() ? 'overdue' : 'suspended';
}

/** The reminders whose day has passed: counted as sent, so the daily job does not mail them all on its first run. */
export function remindersPassed(paidUntil: string, at: Date, terms: ServiceTerms = billingSettings().services): number[] {
  return terms.reminderDays.filter((days) => addDays(paidUntil, -days).getTime() <= at.getTime());
}

/** Writes each demo account's services that do not exist yet, each with its paid invoice; the first also the balance. */
export async function seedDemoServices(): Promise<void> {
  const skus = new Map(sellableSkus(await readCatalogue()).map((sku) => [sku.sku, sku]));
  const at = now();
  for (const [accountId, services] of Object.entries(DEMO_SERVICES)) {
    const account = await getAccount(accountId, true);
    if (!account) continue;
    const currency = accountCurrency(account);
    for (const [index, demo] of services.entries()) {
      const subscriptionId = demoServiceId(accountId, demo.key);
      const existing = await db().send(
        new GetCommand({ TableName: tableName(), Key: subscriptionKey(accountId, subscriptionId), ConsistentRead: true }),
      );
      if (existing.Item) continue;
      const product = skus.get(demo.sku);
      const price = product && priceIn(product, currency);
      if (!product?.period || !price) continue;
      const paidUntil = addDays(at, demo.daysLeft);
      const startedAt = addPeriods(paidUntil, product.period, -1);
      // The demo services were sold before the portal (no order item): the invoice names this id as their order.
      const orderId = stableId(startedAt, `service-order:${accountId}:${demo.key}`);
      await transactWithRetry(async () => {
        const draft = await invoiceDraft({
          kind: 'vat',
          accountId,
          at: startedAt,
          paidAt: startedAt,
          buyer: invoiceBuyer(account),
          currency,
          lines: [{ description: `${product.product} ${product.edition}`, sku: product.sku, quantity: 1, unitNetMinor: price.amountMinor }],
        });
        const started = serviceStart({
          accountId,
          subscriptionId,
          product: { ...product, period: product.period! },
          price: money(price.amountMinor, currency),
          at: startedAt,
          invoice: {
            invoiceId: draft.invoice.invoiceId,
            number: draft.invoice.number,
            grossMinor: draft.invoice.totals.grossMinor,
            orderId,
          },
          by: 'staff',
        });
        // The first service carries the demo balance: written once, with it.
        const balanceMinor = DEMO_BALANCE_MINOR[accountId];
        const balance =
          index === 0 && balanceMinor
            ? balanceChange({
                accountId,
                currency,
                amountMinor: balanceMinor,
                kind: 'adjustment',
                source: { kind: 'adjustment', id: `demo:${accountId}`, label: 'Demo balance' },
                at: startedAt,
              }).items
            : [];
        const subscription: Subscription = {
          ...started.subscription,
          identifier: demo.identifier,
          paidUntil: paidUntil.toISOString(),
          status: statusOn(paidUntil.toISOString(), at),
          remindersSent: remindersPassed(paidUntil.toISOString(), at),
        };
        const TableName = tableName();
        return {
          items: [
            ...draft.items,
            { Put: { TableName, Item: subscriptionItem(subscription), ConditionExpression: 'attribute_not_exists(PK)' } },
            // Its `created` event.
            { Put: { TableName, Item: started.items[1]!, ConditionExpression: 'attribute_not_exists(PK)' } },
            ...balance,
          ],
          retryOnConditionAt: [draft.counterIndex, draft.numberClaimIndex],
          result: undefined,
        };
      });
    }
  }
}
