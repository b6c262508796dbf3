// Service plans in the catalogue (issue #15), against DynamoDB Local and the local mail server: staff add a SKU sold by
// the month, the catalogue and the shop show its period, and buying it (a shop order once paid, or a staff order)
// starts a service subscription per unit, paid until one period after payment, instead of issuing a licence.

import { taxLine } from '#shared/billing/tax.ts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GetCommand, QueryCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { accountPartition, keys, SK_PREFIX } from '#shared/db/keys.ts';
import { orderFromItem, type StoredOrder } from '#shared/orders/model.ts';
import { listSubscriptionEvents } from '#shared/subscriptions/events.ts';
import { getSubscription } from '#shared/subscriptions/model.ts';
import { addPeriods } from '#shared/subscriptions/periods.ts';
import { call, createCustomer, createStaff, signIn, startTestApi, uniqueEmail, type TestApi } from '../support/api.ts';
import { mailsTo } from '../support/mailbox.ts';
import { putAwaitingOrder } from '../support/shop-orders.ts';

let api: TestApi;
let admin: string;
/** A product of this file's own with one edition and a monthly plan SKU priced in EUR and PLN. */
let plan: { productId: string; sku: string };
beforeAll(async () => {
  api = await startTestApi();
  admin = await signIn(api, 'staff', await createStaff(['admin']));
  const suffix = randomUUID().slice(0, 8);
  plan = { productId: `hosting-${suffix}`, sku: `HOST-${suffix.toUpperCase()}-1M` };
  const product = await call(api, 'POST', '/api/admin/catalogue/products', {
    token: admin,
    body: { productId: plan.productId, name: 'Test Hosting' },
  });
  expect(product.status).toBe(201);
  const edition = await call(api, 'POST', `/api/admin/catalogue/products/${plan.productId}/editions`, {
    token: admin,
    body: { editionId: 'business', name: 'Business' },
  });
  expect(edition.status).toBe(201);
  const sku = await call(api, 'POST', '/api/admin/catalogue/skus', {
    token: admin,
    body: {
      sku: plan.sku,
      productId: plan.productId,
      editionId: 'business',
      users: 10,
      supportYears: 0,
      period: { unit: 'month', count: 1 },
      prices: [
        { amountMinor: 4_900, currency: 'EUR' },
        { amountMinor: 19_900, currency: 'PLN' },
      ],
    },
  });
  expect(sku.status, JSON.stringify(sku.body)).toBe(201);
});
afterAll(() => api.stop());

async function readOrder(accountId: string, orderId: string): Promise<StoredOrder> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: keys.order(accountId, orderId), ConsistentRead: true }));
  return orderFromItem(found.Item!);
}

async function licencesOf(accountId: string): Promise<number> {
  const found = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': accountPartition(accountId), ':prefix': SK_PREFIX.licence },
      ConsistentRead: true,
    }),
  );
  return found.Items?.length ?? 0;
}

describe('the catalogue sells service plans', () => {
  it('accepts a SKU with a period and shows it in the staff catalogue', async () => {
    const catalogue = await call(api, 'GET', '/api/admin/catalogue/products', { token: admin });
    const sku = catalogue.body.skus.find((each: { sku: string }) => each.sku === plan.sku);
    expect(sku).toMatchObject({ sku: plan.sku, supportYears: 0, period: { unit: 'month', count: 1 } });
    // The staff order form's catalogue says it too.
    const offered = await call(api, 'GET', '/api/admin/catalogue?currency=PLN', { token: admin });
    expect(offered.body.items.find((each: { sku: string }) => each.sku === plan.sku)).toMatchObject({
      period: { unit: 'month', count: 1 },
      unitPrice: { amountMinor: 19_900, currency: 'PLN' },
    });
  });

  it('refuses a period with support years (400 naming the period) or outside 1-36', async () => {
    const base = { productId: plan.productId, editionId: 'business', users: 1, prices: [{ amountMinor: 100, currency: 'EUR' }] };
    const withSupport = await call(api, 'POST', '/api/admin/catalogue/skus', {
      token: admin,
      body: { ...base, sku: `X-${randomUUID().slice(0, 6).toUpperCase()}`, supportYears: 1, period: { unit: 'month', count: 1 } },
    });
    expect(withSupport.status).toBe(400);
    expect(withSupport.body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(withSupport.body.error.details)).toContain('period');
    const tooLong = await call(api, 'POST', '/api/admin/catalogue/skus', {
      token: admin,
      body: { ...base, sku: `X-${randomUUID().slice(0, 6).toUpperCase()}`, supportYears: 0, period: { unit: 'week', count: 1 } },
    });
    expect(tooLong.status).toBe(400);
  });

  it('the shop offers the plan with its period', async () => {
    const buyer = await createCustomer([]);
    const token = await signIn(api, 'customer', buyer.login);
    const page = await call(api, 'GET', `/api/shop/products/${plan.productId}`, { token });
    expect(page.status).toBe(200);
    expect(page.body.product.editions[0].skus[0]).toMatchObject({ sku: plan.sku, period: { unit: 'month', count: 1 } });
  });
});

