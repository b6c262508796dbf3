// Renewals (issue #15) against DynamoDB Local: the quote of N periods (bounds, ended, currency, a pending downgrade),
// the fulfilment that extends paid-until from its current end once per paid order (also when two orders are paid at
// once), support renewals with their new term and the licence's support end, and who may order them (a distributor's
// client may not).

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getAccount } from '#shared/accounts/account.ts';
import { updatePerson } from '#shared/accounts/person.ts';
import { readBalances } from '#shared/billing/balance.ts';
import { getInvoice } from '#shared/billing/invoice.ts';
import { transactWithRetry } from '#shared/billing/transact.ts';
import { BatchWriteCommand, QueryCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { accountPartition, SK_PREFIX } from '#shared/db/keys.ts';
import { newId } from '#shared/ids.ts';
import { readLicence } from '#shared/licences/activations.ts';
import { licencePurchase } from '#shared/licences/licence-items.ts';
import { money } from '#shared/money.ts';
import { getOrder } from '#shared/orders/get-order.ts';
import type { StoredOrder } from '#shared/orders/model.ts';
import { placeDirectOrder } from '#shared/shop/direct-order.ts';
import { type ActionLine, type FulfilContext, quoteAction } from '#shared/shop/line-actions.ts';
import { applyOrderPayment } from '#shared/shop/order-payments.ts';
import { listSubscriptionEvents } from '#shared/subscriptions/events.ts';
import { getSubscription, type Subscription } from '#shared/subscriptions/model.ts';
import { addDays, addPeriods } from '#shared/subscriptions/periods.ts';
import { quoteRenewal, renewalFulfilment } from '#shared/subscriptions/renewal.ts';
import { supportSubscriptionFromItem } from '#shared/support/model.ts';
import { call, createCustomer, createStaff, signIn, startTestApi, type TestApi } from '../support/api.ts';
import { giveBalance } from '../support/balances.ts';
import { awaitMailTo } from '../support/mailbox.ts';
import { customerWithCart } from '../support/shopper.ts';
import { putTestSubscription } from '../support/subscriptions.ts';

let api: TestApi;
let adminToken: string;

beforeAll(async () => {
  api = await startTestApi();
  adminToken = await createStaff(['admin']).then((login) => signIn(api, 'staff', login));
});
afterAll(() => api.stop());

const POLISH_VAT = { treatment: 'domestic' as const, rateBasisPoints: 2300 };

async function buyer(accountId: string) {
  const account = await getAccount(accountId, true);
  if (!account) throw new Error(`No account ${accountId}`);
  return account;
}

async function quote(subscription: Subscription, periods: number, currency = subscription.price.currency) {
  const account = await buyer(subscription.accountId);
  return quoteAction(
    { buyer: account, currency, at: new Date() },
    { kind: 'renewal', subscriptionId: subscription.subscriptionId, periods, licenseeAccountId: subscription.accountId },
  );
}

/** A paid order's fulfilment of one renewal line, written as the payment writes it (rebuilt when it loses a race). */
async function fulfil(subscription: Subscription, periods: number): Promise<{ orderId: string; invoiceId: string }> {
  const quoted = await quote(subscription, periods);
  if (!('line' in quoted)) throw new Error(`Not renewable: ${quoted.unavailable}`);
  const line = quoted.line as ActionLine & { action: { kind: 'renewal' } & ActionLine['action'] };
  const orderId = newId();
  const invoiceId = newId();
  const context: FulfilContext = {
    order: { orderId, accountId: subscription.accountId, reference: `R${randomUUID().slice(0, 6)}` } as StoredOrder,
    invoice: { invoiceId, number: `FV/${invoiceId.slice(-4)}` },
    tax: POLISH_VAT,
    at: new Date(),
  };
  await transactWithRetry(async () => ({
    ...(await renewalFulfilment(context, line as Parameters<typeof renewalFulfilment>[1])),
    result: undefined,
  }));
  return { orderId, invoiceId };
}

describe('quoting a renewal', () => {
  it('quotes N periods at the price per period, named as the invoice prints it', async () => {
    const customer = await createCustomer([]);
    const subscription = await putTestSubscription(customer.account.accountId);

    const quoted = await quote(subscription, 3);

    expect(quoted).toEqual({
      line: {
        product: 'Managed Hosting',
        sku: 'MH-BUS-1M',
        edition: 'Business, renewal 1 month (203.0.113.10)',
        text: { kind: 'renewal', plan: 'Business', period: { unit: 'month', count: 1 }, identifier: '203.0.113.10' },
        users: 1,
        quantity: 3,
        unitPrice: money(4900, 'PLN'),
        subtotal: money(14_700, 'PLN'),
        action: { kind: 'renewal', subscriptionId: subscription.subscriptionId, periods: 3, licenseeAccountId: customer.account.accountId },
      },
      // What its fulfilment changes: the subscription (a service: no licence).
      targets: [`subscription:${subscription.subscriptionId}`],
    });
  });

  it('refuses 0 or 11 periods (400), another account’s subscription (404), and marks ended or other-currency ones unavailable', async () => {
    const [customer, stranger] = await Promise.all([createCustomer([]), createCustomer([])]);
    const subscription = await putTestSubscription(customer.account.accountId);
    const ended = await putTestSubscription(customer.account.accountId, { status: 'ended', endedAt: new Date().toISOString() });

    await expect(quote(subscription, 0)).rejects.toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    await expect(quote(subscription, 11)).rejects.toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    await expect(quote(subscription, 1.5)).rejects.toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    await expect(
      quoteRenewal(
        { buyer: await buyer(stranger.account.accountId), currency: 'PLN', at: new Date() },
        { kind: 'renewal', subscriptionId: subscription.subscriptionId, periods: 1, licenseeAccountId: stranger.account.accountId },
      ),
    ).rejects.toMatchObject({ statusCode: 404 });
    expect(await quote(ended, 1)).toMatchObject({ unavailable: 'SUBSCRIPTION_ENDED' });
    expect(await quote(subscription, 1, 'EUR')).toMatchObject({ unavailable: 'CURRENCY_MISMATCH' });
  });

  it('quotes a pending downgrade’s plan and price: it applies from the next period, which the renewal pays', async () => {
    const customer = await createCustomer([]);
    const subscription = await putTestSubscription(customer.account.accountId, {
      pendingPlan: { sku: 'MH-STA-1M', plan: 'Starter', users: 1, price: money(1900, 'PLN') },
    });

    const quoted = await quote(subscription, 2);

    expect(quoted).toMatchObject({
      line: {
        sku: 'MH-STA-1M',
        edition: 'Starter, renewal 1 month (203.0.113.10)',
        unitPrice: money(1900, 'PLN'),
        subtotal: money(3800, 'PLN'),
      },
    });
  });
});

describe('fulfilling a paid renewal', () => {
  it('extends paid-until from the current end, even when overdue, and makes it active with a renewed event', async () => {
    const customer = await createCustomer([]);
    const paidUntil = addDays(new Date(), -3).toISOString();
    const subscription = await putTestSubscription(customer.account.accountId, {
      paidUntil,
      status: 'overdue',
      remindersSent: [30, 7, 1],
      autoRenewFailedOn: paidUntil.slice(0, 10),
    });

    const { orderId, invoiceId } = await fulfil(subscription, 1);

    const renewed = await getSubscription(customer.account.accountId, subscription.subscriptionId);
    expect(renewed.paidUntil).toBe(addPeriods(paidUntil, subscription.period, 1).toISOString());
    expect(renewed).toMatchObject({ status: 'active', remindersSent: [], version: subscription.version + 1 });
    expect(renewed.autoRenewFailedOn).toBeUndefined();
    // 49.00 net + 23 % VAT: what a cancellation's refund would correct.
    // It paid the span from the old paid-until on.
    expect(renewed.lastInvoice).toEqual({
      accountId: customer.account.accountId,
      invoiceId,
      number: `FV/${invoiceId.slice(-4)}`,
      orderId,
      grossMinor: 6027,
      coversFrom: paidUntil,
    });
    const events = await listSubscriptionEvents(customer.account.accountId, subscription.subscriptionId, {});
    expect(events.items).toEqual([
      expect.objectContaining({
        kind: 'renewed',
        by: 'payment',
        paidUntil: { from: paidUntil, to: renewed.paidUntil },
        status: { from: 'overdue', to: 'active' },
        periods: 1,
        amount: money(4900, 'PLN'),
      }),
    ]);
  });

  it('revives a cancellation at the period’s end and applies a pending downgrade', async () => {
    const customer = await createCustomer([]);
    const subscription = await putTestSubscription(customer.account.accountId, {
      status: 'cancelled',
      cancelRequestedAt: new Date().toISOString(),
      pendingPlan: { sku: 'MH-STA-1M', plan: 'Starter', users: 1, price: money(1900, 'PLN') },
    });

    await fulfil(subscription, 2);

    const renewed = await getSubscription(customer.account.accountId, subscription.subscriptionId);
    expect(renewed).toMatchObject({ status: 'active', sku: 'MH-STA-1M', plan: 'Starter', price: money(1900, 'PLN') });
    expect(renewed.cancelRequestedAt).toBeUndefined();
    expect(renewed.pendingPlan).toBeUndefined();
    expect(renewed.paidUntil).toBe(addPeriods(subscription.paidUntil, subscription.period, 2).toISOString());
  });

  it('two orders paid at once extend by both their periods, each once', async () => {
    const customer = await createCustomer([]);
    const subscription = await putTestSubscription(customer.account.accountId);

    await Promise.all([fulfil(subscription, 1), fulfil(subscription, 2)]);

    const renewed = await getSubscription(customer.account.accountId, subscription.subscriptionId);
    expect(renewed.paidUntil).toBe(addPeriods(subscription.paidUntil, subscription.period, 3).toISOString());
    expect(renewed.version).toBe(subscription.version + 2);
    const events = await listSubscriptionEvents(customer.account.accountId, subscription.subscriptionId, {});
    expect(events.items.map((event) => event.periods).sort()).toEqual([1, 2]);
  });

  it('a renewed support subscription gets a new support term from its old end and moves the licence’s support end', async () => {
    const customer = await createCustomer([]);
    const accountId = customer.account.accountId;
    const purchasedAt = addDays(new Date(), -360);
    const purchase = licencePurchase({
      accountId,
      licenceId: newId(purchasedAt),
      subscriptionId: newId(purchasedAt),
      orderId: newId(purchasedAt),
      orderReference: 'T-SUPPORT-1',
      purchasedAt,
      product: 'Remote Access',
      edition: 'Enterprise',
      users: 5,
      serial: 'RA-SERIAL-77',
      supportYears: 1,
      renewal: { productId: 'remote-access', sku: 'RA-ENT-5-S1Y', yearlyPrice: money(20_000, 'PLN') },
    });
    await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: purchase.items.map((Item) => ({ PutRequest: { Item } })) } }));
    const subscription = purchase.renewable!;

    const { orderId } = await fulfil(subscription, 2);

    const newEnd = addPeriods(subscription.paidUntil, subscription.period, 2).toISOString();
    expect((await getSubscription(accountId, subscription.subscriptionId)).paidUntil).toBe(newEnd);
    expect((await readLicence(accountId, purchase.licence.licenceId))?.supportEndsAt).toBe(newEnd);
    const terms = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': accountPartition(accountId), ':sk': SK_PREFIX.supportSubscription },
        ConsistentRead: true,
      }),
    );
    const stored = (terms.Items ?? []).map(supportSubscriptionFromItem);
    expect(stored).toHaveLength(2);
    expect(stored.find((term) => term.orderId === orderId)).toMatchObject({
      licenceId: purchase.licence.licenceId,
      serial: 'RA-SERIAL-77',
      startsAt: subscription.paidUntil,
      endsAt: newEnd,
      years: 2,
    });
  });
});

