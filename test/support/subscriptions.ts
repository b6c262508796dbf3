// Subscriptions written as the services areas write them (subscriptionItem, with its schedule place), for tests of the
// services pages, renewals, plan changes, cancellations and the daily job. A paid period can come with its VAT
// invoice (issueTestInvoice), which a cancellation's refund corrects.

import { issueTestInvoice, POLISH_BUYER } from './invoices.ts';
import { PutCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { newId } from '#shared/ids.ts';
import { money } from '#shared/money.ts';
import { type Subscription, subscriptionItem } from '#shared/subscriptions/model.ts';
import { addPeriods } from '#shared/subscriptions/periods.ts';

export type TestSubscription = Partial<Subscription> & {
  /** Also issue the VAT invoice that paid the current period (net = price), and record it as `lastInvoice`. */
  withInvoice?: boolean;
};

/**
 * One subscription of the account, not written: by default a monthly "Managed Hosting Business" service plan at 49.00
 * PLN net, paid until 20 days from now, active, auto-renew off.
 */
export function testSubscription(accountId: string, given: Partial<Subscription> = {}): Subscription {
  const at = new Date();
  const period = given.period ?? { unit: 'month', count: 1 };
  const paidUntil = given.paidUntil ?? new Date(at.getTime() + 20 * 24 * 60 * 60 * 1000).toISOString();
  const price = given.price ?? money(4900, 'PLN');
  return {
    subscriptionId: newId(addPeriods(paidUntil, period, -1)),
    accountId,
    kind: 'service',
    productId: 'managed-hosting',
    product: 'Managed Hosting',
    sku: 'MH-BUS-1M',
    plan: 'Business',
    users: 1,
    identifier: { kind: 'ip', value: '203.0.113.10' },
    period,
    price,
    startedAt: addPeriods(paidUntil, period, -1).toISOString(),
    paidUntil,
    status: 'active',
    autoRenew: false,
    remindersSent: [],
    version: 1,
    updatedAt: at.toISOString(),
    ...given,
  };
}

/** Writes one subscription of the account (testSubscription's defaults). */
export async function putTestSubscription(accountId: string, input: TestSubscription = {}): Promise<Subscription> {
  const at = new Date();
  const { withInvoice, ...given } = input;
  let subscription = testSubscription(accountId, given);
  const { price } = subscription;
  if (withInvoice) {
    const invoice = await issueTestInvoice(accountId, {
      at: new Date(subscription.startedAt),
      paidAt: new Date(subscription.startedAt),
      buyer: POLISH_BUYER,
      currency: price.currency,
      lines: [{ description: `${subscription.product} ${subscription.plan}`, quantity: 1, unitNetMinor: price.amountMinor }],
    });
    subscription = {
      ...subscription,
      lastInvoice: {
        invoiceId: invoice.invoiceId,
        number: invoice.number,
        orderId: newId(at),
        grossMinor: invoice.totals.grossMinor,
        coversFrom: subscription.startedAt,
      },
    };
  }
  await db().send(new PutCommand({ TableName: tableName(), Item: subscriptionItem(subscription) }));
  return subscription;
}
