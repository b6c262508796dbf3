// Changing a service's plan against DynamoDB Local (issue #15): the preview's numbers (the proration rule, VAT for the
// buyer), a downgrade credited once under 20 parallel submissions with a correction of the period's invoice, a
// downgrade scheduled for paid-until by the stage's terms, and who may change what (a distributor's client is refused;
// its distributor changes it; a stranger's id is 404).

import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getInvoice } from '#shared/billing/invoice.ts';
import { applyOrderPayment } from '#shared/shop/order-payments.ts';
import { BILLING_VARIABLE, resetBillingSettingsForTests } from '#shared/billing/settings.ts';
import { distributorClientItem } from '#shared/accounts/distributors.ts';
import { TransactWriteCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { money } from '#shared/money.ts';
import { listSubscriptionEvents } from '#shared/subscriptions/events.ts';
import { getSubscription } from '#shared/subscriptions/model.ts';
import { planChangeFulfilment, quotePlanChange } from '#shared/subscriptions/plan-change.ts';
import type { StoredOrder } from '#shared/orders/model.ts';
import { getAccount } from '#shared/accounts/account.ts';
import { addPeriods, DAY_MS } from '#shared/subscriptions/periods.ts';
import { call, signIn, startTestApi, type TestApi } from '../support/api.ts';
import { giveBalance, testBalance } from '../support/balances.ts';
import { customerWithCart } from '../support/shopper.ts';
import { putTestServicePlans, type TestServicePlans } from '../support/service-plans.ts';
import { putTestSubscription } from '../support/subscriptions.ts';

let api: TestApi;
let catalogue: TestServicePlans;
/** The test's own service plans: monthly, 19.00 / 49.00 / 99.00 net. */
const plan = { small: '', mid: '', big: '' };
let product = '';

beforeAll(async () => {
  api = await startTestApi();
  catalogue = await putTestServicePlans();
  Object.assign(plan, { small: catalogue.small, mid: catalogue.mid, big: catalogue.large });
  product = catalogue.productId;
});
afterAll(() => api.stop());
afterEach(() => {
  delete process.env[BILLING_VARIABLE];
  resetBillingSettingsForTests();
});

/** A Polish customer (PLN, 23 % VAT) signed in, with a Medium plan at 49.00 paid until 10 whole days from now. */
async function customerWithService(overrides: Parameters<typeof putTestSubscription>[1] = {}) {
  const customer = await customerWithCart([]);
  const { accountId } = customer.account;
  const paidUntil = new Date(Date.now() + 10 * DAY_MS + 2 * 60 * 60 * 1000).toISOString();
  const subscription = await putTestSubscription(accountId, {
    productId: product,
    product: catalogue.product,
    sku: plan.mid,
    plan: 'Medium',
    users: 10,
    paidUntil,
    ...overrides,
  });
  const token = await signIn(api, 'customer', customer.login);
  return { customer, accountId, subscription, token };
}

/** The proration rule worked out independently: amount × days left / days in the month before paid-until, rounded. */
function expectedProration(amountMinor: number, paidUntil: string, daysLeft: number) {
  const daysInPeriod = Math.round(
    (new Date(paidUntil).getTime() - addPeriods(paidUntil, { unit: 'month', count: 1 }, -1).getTime()) / DAY_MS,
  );
  const net = Math.round((amountMinor * daysLeft) / daysInPeriod);
  const vat = Math.round(net * 0.23);
  return { net, vat, gross: net + vat, daysInPeriod };
}

const plansOf = (token: string, subscriptionId: string, query = '') =>
  call(api, 'GET', `/api/subscriptions/${subscriptionId}/plans${query}`, { token });
const changePlan = (token: string, subscriptionId: string, body: Record<string, unknown>) =>
  call(api, 'POST', `/api/subscriptions/${subscriptionId}/change-plan`, {
    token,
    body: { payWith: 'balance', idempotencyKey: randomUUID(), ...body },
  });

describe('the plans of a service and their preview', () => {
  it('previews an upgrade’s prorated difference with VAT and a downgrade’s prorated credit', async () => {
    const { subscription, token } = await customerWithService();
    const answer = await plansOf(token, subscription.subscriptionId);
    expect(answer.status).toBe(200);
    expect(answer.body.current).toEqual({ sku: plan.mid, plan: 'Medium', users: 10, price: money(4_900, 'PLN') });
    expect(answer.body.downgrade).toBe('credit-now');
    expect(answer.body.tax).toEqual({ treatment: 'domestic', rateBasisPoints: 2300 });
    const bySku = Object.fromEntries(answer.body.plans.map((choice: { sku: string }) => [choice.sku, choice]));
    expect(Object.keys(bySku).sort()).toEqual([plan.big, plan.small].sort());

    const up = expectedProration(5_000, subscription.paidUntil, 10);
    expect(bySku[plan.big]).toMatchObject({ plan: 'Large', direction: 'upgrade', price: money(9_900, 'PLN') });
    expect(bySku[plan.big].preview).toEqual({
      effect: 'charge',
      netMinor: up.net,
      vatMinor: up.vat,
      grossMinor: up.gross,
      currency: 'PLN',
      daysLeft: 10,
      daysInPeriod: up.daysInPeriod,
      periodsAfter: 0,
    });
    const down = expectedProration(3_000, subscription.paidUntil, 10);
    expect(bySku[plan.small]).toMatchObject({
      direction: 'downgrade',
      preview: { effect: 'credit', netMinor: down.net, grossMinor: down.gross },
    });
  });

  it('says when a downgrade applies at paid-until instead, by the stage’s terms', async () => {
    process.env[BILLING_VARIABLE] = JSON.stringify({ services: { downgrade: 'at-period-end' } });
    resetBillingSettingsForTests();
    const { subscription, token } = await customerWithService();
    const answer = await plansOf(token, subscription.subscriptionId);
    const small = answer.body.plans.find((choice: { sku: string }) => choice.sku === plan.small);
    expect(small.preview).toMatchObject({ effect: 'at-period-end', grossMinor: 0, appliesOn: subscription.paidUntil });
  });

  it('offers no plans for support & updates, and 404 for another account’s subscription', async () => {
    const { accountId, token } = await customerWithService();
    const support = await putTestSubscription(accountId, { kind: 'support', productId: 'remote-access', sku: 'RA-ENT-5-S1Y' });
    const answer = await plansOf(token, support.subscriptionId);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ plans: [], unavailable: { code: 'NOT_A_SERVICE' } });
    const stranger = await customerWithService();
    expect((await plansOf(token, stranger.subscription.subscriptionId)).status).toBe(404);
    expect((await changePlan(token, stranger.subscription.subscriptionId, { toSku: plan.small, acceptedAmountMinor: 0 })).status).toBe(404);
  });
});