describe('the renewal’s price (GET /api/subscriptions/{id}/renewal)', () => {
  it('answers the net line, its gross at the buyer’s VAT, paid-until afterwards and the balance; 400 beyond 10 periods; 404 for another’s', async () => {
    const [customer, stranger] = await Promise.all([customerWithCart([]), customerWithCart([])]);
    const subscription = await putTestSubscription(customer.account.accountId);
    const [token, strangerToken] = await Promise.all([signIn(api, 'customer', customer.login), signIn(api, 'customer', stranger.login)]);
    const path = `/api/subscriptions/${subscription.subscriptionId}/renewal`;

    const answer = await call(api, 'GET', `${path}?periods=3`, { token });

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      periods: 3,
      subscription: { subscriptionId: subscription.subscriptionId, paidUntil: subscription.paidUntil },
      // 3 × 49.00 net; 23 % VAT of 147.00 = 33.81.
      line: { quantity: 3, unitPrice: money(4900, 'PLN'), subtotal: money(14_700, 'PLN'), gross: money(18_081, 'PLN') },
      paidUntilAfter: addPeriods(subscription.paidUntil, subscription.period, 3).toISOString(),
      balance: money(0, 'PLN'),
    });
    expect((await call(api, 'GET', `${path}?periods=11`, { token })).status).toBe(400);
    expect((await call(api, 'GET', path, { token: strangerToken })).status).toBe(404);
  });
});

