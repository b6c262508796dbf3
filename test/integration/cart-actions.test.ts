// Action lines through the shop (issue #15, shared/shop/line-actions.ts): a renewal added with POST /api/cart/actions is
// a line keyed RENEW-<id> whose quantity is its periods, changed and removed by that key; a subscription that can no
// longer be renewed flags its line (never dropped) and checkout refuses until it is removed; checked out, the line's
// order carries its action, its proforma describes it, and paying the order renews the subscription once.

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getInvoice } from '#shared/billing/invoice.ts';
import { GetCommand, PutCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { orderFromItem, orderKey } from '#shared/orders/model.ts';
import { applyOrderPayment } from '#shared/shop/order-payments.ts';
import { getSubscription, subscriptionItem } from '#shared/subscriptions/model.ts';
import { addPeriods } from '#shared/subscriptions/periods.ts';
import { call, signIn, startTestApi, type TestApi } from '../support/api.ts';
import { customerWithCart } from '../support/shopper.ts';
import { putTestSubscription } from '../support/subscriptions.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

async function renewingCustomer() {
  const customer = await customerWithCart([]);
  const subscription = await putTestSubscription(customer.account.accountId);
  const token = await signIn(api, 'customer', customer.login);
  return { accountId: customer.account.accountId, subscription, token };
}

describe('renewals as cart lines', () => {
  it('adds, re-prices by periods, removes by the line key', async () => {
    const { subscription, token } = await renewingCustomer();
    const key = `RENEW-${subscription.subscriptionId}`;

    const added = await call(api, 'POST', '/api/cart/actions', {
      token,
      body: { actions: [{ kind: 'renewal', subscriptionId: subscription.subscriptionId, periods: 2 }] },
    });
    expect(added.status).toBe(200);
    expect(added.body.lines).toEqual([
      expect.objectContaining({ key, sku: subscription.sku, quantity: 2, lineTotal: { amountMinor: 9800, currency: 'PLN' } }),
    ]);
    expect(added.body.lines[0].action).toMatchObject({ kind: 'renewal', subscriptionId: subscription.subscriptionId });

    const three = await call(api, 'PUT', `/api/cart/lines/${key}`, { token, body: { quantity: 3, version: added.body.version } });
    expect(three.status).toBe(200);
    expect(three.body.lines[0]).toMatchObject({ quantity: 3, lineTotal: { amountMinor: 14_700, currency: 'PLN' } });

    const removed = await call(api, 'DELETE', `/api/cart/lines/${key}`, { token });
    expect(removed.status).toBe(200);
    expect(removed.body.lines).toEqual([]);
  });

  it('flags the line of a subscription that ended meanwhile, and checkout refuses it until it is removed', async () => {
    const { subscription, token } = await renewingCustomer();
    const key = `RENEW-${subscription.subscriptionId}`;
    const added = await call(api, 'POST', '/api/cart/actions', {
      token,
      body: { actions: [{ kind: 'renewal', subscriptionId: subscription.subscriptionId, periods: 1 }] },
    });
    expect(added.status).toBe(200);
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: subscriptionItem({ ...subscription, status: 'ended', endedAt: new Date().toISOString(), version: subscription.version + 1 }),
      }),
    );

    const cart = await call(api, 'GET', '/api/cart', { token });
    expect(cart.body.lines).toEqual([
      expect.objectContaining({ key, unavailable: 'not-available', unavailableCode: 'SUBSCRIPTION_ENDED' }),
    ]);
    expect(cart.body.hasUnavailable).toBe(true);
    const review = await call(api, 'GET', '/api/checkout', { token });
    expect(review.body.unavailable).toEqual([key]);
    const refused = await call(api, 'POST', '/api/checkout', {
      token,
      body: { idempotencyKey: randomUUID(), paymentMethod: 'bank-transfer', acceptedTotalMinor: 0 },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('CART_UNAVAILABLE');
  });

  it('checks out a renewal: the order keeps its action, the proforma describes it, paying it renews once', async () => {
    const { accountId, subscription, token } = await renewingCustomer();
    await call(api, 'POST', '/api/cart/actions', {
      token,
      body: { actions: [{ kind: 'renewal', subscriptionId: subscription.subscriptionId, periods: 2 }] },
    });
    const review = await call(api, 'GET', '/api/checkout', { token });
    expect(review.body.lines).toEqual([expect.objectContaining({ key: `RENEW-${subscription.subscriptionId}`, quantity: 2 })]);

    const placed = await call(api, 'POST', '/api/checkout', {
      token,
      body: { idempotencyKey: randomUUID(), paymentMethod: 'bank-transfer', acceptedTotalMinor: review.body.totals.grossMinor },
    });
    expect(placed.status).toBe(201);
    const found = await db().send(new GetCommand({ TableName: tableName(), Key: orderKey(accountId, placed.body.order.orderId) }));
    const order = orderFromItem(found.Item!);
    expect(order.lines[0]?.action).toEqual({
      kind: 'renewal',
      subscriptionId: subscription.subscriptionId,
      periods: 2,
      licenseeAccountId: accountId,
    });
    const proforma = await getInvoice(accountId, order.shop!.proforma!.invoiceId, true);
    expect(proforma?.lines[0]?.description).toContain('renewal');
    expect((await call(api, 'GET', '/api/cart', { token })).body.lines).toEqual([]);

    const pay = () =>
      applyOrderPayment({
        accountId,
        orderId: order.orderId,
        method: 'bank-transfer',
        amountMinor: order.total.amountMinor,
        currency: 'PLN',
        at: new Date(),
        bankPayment: { bankReference: `REF-${randomUUID()}`, receivedOn: new Date().toISOString().slice(0, 10) },
      });
    const results = await Promise.allSettled([pay(), pay(), pay()]);
    expect(results.filter((result) => result.status === 'fulfilled' && result.value.outcome === 'applied')).toHaveLength(1);
    const renewed = await getSubscription(accountId, subscription.subscriptionId);
    expect(renewed.paidUntil).toBe(addPeriods(subscription.paidUntil, subscription.period, 2).toISOString());
  });
});