describe('buying a service plan starts a subscription instead of a licence', () => {
  it('a shop order, once paid, starts one subscription per unit, paid until a period after payment, with its invoice', async () => {
    // Prepare
    const buyer = await createCustomer([]);
    const accountId = buyer.account.accountId;
    const order = await putAwaitingOrder({ accountId, email: buyer.login.email, lines: [{ sku: plan.sku, quantity: 2 }] });
    const billing = await signIn(api, 'staff', await createStaff(['billing']));
    // Act
    const before = new Date();
    const paid = await call(api, 'POST', '/api/admin/payments', {
      token: billing,
      body: {
        reference: order.reference,
        amountMinor: order.total.amountMinor,
        currency: 'EUR',
        receivedOn: before.toISOString().slice(0, 10),
        bankReference: `BANK-${randomUUID()}`,
      },
    });
    const after = new Date();
    // Assess
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    expect(paid.body.order).toMatchObject({ status: 'fulfilled', licences: 0 });
    const stored = await readOrder(accountId, order.orderId);
    expect(stored.issued).toEqual([]);
    expect(stored.services).toHaveLength(2);
    expect(await licencesOf(accountId)).toBe(0);
    for (const started of stored.services!) {
      const subscription = await getSubscription(accountId, started.subscriptionId);
      const startedAt = new Date(subscription.startedAt);
      expect(startedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
      expect(startedAt.getTime()).toBeLessThanOrEqual(after.getTime());
      expect(subscription).toMatchObject({
        kind: 'service',
        productId: plan.productId,
        product: 'Test Hosting',
        sku: plan.sku,
        plan: 'Business',
        users: 10,
        period: { unit: 'month', count: 1 },
        price: { amountMinor: 4_900, currency: 'EUR' },
        paidUntil: addPeriods(startedAt, { unit: 'month', count: 1 }, 1).toISOString(),
        status: 'active',
        autoRenew: false,
        lastInvoice: { invoiceId: stored.shop!.invoice!.invoiceId, number: stored.shop!.invoice!.number, orderId: order.orderId },
      });
      // Each unit's own gross (4,900 net at the order's VAT), not the whole invoice's: what a cancellation may refund.
      expect(subscription.lastInvoice?.grossMinor).toBe(taxLine(4_900, stored.shop!.tax).grossMinor);
      expect(subscription.lastInvoice?.grossMinor).toBeLessThan(order.total.amountMinor);
      expect(subscription.identifier).toBeUndefined();
      expect(started.paidUntil).toBe(subscription.paidUntil);
      const history = await listSubscriptionEvents(accountId, started.subscriptionId, {});
      expect(history.items.map((event) => [event.kind, event.by, event.order?.reference])).toEqual([
        ['created', 'payment', order.reference],
      ]);
    }
    // The customer's order page and the payment mail say the service started and until when it is paid.
    const token = await signIn(api, 'customer', buyer.login);
    const view = await call(api, 'GET', `/api/orders/${order.orderId}`, { token });
    expect(view.body.services.map((each: { subscriptionId: string }) => each.subscriptionId).sort()).toEqual(
      stored.services!.map((each) => each.subscriptionId).sort(),
    );
    const mail = (await mailsTo(inject('mailUrl'), buyer.login.email)).find((each) => each.subject.includes(order.reference));
    expect(mail?.body.text).toContain('Test Hosting, Business plan: service started, paid until');
    expect(mail?.body.text).not.toContain('These licences');
    expect((mail as { attachments?: unknown[] } | undefined)?.attachments ?? []).toEqual([]);
  });

  it('a staff order of a plan starts the subscriptions at once, says so in its confirmation, and issues no licence', async () => {
    const email = uniqueEmail('plan');
    const before = new Date();
    const created = await call(api, 'POST', '/api/admin/orders', {
      token: admin,
      body: {
        email,
        contact: { name: 'Ewa Zielińska', country: 'PL', city: 'Łódź' },
        lines: [{ sku: plan.sku, quantity: 1 }],
        currency: 'PLN',
        idempotencyKey: randomUUID(),
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const order = created.body.order;
    expect(order.issued).toEqual([]);
    expect(order.services).toHaveLength(1);
    const subscription = await getSubscription(order.accountId, order.services[0].subscriptionId);
    expect(new Date(subscription.startedAt).getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(subscription).toMatchObject({
      kind: 'service',
      sku: plan.sku,
      price: { amountMinor: 19_900, currency: 'PLN' },
      paidUntil: addPeriods(subscription.startedAt, { unit: 'month', count: 1 }, 1).toISOString(),
      status: 'active',
    });
    expect(subscription.lastInvoice).toBeUndefined();
    expect(await licencesOf(order.accountId)).toBe(0);
    const history = await listSubscriptionEvents(order.accountId, subscription.subscriptionId, {});
    expect(history.items.map((event) => [event.kind, event.by])).toEqual([['created', 'staff']]);
    const mail = (await mailsTo(inject('mailUrl'), email)).find((each) => each.subject.includes(order.reference));
    expect(mail?.body.text).toMatch(/Test Hosting, (Business plan: service started, paid until|plan Business: usługa uruchomiona)/);
    // Its subscriptions stay with the account that bought them: the order cannot be moved.
    const other = await createCustomer([]);
    const moved = await call(api, 'POST', `/api/admin/customers/${order.accountId}/orders/${order.orderId}/move`, {
      token: admin,
      body: { toAccountId: other.account.accountId, reason: 'Placed for the wrong company' },
    });
    expect(moved.status).toBe(409);
    expect(moved.body.error.code).toBe('ORDER_HAS_SERVICES');
  });
});