describe('a downgrade', () => {
  it('credits the prorated difference once under 20 parallel submissions, with one correction of the period’s invoice', async () => {
    const { accountId, subscription, token } = await customerWithService({ withInvoice: true });
    const preview = (await plansOf(token, subscription.subscriptionId)).body.plans.find(
      (choice: { sku: string }) => choice.sku === plan.small,
    ).preview;
    const expected = expectedProration(3_000, subscription.paidUntil, 10);
    expect(preview).toMatchObject({
      netMinor: expected.net,
      grossMinor: expected.gross,
      corrects: { number: subscription.lastInvoice!.number },
    });

    const body = { toSku: plan.small, acceptedAmountMinor: preview.grossMinor, idempotencyKey: randomUUID() };
    const answers = await Promise.all(Array.from({ length: 20 }, () => changePlan(token, subscription.subscriptionId, body)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([...Array(19).fill(200), 201]);
    const first = answers.find((answer) => answer.status === 201)!;
    expect(first.body).toMatchObject({ outcome: 'changed', subscription: { sku: plan.small, plan: 'Small', users: 5 } });
    expect(first.body.credit).toMatchObject({ amountMinor: expected.gross, currency: 'PLN' });

    expect(await testBalance(accountId, 'PLN')).toBe(expected.gross);
    const original = await getInvoice(accountId, subscription.lastInvoice!.invoiceId, true);
    expect(original?.correctedBy).toHaveLength(1);
    const correction = await getInvoice(accountId, original!.correctedBy![0]!, true);
    expect(correction?.lines).toEqual([expect.objectContaining({ unitNetMinor: -expected.net, grossMinor: -expected.gross })]);
    const stored = await getSubscription(accountId, subscription.subscriptionId);
    expect(stored).toMatchObject({ sku: plan.small, price: money(1_900, 'PLN'), paidUntil: subscription.paidUntil, version: 2 });
    const events = (await listSubscriptionEvents(accountId, subscription.subscriptionId, {})).items;
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'plan-changed',
        plan: { from: 'Medium', to: 'Small' },
        amount: money(-expected.gross, 'PLN'),
        invoice: { invoiceId: correction!.invoiceId, number: correction!.number },
      }),
    ]);
  });

  it('is scheduled for paid-until (pendingPlan) when the terms say at-period-end, and credits nothing', async () => {
    process.env[BILLING_VARIABLE] = JSON.stringify({ services: { downgrade: 'at-period-end' } });
    resetBillingSettingsForTests();
    const { accountId, subscription, token } = await customerWithService();
    const answer = await changePlan(token, subscription.subscriptionId, { toSku: plan.small, acceptedAmountMinor: 0 });
    expect(answer.status).toBe(201);
    expect(answer.body.outcome).toBe('scheduled');
    const stored = await getSubscription(accountId, subscription.subscriptionId);
    expect(stored).toMatchObject({ sku: plan.mid, pendingPlan: { sku: plan.small, plan: 'Small', users: 5, price: money(1_900, 'PLN') } });
    expect(await testBalance(accountId, 'PLN')).toBe(0);
    const events = (await listSubscriptionEvents(accountId, subscription.subscriptionId, {})).items;
    expect(events.map((event) => [event.kind, event.plan])).toEqual([['plan-change-scheduled', { from: 'Medium', to: 'Small' }]]);
    // The same choice again changes nothing.
    expect((await changePlan(token, subscription.subscriptionId, { toSku: plan.small, acceptedAmountMinor: 0 })).body.outcome).toBe(
      'unchanged',
    );
  });

  it('answers 409 PRICES_CHANGED with the new preview when the amount accepted is not today’s', async () => {
    const { subscription, token } = await customerWithService();
    const answer = await changePlan(token, subscription.subscriptionId, { toSku: plan.small, acceptedAmountMinor: 1 });
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('PRICES_CHANGED');
    expect(answer.body.error.details.choice).toMatchObject({ sku: plan.small, preview: { effect: 'credit' } });
  });

  it('refuses a SKU that is no plan of the product (400) and a suspended service (409)', async () => {
    const { accountId, subscription, token } = await customerWithService();
    const other = await changePlan(token, subscription.subscriptionId, { toSku: 'RA-ENT-5-S1Y', acceptedAmountMinor: 0 });
    expect([other.status, other.body.error.code]).toEqual([400, 'PLAN_NOT_OFFERED']);
    const suspended = await putTestSubscription(accountId, { productId: product, sku: plan.mid, status: 'suspended' });
    const refused = await changePlan(token, suspended.subscriptionId, { toSku: plan.small, acceptedAmountMinor: 0 });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'SUBSCRIPTION_NOT_ACTIVE']);
  });
});