const renewBody = (payWith: 'cart' | 'balance', periods = 1) => ({ periods, payWith, idempotencyKey: randomUUID() });

/** A Polish customer (buying in PLN) with a monthly service, this much on the balance, signed in. */
async function renewingCustomer(balanceMinor = 100_000) {
  const customer = await customerWithCart([]);
  const accountId = customer.account.accountId;
  const subscription = await putTestSubscription(accountId);
  await giveBalance(accountId, balanceMinor);
  const token = await signIn(api, 'customer', customer.login);
  return { customer, accountId, subscription, token, path: `/api/subscriptions/${subscription.subscriptionId}/renew` };
}

describe('renewing (POST /api/subscriptions/{id}/renew)', () => {
  it('into the cart: the RENEW line with the periods as its quantity; from the balance: paid once per key, paid-until moved', async () => {
    const { accountId, subscription, token, path } = await renewingCustomer();

    const carted = await call(api, 'POST', path, { token, body: renewBody('cart', 2) });
    expect(carted.status).toBe(200);
    expect(carted.body.cart.lines).toEqual([expect.objectContaining({ sku: 'MH-BUS-1M', quantity: 2 })]);

    const body = renewBody('balance', 1);
    const paid = await call(api, 'POST', path, { token, body });
    expect(paid.status).toBe(201);
    const newEnd = addPeriods(subscription.paidUntil, subscription.period, 1).toISOString();
    expect(paid.body).toMatchObject({
      payWith: 'balance',
      order: { status: 'fulfilled', total: money(6027, 'PLN') },
      subscription: { paidUntil: newEnd, status: 'active' },
    });
    const again = await call(api, 'POST', path, { token, body });
    expect(again.status).toBe(200);
    expect(again.body.order.orderId).toBe(paid.body.order.orderId);
    expect((await getSubscription(accountId, subscription.subscriptionId)).paidUntil).toBe(newEnd);
    expect((await readBalances(accountId)).balances.find((entry) => entry.currency === 'PLN')?.amountMinor).toBe(100_000 - 6027);
  });

  it('a Polish buyer’s proforma and VAT invoice print the renewal in Polish (plural by the count)', async () => {
    const { accountId, customer, token } = await renewingCustomer();
    await updatePerson(customer.userId, { locale: 'pl' });
    const subscription = await putTestSubscription(accountId, { period: { unit: 'year', count: 2 } });

    const paid = await call(api, 'POST', `/api/subscriptions/${subscription.subscriptionId}/renew`, { token, body: renewBody('balance') });

    expect(paid.status).toBe(201);
    const order = await getOrder(accountId, paid.body.order.orderId);
    const invoices = await Promise.all(
      [order.shop!.proforma!, order.shop!.invoice!].map((each) => getInvoice(accountId, each.invoiceId, true)),
    );
    for (const invoice of invoices) {
      expect(invoice?.lines.map((line) => line.description)).toEqual(['Managed Hosting Business, odnowienie 2 lata (203.0.113.10)']);
    }
    // The order keeps the facts, so a reader in another language gets its own words.
    expect(order.lines[0]).toMatchObject({ text: { kind: 'renewal', plan: 'Business', period: { unit: 'year', count: 2 } } });
    const mail = await awaitMailTo(
      inject('mailUrl'),
      customer.login.email,
      new RegExp(`zamówienie ${order.reference} zostało zrealizowane`),
    );
    expect(mail.body.text).toContain('- Managed Hosting Business, odnowienie 2 lata (203.0.113.10)');
  });

  it('409 INSUFFICIENT_BALANCE when the balance does not cover the gross, and nothing changes', async () => {
    const { accountId, subscription, token, path } = await renewingCustomer(6026);

    const refused = await call(api, 'POST', path, { token, body: renewBody('balance') });

    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('INSUFFICIENT_BALANCE');
    expect(await getSubscription(accountId, subscription.subscriptionId)).toMatchObject({
      paidUntil: subscription.paidUntil,
      version: subscription.version,
    });
  });

  it('two renewals paid from the balance at once extend by two periods, each once', async () => {
    const { accountId, subscription, token, path } = await renewingCustomer();

    const answers = await Promise.all([1, 2].map(() => call(api, 'POST', path, { token, body: renewBody('balance') })));

    expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
    expect(new Set(answers.map((answer) => answer.body.order.orderId)).size).toBe(2);
    const renewed = await getSubscription(accountId, subscription.subscriptionId);
    expect(renewed.paidUntil).toBe(addPeriods(subscription.paidUntil, subscription.period, 2).toISOString());
    const events = await listSubscriptionEvents(accountId, subscription.subscriptionId, {});
    expect(events.items.filter((event) => event.kind === 'renewed')).toHaveLength(2);
  });

  it('the same order’s payment applied 10 times at once extends once', async () => {
    const customer = await customerWithCart([]);
    const accountId = customer.account.accountId;
    const subscription = await putTestSubscription(accountId);
    await giveBalance(accountId, 100_000);
    const account = await buyer(accountId);
    // The order waits for its money (placed for a bank transfer); ten payments of it from the balance under one key race.
    const { order } = await placeDirectOrder({
      accountId,
      placedBy: { name: 'Test Person', email: customer.login.email, locale: 'en' },
      actions: [{ kind: 'renewal', subscriptionId: subscription.subscriptionId, periods: 1, licenseeAccountId: account.accountId }],
      idempotencyKey: randomUUID(),
      paymentMethod: 'bank-transfer',
    });
    const key = randomUUID();

    const payments = await Promise.all(
      Array.from({ length: 10 }, () =>
        applyOrderPayment({
          accountId,
          orderId: order.orderId,
          method: 'balance',
          amountMinor: order.total.amountMinor,
          currency: 'PLN',
          at: new Date(),
          idempotencyKey: key,
        }),
      ),
    );

    expect(payments.filter((payment) => payment.outcome === 'applied')).toHaveLength(1);
    const renewed = await getSubscription(accountId, subscription.subscriptionId);
    expect(renewed.paidUntil).toBe(addPeriods(subscription.paidUntil, subscription.period, 1).toISOString());
    expect(renewed.version).toBe(subscription.version + 1);
    expect(renewed.lastInvoice?.orderId).toBe(order.orderId);
    expect((await readBalances(accountId)).balances.find((entry) => entry.currency === 'PLN')?.amountMinor).toBe(
      100_000 - order.total.amountMinor,
    );
  });
});

