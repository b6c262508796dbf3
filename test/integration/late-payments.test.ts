// A payment that arrives when its order can no longer be fulfilled (issue #15, shared/shop/fulfilment-error.ts): the
// subscription a renewal pays for ended, or moved to another plan since the line was priced. A bank transfer has
// arrived, so it is recorded and credited to the balance, and the order is cancelled saying why (never a failed
// payment that loses the money); a payment from the balance is refused with the reason and moves nothing.

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerPage } from '#shared/billing/balance.ts';
import { getInvoice } from '#shared/billing/invoice.ts';
import { GetCommand, PutCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { orderFromItem, orderKey } from '#shared/orders/model.ts';
import type { LineAction } from '#shared/orders/fields.ts';
import { placeDirectOrder } from '#shared/shop/direct-order.ts';
import { applyOrderPayment } from '#shared/shop/order-payments.ts';
import { orderPaymentState } from '#shared/shop/payment-views.ts';
import { getSubscription, type Subscription, subscriptionItem } from '#shared/subscriptions/model.ts';
import { call, signIn, startTestApi, type TestApi } from '../support/api.ts';
import { giveBalance, testBalance } from '../support/balances.ts';
import { putTestServicePlans, type TestServicePlans } from '../support/service-plans.ts';
import { customerWithCart } from '../support/shopper.ts';
import { putTestSubscription } from '../support/subscriptions.ts';

let api: TestApi;
let plans: TestServicePlans;
beforeAll(async () => {
  [api, plans] = await Promise.all([startTestApi(), putTestServicePlans(['PLN'])]);
});
afterAll(() => api.stop());

/**
 * A Polish customer with a Medium plan (49.00 PLN net a month) and an order of one action on it placed for payment by
 * bank transfer: a renewal of one period unless told otherwise.
 */
async function orderAwaitingTransfer(action: (subscriptionId: string, accountId: string) => LineAction = renewal) {
  const customer = await customerWithCart([]);
  const { accountId } = customer.account;
  const subscription = await putTestSubscription(accountId, {
    productId: plans.productId,
    product: plans.product,
    sku: plans.mid,
    plan: 'Medium',
  });
  const { order } = await placeDirectOrder({
    accountId,
    placedBy: { name: 'Anna', email: customer.login.email, locale: 'pl' },
    actions: [action(subscription.subscriptionId, accountId)],
    idempotencyKey: randomUUID(),
    paymentMethod: 'bank-transfer',
  });
  expect(order.shop?.status).toBe('awaiting-payment');
  return { customer, accountId, subscription, order };
}

function renewal(subscriptionId: string, licenseeAccountId: string): LineAction {
  return { kind: 'renewal', subscriptionId, periods: 1, licenseeAccountId };
}

/** Writes the subscription as something else changed it meanwhile (staff, the daily job, another order). */
async function changeMeanwhile(subscription: Subscription, change: Partial<Subscription>): Promise<void> {
  const next = { ...subscription, ...change, version: subscription.version + 1 };
  await db().send(new PutCommand({ TableName: tableName(), Item: subscriptionItem(next) }));
}

const transfer = (accountId: string, orderId: string, amountMinor: number, bankReference = `REF-${randomUUID()}`) =>
  applyOrderPayment({
    accountId,
    orderId,
    method: 'bank-transfer',
    amountMinor,
    currency: 'PLN',
    at: new Date(),
    bankPayment: { bankReference, receivedOn: new Date().toISOString().slice(0, 10) },
  });

describe('a payment for an order that can no longer be fulfilled', () => {
  it('credits a transfer for the renewal of an ended subscription to the balance and cancels the order, once', async () => {
    const { customer, accountId, subscription, order } = await orderAwaitingTransfer();
    await changeMeanwhile(subscription, { status: 'ended', endedAt: new Date().toISOString() });

    const reference = `REF-${randomUUID()}`;
    const results = await Promise.allSettled([1, 2, 3].map(() => transfer(accountId, order.orderId, order.total.amountMinor, reference)));
    const credited = results.filter((result) => result.status === 'fulfilled');
    expect(credited).toHaveLength(1);
    expect(credited[0]?.status === 'fulfilled' && credited[0].value.outcome).toBe('credited-to-balance');
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toMatchObject({ code: 'PAYMENT_ALREADY_RECORDED' });
    }

    expect(await testBalance(accountId)).toBe(order.total.amountMinor);
    const stored = orderFromItem(
      (await db().send(new GetCommand({ TableName: tableName(), Key: orderKey(accountId, order.orderId) }))).Item!,
    );
    expect(stored.shop).toMatchObject({ status: 'cancelled', closedBecause: 'SUBSCRIPTION_ENDED', paidMinor: 0 });
    // Its proforma is void; what staff see on the order's payments: cancelled, why, and nothing due.
    expect((await getInvoice(accountId, stored.shop!.proforma!.invoiceId, true))?.voidedAt).toBeDefined();
    expect(orderPaymentState(stored)).toMatchObject({ status: 'cancelled', closedBecause: 'SUBSCRIPTION_ENDED', dueMinor: 0 });
    const after = await getSubscription(accountId, subscription.subscriptionId);
    expect(after).toMatchObject({ status: 'ended', paidUntil: subscription.paidUntil });
    const ledger = await ledgerPage(accountId, 'PLN', {});
    expect(ledger.items).toEqual([
      expect.objectContaining({
        kind: 'payment',
        amountMinor: order.total.amountMinor,
        memo: expect.stringContaining('SUBSCRIPTION_ENDED'),
      }),
    ]);

    // The customer's order page says why, and the order is no longer payable: a later transfer goes to the balance too.
    const token = await signIn(api, 'customer', customer.login);
    const page = await call(api, 'GET', `/api/orders/${order.orderId}`, { token });
    expect(page.body.shop).toMatchObject({ status: 'cancelled', closedBecause: 'SUBSCRIPTION_ENDED' });
    expect((await transfer(accountId, order.orderId, 1_000)).outcome).toBe('credited-to-balance');
    expect(await testBalance(accountId)).toBe(order.total.amountMinor + 1_000);
  });

  it('returns what a partly paid order had received with the transfer that finds it unfulfillable', async () => {
    const { accountId, subscription, order } = await orderAwaitingTransfer();
    expect((await transfer(accountId, order.orderId, 1_000)).outcome).toBe('applied');
    await changeMeanwhile(subscription, { sku: plans.large, plan: 'Large' });

    const rest = order.total.amountMinor - 1_000;
    expect((await transfer(accountId, order.orderId, rest)).outcome).toBe('credited-to-balance');
    expect(await testBalance(accountId)).toBe(order.total.amountMinor);
    const stored = orderFromItem(
      (await db().send(new GetCommand({ TableName: tableName(), Key: orderKey(accountId, order.orderId) }))).Item!,
    );
    expect(stored.shop).toMatchObject({ status: 'cancelled', closedBecause: 'SUBSCRIPTION_CHANGED' });
    expect((await getSubscription(accountId, subscription.subscriptionId)).paidUntil).toBe(subscription.paidUntil);
  });

  it('credits a transfer for a plan upgrade priced from a plan the subscription has left', async () => {
    const { accountId, subscription, order } = await orderAwaitingTransfer((subscriptionId, licenseeAccountId) => ({
      kind: 'plan-change',
      subscriptionId,
      toSku: plans.large,
      licenseeAccountId,
    }));
    expect(order.lines[0]?.action).toMatchObject({ kind: 'plan-change', toSku: plans.large, fromSku: plans.mid });
    await changeMeanwhile(subscription, { sku: plans.small, plan: 'Small' });

    expect((await transfer(accountId, order.orderId, order.total.amountMinor)).outcome).toBe('credited-to-balance');
    expect(await testBalance(accountId)).toBe(order.total.amountMinor);
    expect(await getSubscription(accountId, subscription.subscriptionId)).toMatchObject({ sku: plans.small, plan: 'Small' });
  });

  it('credits a transfer for a renewal of a subscription a cancellation is ending (between its refunds)', async () => {
    const { customer, accountId, subscription, order } = await orderAwaitingTransfer();
    // As the first of a cancellation's several refunds leaves it (shared/subscriptions/cancel.ts).
    await changeMeanwhile(subscription, { endingAt: new Date().toISOString() });

    expect((await transfer(accountId, order.orderId, order.total.amountMinor)).outcome).toBe('credited-to-balance');
    expect((await getSubscription(accountId, subscription.subscriptionId)).paidUntil).toBe(subscription.paidUntil);
    const token = await signIn(api, 'customer', customer.login);
    const renew = await call(api, 'POST', '/api/cart/actions', {
      token,
      body: { actions: [{ kind: 'renewal', subscriptionId: subscription.subscriptionId, periods: 1 }] },
    });
    expect(renew.status).toBe(400);
    expect(renew.body.error.code).toBe('SUBSCRIPTION_ENDED');
  });

  it('refuses a payment from the balance for it, moving nothing', async () => {
    const { accountId, subscription, order } = await orderAwaitingTransfer();
    await giveBalance(accountId, 100_000, 'PLN');
    await changeMeanwhile(subscription, { status: 'ended', endedAt: new Date().toISOString() });

    await expect(
      applyOrderPayment({
        accountId,
        orderId: order.orderId,
        method: 'balance',
        amountMinor: order.total.amountMinor,
        currency: 'PLN',
        at: new Date(),
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toMatchObject({ statusCode: 409, code: 'SUBSCRIPTION_ENDED' });
    expect(await testBalance(accountId)).toBe(100_000);
    const stored = orderFromItem(
      (await db().send(new GetCommand({ TableName: tableName(), Key: orderKey(accountId, order.orderId) }))).Item!,
    );
    expect(stored.shop).toMatchObject({ status: 'awaiting-payment', paidMinor: 0 });
  });
});