describe('distributors and their clients', () => {
  it('refuses a client changing its own plan (403 ORDERED_BY_DISTRIBUTOR); its distributor changes it, and the client that paid the period is credited', async () => {
    const distributor = await customerWithService();
    const client = await customerWithService({ withInvoice: true });
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: keys.account(distributor.accountId),
              UpdateExpression: 'SET distributor = :yes, clientCount = :one',
              ExpressionAttributeValues: { ':yes': true, ':one': 1 },
            },
          },
          {
            Update: {
              TableName: tableName(),
              Key: keys.account(client.accountId),
              UpdateExpression: 'SET distributorId = :id',
              ExpressionAttributeValues: { ':id': distributor.accountId },
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: distributorClientItem({
                distributorId: distributor.accountId,
                clientId: client.accountId,
                assignedAt: new Date().toISOString(),
              }),
            },
          },
        ],
      }),
    );
    const { subscriptionId } = client.subscription;
    const own = await plansOf(client.token, subscriptionId);
    expect(own.body).toMatchObject({ plans: [], unavailable: { code: 'ORDERED_BY_DISTRIBUTOR' } });
    const refused = await changePlan(client.token, subscriptionId, { toSku: plan.small, acceptedAmountMinor: 0 });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'ORDERED_BY_DISTRIBUTOR']);
    expect(refused.body.error.details).toMatchObject({ distributorEmail: distributor.customer.account.contactEmail });

    const forClient = `?clientId=${client.accountId}`;
    const plans = await plansOf(distributor.token, subscriptionId, forClient);
    expect(plans.status).toBe(200);
    const small = plans.body.plans.find((choice: { sku: string }) => choice.sku === plan.small);
    const changed = await changePlan(distributor.token, subscriptionId, {
      toSku: plan.small,
      acceptedAmountMinor: small.preview.grossMinor,
      clientId: client.accountId,
    });
    expect(changed.status).toBe(201);
    expect((await getSubscription(client.accountId, subscriptionId)).sku).toBe(plan.small);
    // The client paid the period itself: its invoice is corrected and its balance credited, not the distributor's.
    expect(small.preview.corrects).toMatchObject({ accountId: client.accountId, number: client.subscription.lastInvoice!.number });
    expect(await testBalance(client.accountId, 'PLN')).toBe(small.preview.grossMinor);
    expect(await testBalance(distributor.accountId, 'PLN')).toBe(0);

    // Not a client of this account: 404, like any foreign id.
    const stranger = await customerWithService();
    expect((await plansOf(stranger.token, subscriptionId, forClient)).status).toBe(404);
  });
});