describe('renew all due (POST /api/subscriptions/renew-due)', () => {
  it('puts each due, overdue or suspended subscription in the cart once, keeps one already there, and leaves the active one out', async () => {
    const customer = await customerWithCart([]);
    const accountId = customer.account.accountId;
    const [due, overdue, suspended, active, chosen] = await Promise.all([
      putTestSubscription(accountId, { status: 'due' }),
      putTestSubscription(accountId, { status: 'overdue', paidUntil: addDays(new Date(), -2).toISOString() }),
      putTestSubscription(accountId, { status: 'suspended', paidUntil: addDays(new Date(), -20).toISOString() }),
      putTestSubscription(accountId),
      putTestSubscription(accountId, { status: 'due' }),
    ]);
    const token = await signIn(api, 'customer', customer.login);
    // The customer already chose 3 periods of one of them.
    expect(
      (await call(api, 'POST', `/api/subscriptions/${chosen.subscriptionId}/renew`, { token, body: renewBody('cart', 3) })).status,
    ).toBe(200);

    const first = await call(api, 'POST', '/api/subscriptions/renew-due', { token, body: {} });
    const second = await call(api, 'POST', '/api/subscriptions/renew-due', { token, body: {} });

    expect(first.status).toBe(200);
    expect(first.body.added).toBe(3);
    expect(second.body.added).toBe(0);
    const byKey = new Map(
      (second.body.cart.lines as Array<{ key?: string; quantity: number; action?: { subscriptionId: string } }>).map((line) => [
        line.action?.subscriptionId,
        line.quantity,
      ]),
    );
    expect(Object.fromEntries(byKey)).toEqual({
      [due.subscriptionId]: 1,
      [overdue.subscriptionId]: 1,
      [suspended.subscriptionId]: 1,
      [chosen.subscriptionId]: 3,
    });
    expect(byKey.has(active.subscriptionId)).toBe(false);
  });
});

