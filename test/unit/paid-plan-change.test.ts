// The one builder of a paid 'plan-changed' history event (shared/subscriptions/plan-change.ts paidPlanChange), used by a
// plan upgrade's fulfilment and by a licence upgrade moving its renewable support: the subscription's put conditional on
// the version read, and the event naming the plans, the order and its invoice, with the amount only when one was charged.

import { describe, expect, it } from 'vitest';
import { money } from '#shared/money.ts';
import type { StoredOrder } from '#shared/orders/model.ts';
import type { FulfilContext } from '#shared/shop/line-actions.ts';
import { paidPlanChange } from '#shared/subscriptions/plan-change.ts';
import { testSubscription } from '../support/subscriptions.ts';
import { useUnitConfig } from '../support/unit-config.ts';

useUnitConfig();

const at = new Date('2026-11-30T10:00:00.000Z');
const context = {
  order: { orderId: 'order-1', reference: 'AT-000123', accountId: 'buyer-1' } as StoredOrder,
  invoice: { invoiceId: 'invoice-1', number: 'FV/2026/000042' },
  tax: { kind: 'domestic', rateBasisPoints: 2300 },
  at,
} as unknown as FulfilContext;

describe('paidPlanChange', () => {
  it('writes the subscription on the version read and a plan-changed event of the payment naming plans, order and invoice', () => {
    // Prepare
    const read = { ...testSubscription('licensee-1', { plan: 'Business', sku: 'MH-BUS-1M' }), version: 3 };
    const next = { ...read, plan: 'Pro', sku: 'MH-PRO-1M' };

    // Act
    const [put, event] = paidPlanChange(context, read, next, money(2_460, 'PLN'));

    // Assess
    expect(put?.Put).toMatchObject({
      Item: { subscriptionId: read.subscriptionId, plan: 'Pro', version: 4 },
      ConditionExpression: 'version = :version',
      ExpressionAttributeValues: { ':version': 3 },
    });
    expect(event?.Put?.Item).toMatchObject({
      type: 'SubscriptionEvent',
      accountId: 'licensee-1',
      subscriptionId: read.subscriptionId,
      kind: 'plan-changed',
      at: at.toISOString(),
      by: 'payment',
      plan: { from: 'Business', to: 'Pro' },
      order: { orderId: 'order-1', reference: 'AT-000123' },
      invoice: { invoiceId: 'invoice-1', number: 'FV/2026/000042' },
      amount: { amountMinor: 2_460, currency: 'PLN' },
    });
  });

  it('leaves the amount out when the line paid for something else (a licence upgrade moving its support)', () => {
    const read = testSubscription('licensee-1', { kind: 'support', plan: 'Basic' });
    const [, event] = paidPlanChange(context, read, { ...read, plan: 'Plus' });
    expect(event?.Put?.Item).toMatchObject({ kind: 'plan-changed', plan: { from: 'Basic', to: 'Plus' } });
    expect(event?.Put?.Item).not.toHaveProperty('amount');
  });
});