describe('the upgrade’s order line (quote) and its fulfilment when paid', () => {
  it('quotes one unit at the prorated difference, named for the invoice, and refuses a downgrade or the same plan', async () => {
    const { accountId, subscription } = await customerWithService();
    const buyer = (await getAccount(accountId))!;
    const context = { buyer, currency: 'PLN', at: new Date() };
    const action = { kind: 'plan-change', subscriptionId: subscription.subscriptionId, licenseeAccountId: accountId } as const;
    const quote = await quotePlanChange(context, { ...action, toSku: plan.big });
    const expected = expectedProration(5_000, subscription.paidUntil, 10);
    expect(quote).toEqual({
      line: {
        product: catalogue.product,
        sku: plan.big,
        edition: `Medium → Large, plan change for 10 of ${expected.daysInPeriod} days`,
        text: { kind: 'plan-change', from: 'Medium', to: 'Large', daysLeft: 10, daysInPeriod: expected.daysInPeriod, periodsAfter: 0 },
        users: 25,
        quantity: 1,
        unitPrice: money(expected.net, 'PLN'),
        subtotal: money(expected.net, 'PLN'),
        priceVersion: 1,
        // The plan it was priced from: the payment refuses to apply it to another (late-payments.test.ts).
        action: { ...action, toSku: plan.big, fromSku: plan.mid },
      },
    });
    expect(await quotePlanChange(context, { ...action, toSku: plan.small })).toMatchObject({ unavailable: 'NOT_AN_UPGRADE' });
    expect(await quotePlanChange(context, { ...action, toSku: plan.mid })).toMatchObject({ unavailable: 'SAME_PLAN' });
  });

  it('switches the plan at the quoted price when the order is paid, keeps paid-until, and records the order and invoice', async () => {
    const { accountId, subscription } = await customerWithService();
    await putTestSubscription(accountId, {}); // another subscription of the account is left alone
    const buyer = (await getAccount(accountId))!;
    const quote = await quotePlanChange(
      { buyer, currency: 'PLN', at: new Date() },
      { kind: 'plan-change', subscriptionId: subscription.subscriptionId, toSku: plan.big, licenseeAccountId: accountId },
    );
    if (!('line' in quote)) throw new Error(quote.message);
    const line = quote.line as typeof quote.line & { action: { kind: 'plan-change' } };
    const order = { orderId: '01JD3Q8W5M2K7Z9XG4R6T1V0BN', accountId, reference: 'JWT9001' } as StoredOrder;
    const invoice = { invoiceId: '01JD3Q8W5M2K7Z9XG4R6T1V0BP', number: 'FV/2026/999999' };
    const part = await planChangeFulfilment(
      { order, invoice, tax: { treatment: 'domestic', rateBasisPoints: 2300 }, at: new Date() },
      line as Parameters<typeof planChangeFulfilment>[1],
    );
    expect(part.retryOnConditionAt).toEqual([0]);
    await db().send(new TransactWriteCommand({ TransactItems: part.items }));
    const stored = await getSubscription(accountId, subscription.subscriptionId);
    expect(stored).toMatchObject({
      sku: plan.big,
      plan: 'Large',
      users: 25,
      price: money(9_900, 'PLN'),
      paidUntil: subscription.paidUntil,
    });
    const expected = expectedProration(5_000, subscription.paidUntil, 10);
    const events = (await listSubscriptionEvents(accountId, subscription.subscriptionId, {})).items;
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'plan-changed',
        by: 'payment',
        plan: { from: 'Medium', to: 'Large' },
        order: { orderId: order.orderId, reference: 'JWT9001' },
        invoice,
        amount: money(expected.gross, 'PLN'),
      }),
    ]);
    // Fulfilled twice from a stale read (a lost race): the version condition refuses the second write.
    await expect(db().send(new TransactWriteCommand({ TransactItems: part.items }))).rejects.toThrow();
  });
});