describe('who may order a renewal', () => {
  it('a distributor’s client gets 403 ORDERED_BY_DISTRIBUTOR; its distributor may renew for it; another account gets 404', async () => {
    const [distributor, client, stranger] = await Promise.all([createCustomer([]), createCustomer([]), createCustomer([])]);
    const mark = await call(api, 'PUT', `/api/admin/customers/${distributor.account.accountId}/distributor`, {
      token: adminToken,
      body: { distributor: true },
    });
    expect(mark.status).toBe(200);
    const assign = await call(api, 'POST', `/api/admin/customers/${distributor.account.accountId}/clients`, {
      token: adminToken,
      body: { clientId: client.account.accountId, reason: 'Reseller contract' },
    });
    expect(assign.status).toBe(200);
    const subscription = await putTestSubscription(client.account.accountId);
    const action = {
      kind: 'renewal' as const,
      subscriptionId: subscription.subscriptionId,
      periods: 1,
      licenseeAccountId: client.account.accountId,
    };

    await expect(
      quoteAction({ buyer: await buyer(client.account.accountId), currency: 'PLN', at: new Date() }, action),
    ).rejects.toMatchObject({ statusCode: 403, code: 'ORDERED_BY_DISTRIBUTOR' });
    expect(
      await quoteAction({ buyer: await buyer(distributor.account.accountId), currency: 'PLN', at: new Date() }, action),
    ).toHaveProperty('line');
    await expect(
      quoteAction({ buyer: await buyer(stranger.account.accountId), currency: 'PLN', at: new Date() }, action),
    ).rejects.toMatchObject({ statusCode: 404 });

    // Through the API: the client's own page gets the refusal with its code; the distributor names its client.
    const [clientToken, distributorToken] = await Promise.all([
      signIn(api, 'customer', client.login),
      signIn(api, 'customer', distributor.login),
    ]);
    const path = `/api/subscriptions/${subscription.subscriptionId}/renewal`;
    const refused = await call(api, 'GET', path, { token: clientToken });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ORDERED_BY_DISTRIBUTOR');
    expect((await call(api, 'GET', `${path}?clientId=${client.account.accountId}`, { token: distributorToken })).status).toBe(200);
    expect((await call(api, 'GET', path, { token: distributorToken })).status).toBe(404);
    const renew = `/api/subscriptions/${subscription.subscriptionId}/renew`;
    for (const payWith of ['cart', 'balance'] as const) {
      const answer = await call(api, 'POST', renew, { token: clientToken, body: renewBody(payWith) });
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('ORDERED_BY_DISTRIBUTOR');
    }
    const due = await call(api, 'POST', '/api/subscriptions/renew-due', { token: clientToken, body: {} });
    expect(due.status).toBe(403);
    expect(due.body.error.code).toBe('ORDERED_BY_DISTRIBUTOR');
  });
});