describe('an upgrade mid-period', () => {
  it('paid from the balance switches the plan at once and invoices the prorated difference', async () => {
    const { accountId, subscription, token } = await customerWithService();
    await giveBalance(accountId, 100_000);
    const expected = expectedProration(5_000, subscription.paidUntil, 10);
    const answer = await changePlan(token, subscription.subscriptionId, { toSku: plan.big, acceptedAmountMinor: expected.gross });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      outcome: 'changed',
      subscription: { sku: plan.big, plan: 'Large', users: 25, price: money(9_900, 'PLN'), paidUntil: subscription.paidUntil },
      order: { status: 'fulfilled', total: money(expected.gross, 'PLN') },
    });
    expect(await testBalance(accountId, 'PLN')).toBe(100_000 - expected.gross);
    const events = (await listSubscriptionEvents(accountId, subscription.subscriptionId, {})).items;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'plan-changed', by: 'payment', order: { orderId: answer.body.order.orderId } });
    const invoice = await getInvoice(accountId, events[0]!.invoice!.invoiceId, true);
    expect(invoice?.lines).toEqual([
      expect.objectContaining({
        description: `${catalogue.product} Medium → Large, plan change for 10 of ${expected.daysInPeriod} days`,
        quantity: 1,
        unitNetMinor: expected.net,
        grossMinor: expected.gross,
      }),
    ]);
  });

  it('placed twice with the same key (five at once, then a retry) is one order, paid once', async () => {
    const { accountId, subscription, token } = await customerWithService();
    await giveBalance(accountId, 100_000);
    const expected = expectedProration(5_000, subscription.paidUntil, 10);
    const body = { toSku: plan.big, acceptedAmountMinor: expected.gross, idempotencyKey: randomUUID() };
    const answers = await Promise.all(Array.from({ length: 5 }, () => changePlan(token, subscription.subscriptionId, body)));
    answers.push(await changePlan(token, subscription.subscriptionId, body));
    expect(answers.filter((answer) => answer.status !== 200 && answer.status !== 201).map((answer) => answer.body)).toEqual([]);
    expect(new Set(answers.map((answer) => answer.body.order?.orderId))).toEqual(new Set([answers[0]!.body.order.orderId]));
    expect(await testBalance(accountId, 'PLN')).toBe(100_000 - expected.gross);
    expect((await getSubscription(accountId, subscription.subscriptionId)).version).toBe(2);
  });

  it('by bank transfer waits for the money: the order to pay, then the switch when the payment is recorded', async () => {
    const { accountId, subscription, token } = await customerWithService();
    const expected = expectedProration(5_000, subscription.paidUntil, 10);
    const answer = await changePlan(token, subscription.subscriptionId, {
      toSku: plan.big,
      acceptedAmountMinor: expected.gross,
      payWith: 'bank-transfer',
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ outcome: 'ordered', subscription: { sku: plan.mid }, order: { status: 'awaiting-payment' } });
    expect((await getSubscription(accountId, subscription.subscriptionId)).sku).toBe(plan.mid);
    await applyOrderPayment({
      accountId,
      orderId: answer.body.order.orderId,
      method: 'bank-transfer',
      amountMinor: expected.gross,
      currency: 'PLN',
      at: new Date(),
      bankPayment: { bankReference: `BANK-${randomUUID()}`, receivedOn: new Date().toISOString().slice(0, 10) },
    });
    expect(await getSubscription(accountId, subscription.subscriptionId)).toMatchObject({ sku: plan.big, price: money(9_900, 'PLN') });
  });

  it('refuses a balance that does not cover it (409 INSUFFICIENT_BALANCE) and changes nothing', async () => {
    const { accountId, subscription, token } = await customerWithService();
    const expected = expectedProration(5_000, subscription.paidUntil, 10);
    const answer = await changePlan(token, subscription.subscriptionId, { toSku: plan.big, acceptedAmountMinor: expected.gross });
    expect([answer.status, answer.body.error.code]).toEqual([409, 'INSUFFICIENT_BALANCE']);
    expect((await getSubscription(accountId, subscription.subscriptionId)).sku).toBe(plan.mid);
  });
});
