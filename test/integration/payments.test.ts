// Money arriving for shop orders, against DynamoDB Local and the local mail server: staff record bank payments (in full,
// in parts, too much, twice, ten times at once), customers pay from the balance (fifty orders at once never overdraw),
// fulfilment issues the licences, the VAT invoice and the activation files, and the expiry job closes unpaid orders once.

import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { handler as expiryJob } from '#functions/payments/expire-orders.ts';
import { getInvoice } from '#shared/billing/invoice.ts';
import { balanceChange } from '#shared/billing/ledger.ts';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { orderFromItem, type StoredOrder } from '#shared/orders/model.ts';
import { call, createCustomer, createStaff, signIn, type TestApi, startTestApi } from '../support/api.ts';
import { putAwaitingOrder } from '../support/shop-orders.ts';

let api: TestApi;
let billing: string;
beforeAll(async () => {
  api = await startTestApi();
  billing = await signIn(api, 'staff', await createStaff(['billing']));
});
afterAll(() => api.stop());

const context = { functionName: 'test', awsRequestId: 'r-1', getRemainingTimeInMillis: () => 60_000 } as unknown as Context;

async function customer() {
  const created = await createCustomer([]);
  return { ...created, accountId: created.account.accountId, email: created.login.email };
}

async function readOrder(accountId: string, orderId: string): Promise<StoredOrder> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: keys.order(accountId, orderId), ConsistentRead: true }));
  return orderFromItem(found.Item!);
}

async function ledger(accountId: string, currency = 'EUR') {
  const found = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': `ACCOUNT#${accountId}`, ':prefix': `LEDGER#${currency}#` },
      ConsistentRead: true,
    }),
  );
  return (found.Items ?? []) as Array<{ amountMinor: number; kind: string }>;
}

async function balance(accountId: string, currency = 'EUR'): Promise<number> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: keys.account(accountId), ConsistentRead: true }));
  return (found.Item?.[`balance${currency}`] as number | undefined) ?? 0;
}

async function credit(accountId: string, amountMinor: number): Promise<void> {
  const change = balanceChange({
    accountId,
    currency: 'EUR',
    amountMinor,
    kind: 'adjustment',
    source: { kind: 'adjustment', id: 'test' },
    at: new Date(),
  });
  await db().send(new TransactWriteCommand({ TransactItems: change.items }));
}

interface StoredMailWithFiles {
  destination: { to: string[] };
  subject: string;
  body: { text?: string };
  attachments?: Array<{ filename: string; contentType: string; content: string }>;
}

async function mailsTo(email: string): Promise<StoredMailWithFiles[]> {
  const response = await fetch(`${inject('mailUrl')}/store`);
  const { emails } = (await response.json()) as { emails: StoredMailWithFiles[] };
  return emails.filter((mail) => mail.destination.to.includes(email));
}

const bankReference = () => `BANK-${randomUUID()}`;

function record(body: Record<string, unknown>) {
  return call(api, 'POST', '/api/admin/payments', { token: billing, body });
}

describe('staff record a bank payment', () => {
  it('paid in full fulfils the order: licences, a numbered VAT invoice, the proforma paid, the mail with .lic files', async () => {
    // Prepare
    const buyer = await customer();
    const order = await putAwaitingOrder({ accountId: buyer.accountId, email: buyer.email, lines: [{ sku: 'RA-ENT-5-S1Y', quantity: 2 }] });
    // Act
    const response = await record({
      reference: order.reference.toLowerCase(),
      amountMinor: order.total.amountMinor,
      currency: 'EUR',
      receivedOn: '2026-11-30',
      bankReference: bankReference(),
    });
    // Assess
    expect(response.status).toBe(201);
    expect(response.body.outcome).toBe('applied');
    expect(response.body.order).toMatchObject({ status: 'fulfilled', paidMinor: order.total.amountMinor, dueMinor: 0, licences: 2 });
    const stored = await readOrder(buyer.accountId, order.orderId);
    expect(stored.shop).toMatchObject({ status: 'fulfilled', paidMinor: order.total.amountMinor, version: 2 });
    expect(stored.issued).toHaveLength(2);
    expect(stored.shop?.invoice?.number).toMatch(/^FV\/\d{4}\/\d{6}$/);
    const vat = await getInvoice(buyer.accountId, stored.shop!.invoice!.invoiceId, true);
    expect(vat).toMatchObject({ kind: 'vat', totals: { grossMinor: order.total.amountMinor }, order: { orderId: order.orderId } });
    expect(vat?.paidAt).toBeDefined();
    expect((await getInvoice(buyer.accountId, order.shop!.proforma!.invoiceId, true))?.paidAt).toBe(vat?.paidAt);
    // The licences are the customer's now, with their year of support.
    const token = await signIn(api, 'customer', buyer.login);
    const licences = await call(api, 'GET', '/api/licences', { token });
    expect(licences.body.items.map((licence: { serial: string }) => licence.serial).sort()).toEqual(
      stored.issued.map((each) => each.serial).sort(),
    );
    const mail = (await mailsTo(buyer.email)).find((each) => each.subject.includes(order.reference));
    expect(mail?.subject).toContain('fulfilled');
    expect(mail?.body.text).toContain(stored.shop!.invoice!.number);
    expect(mail?.attachments?.map((file) => file.filename).sort()).toEqual(
      stored.issued.map((each) => `Remote Access-${each.serial}.lic`).sort(),
    );
    const file = Buffer.from(mail!.attachments![0]!.content, 'base64').toString('utf8');
    expect(file).toContain(stored.issued.find((each) => mail!.attachments![0]!.filename.includes(each.serial))!.serial);
  });

  it('a part leaves the order awaiting and partly paid; the rest fulfils it', async () => {
    const buyer = await customer();
    const order = await putAwaitingOrder({ accountId: buyer.accountId, email: buyer.email });
    const part = Math.floor(order.total.amountMinor / 3);

    const first = await record({
      reference: order.reference,
      amountMinor: part,
      currency: 'EUR',
      receivedOn: '2026-11-29',
      bankReference: bankReference(),
    });
    expect(first.status).toBe(201);
    expect(first.body.order).toMatchObject({
      status: 'awaiting-payment',
      paidMinor: part,
      dueMinor: order.total.amountMinor - part,
      licences: 0,
    });
    const waiting = await readOrder(buyer.accountId, order.orderId);
    expect(waiting.issued).toEqual([]);
    expect(waiting.shop?.invoice).toBeUndefined();
    expect((await mailsTo(buyer.email)).at(-1)?.body.text).toContain('Still to pay');

    const rest = await record({
      reference: order.reference,
      amountMinor: order.total.amountMinor - part,
      currency: 'EUR',
      receivedOn: '2026-11-30',
      bankReference: bankReference(),
    });
    expect(rest.body.order).toMatchObject({ status: 'fulfilled', paidMinor: order.total.amountMinor, dueMinor: 0, licences: 1 });
    const payments = await call(api, 'GET', `/api/admin/orders/${buyer.accountId}/${order.orderId}/payments`, { token: billing });
    expect(payments.body.payments.map((payment: { amountMinor: number }) => payment.amountMinor)).toEqual([
      part,
      order.total.amountMinor - part,
    ]);
    expect(await ledger(buyer.accountId)).toEqual([]);
  });

  it('credits an overpayment’s excess to the balance in the same transaction', async () => {
    const buyer = await customer();
    const order = await putAwaitingOrder({ accountId: buyer.accountId, email: buyer.email });

    const response = await record({
      reference: order.reference,
      amountMinor: order.total.amountMinor + 1_234,
      currency: 'EUR',
      receivedOn: '2026-11-30',
      bankReference: bankReference(),
    });

    expect(response.body.payment).toMatchObject({ appliedMinor: order.total.amountMinor, creditedMinor: 1_234 });
    expect(response.body.order.status).toBe('fulfilled');
    expect(await balance(buyer.accountId)).toBe(1_234);
    expect(await ledger(buyer.accountId)).toEqual([expect.objectContaining({ amountMinor: 1_234, kind: 'overpayment' })]);
  });

  it('refuses the same bank reference twice, however it is typed (409 PAYMENT_ALREADY_RECORDED)', async () => {
    const buyer = await customer();
    const order = await putAwaitingOrder({ accountId: buyer.accountId, email: buyer.email });
    const reference = bankReference();
    const body = { reference: order.reference, amountMinor: 100, currency: 'EUR', receivedOn: '2026-11-30' };

    expect((await record({ ...body, bankReference: reference })).status).toBe(201);
    const again = await record({ ...body, bankReference: ` ${reference.toLowerCase()} ` });

    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('PAYMENT_ALREADY_RECORDED');
    expect((await readOrder(buyer.accountId, order.orderId)).shop?.paidMinor).toBe(100);
  });

  it('applies the same payment recorded 10 times in parallel once', async () => {
    const buyer = await customer();
    const order = await putAwaitingOrder({ accountId: buyer.accountId, email: buyer.email });
    const body = {
      reference: order.reference,
      amountMinor: order.total.amountMinor,
      currency: 'EUR',
      receivedOn: '2026-11-30',
      bankReference: bankReference(),
    };

    const responses = await Promise.all(Array.from({ length: 10 }, () => record(body)));

    expect(responses.map((response) => response.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    const stored = await readOrder(buyer.accountId, order.orderId);
    expect(stored.shop).toMatchObject({ status: 'fulfilled', paidMinor: order.total.amountMinor, version: 2 });
    expect(stored.issued).toHaveLength(1);
    const payments = await call(api, 'GET', `/api/admin/orders/${buyer.accountId}/${order.orderId}/payments`, { token: billing });
    expect(payments.body.payments).toHaveLength(1);
  });

  it('credits a payment for an order that can no longer be paid to the balance, recorded and audited', async () => {
    const buyer = await customer();
    const order = await putAwaitingOrder({ accountId: buyer.accountId, email: buyer.email, expiresAt: new Date(Date.now() - 60_000) });
    await expiryJob({}, context);

    const response = await record({
      reference: order.reference,
      amountMinor: 5_000,
      currency: 'EUR',
      receivedOn: '2026-11-30',
      bankReference: bankReference(),
    });

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ outcome: 'credited-to-balance', payment: { appliedMinor: 0, creditedMinor: 5_000 } });
    expect(response.body.order.status).toBe('expired');
    expect(await balance(buyer.accountId)).toBe(5_000);
    const audit = await call(
      api,
      'GET',
      `/api/admin/audit?action=payment.record&targetKind=payment&targetId=${response.body.payment.paymentId}`,
      {
        token: await signIn(api, 'staff', await createStaff(['admin'])),
      },
    );
    expect(audit.status).toBe(200);
    expect(audit.body.items).toHaveLength(1);
  });

  it('credits a top-up order’s whole amount to the balance, with no VAT invoice', async () => {
    const buyer = await customer();
    const order = await putAwaitingOrder({ accountId: buyer.accountId, email: buyer.email, topUpMinor: 20_000 });

    const response = await record({
      reference: order.reference,
      amountMinor: 20_000,
      currency: 'EUR',
      receivedOn: '2026-11-30',
      bankReference: bankReference(),
    });

    expect(response.body.order).toMatchObject({ status: 'fulfilled', purpose: 'top-up', licences: 0 });
    expect(response.body.order.invoice).toBeUndefined();
    expect(await balance(buyer.accountId)).toBe(20_000);
    expect(await ledger(buyer.accountId)).toEqual([expect.objectContaining({ amountMinor: 20_000, kind: 'top-up' })]);
  });

  it('answers an unknown reference with 404 ORDER_REFERENCE_UNKNOWN and a wrong currency with 400', async () => {
    const buyer = await customer();
    const order = await putAwaitingOrder({ accountId: buyer.accountId, email: buyer.email });

    const unknown = await record({
      reference: 'NOPE0000',
      amountMinor: 100,
      currency: 'EUR',
      receivedOn: '2026-11-30',
      bankReference: bankReference(),
    });
    const currency = await record({
      reference: order.reference,
      amountMinor: 100,
      currency: 'PLN',
      receivedOn: '2026-11-30',
      bankReference: bankReference(),
    });
    const lookup = await call(api, 'GET', `/api/admin/payments/order?reference=${order.reference}`, { token: billing });

    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'ORDER_REFERENCE_UNKNOWN']);
    expect([currency.status, currency.body.error.code]).toEqual([400, 'CURRENCY_MISMATCH']);
    expect(lookup.body).toMatchObject({ orderId: order.orderId, status: 'awaiting-payment', dueMinor: order.total.amountMinor });
  });
});

describe('the customer pays from the balance', () => {
  it('pays 50 orders of one account at once without ever overdrawing; the ledger sums to the balance', { timeout: 180_000 }, async () => {
    // Prepare: 50 orders of one price (written five at a time: the setup is not what is measured), and a balance that
    // covers about two thirds of what is asked: 10 orders paid in full (each fulfilled: a VAT invoice number each) and
    // 40 paid by half.
    const buyer = await customer();
    const orders: StoredOrder[] = [];
    for (let batch = 0; batch < 10; batch += 1) {
      orders.push(
        ...(await Promise.all(
          Array.from({ length: 5 }, () =>
            putAwaitingOrder({ accountId: buyer.accountId, email: buyer.email, lines: [{ sku: 'RA-DSK-3', quantity: 1 }] }),
          ),
        )),
      );
    }
    const price = orders[0]!.total.amountMinor;
    const half = Math.floor(price / 2);
    const asked = orders.map((_, index) => (index < 10 ? price : half));
    const initial = Math.floor((asked.reduce((total, amount) => total + amount, 0) * 2) / 3);
    await credit(buyer.accountId, initial);
    const token = await signIn(api, 'customer', buyer.login);
    // Act
    const started = Date.now();
    const responses = await Promise.all(
      orders.map((order, index) =>
        call(api, 'POST', `/api/orders/${order.orderId}/pay-from-balance`, {
          token,
          body: { amountMinor: asked[index], idempotencyKey: `parallel-${index}-${buyer.userId}` },
        }),
      ),
    );
    console.info(`50 parallel payments from the balance: ${Date.now() - started} ms`);
    // Assess
    const paid = responses.flatMap((response, index) => (response.status === 201 ? [asked[index]!] : []));
    const refused = responses.flatMap((response, index) => (response.status === 201 ? [] : [{ response, amount: asked[index]! }]));
    expect(refused.map(({ response }) => `${response.status} ${response.body.error.code}`)).toEqual(
      Array(refused.length).fill('409 INSUFFICIENT_BALANCE'),
    );
    const left = await balance(buyer.accountId);
    expect(left).toBe(initial - paid.reduce((total, amount) => total + amount, 0));
    expect(left).toBeGreaterThanOrEqual(0);
    // Every refusal was right: the balance only falls, so it never covered a refused payment.
    for (const { amount } of refused) expect(amount).toBeGreaterThan(left);
    const entries = await ledger(buyer.accountId);
    expect(entries.reduce((total, entry) => total + entry.amountMinor, 0)).toBe(left);
    expect(entries.filter((entry) => entry.kind === 'payment')).toHaveLength(paid.length);
    // Each order paid in full has its own VAT invoice number.
    const fulfilled = responses.filter((response) => response.status === 201 && response.body.order.status === 'fulfilled');
    expect(new Set(fulfilled.map((response) => response.body.order.invoice.number)).size).toBe(fulfilled.length);
    expect(paid.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
  });

  it('pays part, then the rest; the same key again pays nothing more', async () => {
    const buyer = await customer();
    const order = await putAwaitingOrder({ accountId: buyer.accountId, email: buyer.email });
    await credit(buyer.accountId, order.total.amountMinor);
    const token = await signIn(api, 'customer', buyer.login);
    const pay = (amountMinor: number, idempotencyKey: string) =>
      call(api, 'POST', `/api/orders/${order.orderId}/pay-from-balance`, { token, body: { amountMinor, idempotencyKey } });

    const part = await pay(1_000, 'part-payment-key-0001');
    const retry = await pay(1_000, 'part-payment-key-0001');
    const before = await call(api, 'GET', `/api/orders/${order.orderId}/payments`, { token });
    const rest = await pay(order.total.amountMinor - 1_000, 'rest-payment-key-0002');
    const tooMuch = await pay(1, 'late-payment-key-0003');

    expect(part.status).toBe(201);
    expect([retry.status, retry.body.outcome, retry.body.payment.paymentId]).toEqual([200, 'replayed', part.body.payment.paymentId]);
    expect(before.body).toMatchObject({
      order: { paidMinor: 1_000, status: 'awaiting-payment' },
      balanceMinor: order.total.amountMinor - 1_000,
    });
    expect(rest.body.order).toMatchObject({ status: 'fulfilled', dueMinor: 0, licences: 1 });
    expect([tooMuch.status, tooMuch.body.error.code]).toEqual([409, 'ORDER_NOT_PAYABLE']);
    expect(await balance(buyer.accountId)).toBe(0);
    expect((await readOrder(buyer.accountId, order.orderId)).shop).toMatchObject({ balanceUsedMinor: order.total.amountMinor });
  });

  it('refuses more than is due (400 AMOUNT_EXCEEDS_DUE)', async () => {
    const buyer = await customer();
    const order = await putAwaitingOrder({ accountId: buyer.accountId, email: buyer.email });
    await credit(buyer.accountId, order.total.amountMinor * 2);
    const token = await signIn(api, 'customer', buyer.login);

    const response = await call(api, 'POST', `/api/orders/${order.orderId}/pay-from-balance`, {
      token,
      body: { amountMinor: order.total.amountMinor + 1, idempotencyKey: 'too-much-key-000001' },
    });

    expect([response.status, response.body.error.code]).toEqual([400, 'AMOUNT_EXCEEDS_DUE']);
    expect(await balance(buyer.accountId)).toBe(order.total.amountMinor * 2);
  });

  it('answers another account’s order with 404 and takes nothing', async () => {
    const victim = await customer();
    const attacker = await customer();
    const order = await putAwaitingOrder({ accountId: victim.accountId, email: victim.email });
    await credit(attacker.accountId, order.total.amountMinor);
    const token = await signIn(api, 'customer', attacker.login);

    const pay = await call(api, 'POST', `/api/orders/${order.orderId}/pay-from-balance`, {
      token,
      body: { amountMinor: order.total.amountMinor, idempotencyKey: 'foreign-order-key-01' },
    });
    const read = await call(api, 'GET', `/api/orders/${order.orderId}/payments`, { token });

    expect([pay.status, read.status]).toEqual([404, 404]);
    expect(await balance(attacker.accountId)).toBe(order.total.amountMinor);
    expect((await readOrder(victim.accountId, order.orderId)).shop?.paidMinor).toBe(0);
  });
});

/** Two orders of the buyer past their expiry: one unpaid, one partly paid (1.00 EUR by transfer). */
async function pastDueOrders(buyer: { accountId: string; email: string }) {
  const past = new Date(Date.now() - 60_000);
  const unpaid = await putAwaitingOrder({ accountId: buyer.accountId, email: buyer.email, expiresAt: past });
  const partly = await putAwaitingOrder({ accountId: buyer.accountId, email: buyer.email, expiresAt: past });
  await record({
    reference: partly.reference,
    amountMinor: 100,
    currency: 'EUR',
    receivedOn: '2026-11-30',
    bankReference: bankReference(),
  });
  return { unpaid, partly };
}

/** The invoices page as the customer reads it: each invoice's number and status. */
async function invoiceStatuses(token: string, query = ''): Promise<Record<string, string>> {
  const listed = await call(api, 'GET', `/api/invoices${query}`, { token });
  expect(listed.status).toBe(200);
  return Object.fromEntries((listed.body.items as Array<{ number: string; status: string }>).map((row) => [row.number, row.status]));
}

describe('the expiry job', () => {
  it('expires an unpaid order past its date once however often it runs; partly paid and future orders stay', async () => {
    const buyer = await customer();
    const { unpaid, partly } = await pastDueOrders(buyer);
    const future = await putAwaitingOrder({ accountId: buyer.accountId, email: buyer.email });

    await expiryJob({}, context);
    const afterFirst = await readOrder(buyer.accountId, unpaid.orderId);
    await expiryJob({}, context);
    const afterSecond = await readOrder(buyer.accountId, unpaid.orderId);

    expect(afterFirst.shop).toMatchObject({ status: 'expired', version: 2 });
    expect(afterSecond.shop).toEqual(afterFirst.shop);
    expect((await readOrder(buyer.accountId, partly.orderId)).shop).toMatchObject({ status: 'awaiting-payment', paidMinor: 100 });
    expect((await readOrder(buyer.accountId, future.orderId)).shop?.status).toBe('awaiting-payment');
    // Out of the awaiting index.
    const raw = await db().send(
      new GetCommand({ TableName: tableName(), Key: keys.order(buyer.accountId, unpaid.orderId), ConsistentRead: true }),
    );
    expect(raw.Item?.GSI2PK).toBeUndefined();
  });

  it('voids the proforma of an order it expires: void, not unpaid or overdue, for the customer and staff; out of the unpaid ones', async () => {
    const buyer = await customer();
    const expired = await putAwaitingOrder({ accountId: buyer.accountId, email: buyer.email, expiresAt: new Date(Date.now() - 60_000) });
    const waiting = await putAwaitingOrder({ accountId: buyer.accountId, email: buyer.email });
    const token = await signIn(api, 'customer', buyer.login);
    const statuses = (query = '') => invoiceStatuses(token, query);
    const proforma = expired.shop!.proforma!.number;
    // Past its due date and unpaid: overdue until the job runs.
    expect((await statuses())[proforma]).toBe('overdue');

    await expiryJob({}, context);

    expect(await statuses()).toEqual({ [proforma]: 'void', [waiting.shop!.proforma!.number]: 'unpaid' });
    expect(Object.keys(await statuses('?status=unpaid'))).toEqual([waiting.shop!.proforma!.number]);
    const staffView = await call(api, 'GET', `/api/admin/invoices?number=${encodeURIComponent(proforma)}`, { token: billing });
    expect(staffView.body.items).toMatchObject([{ number: proforma, status: 'void', accountId: buyer.accountId }]);
    const home = await call(api, 'GET', '/api/me/home?locale=en', { token });
    expect(home.body.tiles.unpaidInvoices).toMatchObject({ count: 1 });
  });
});

describe('proformas of orders that expired before the expiry job voided them', () => {
  it('read void because their order expired; a partly paid order past its date keeps its proforma overdue', async () => {
    const buyer = await customer();
    const { unpaid: expiredBefore, partly } = await pastDueOrders(buyer);
    // What the expiry job wrote before it voided proformas: the order expired, its proforma left as it was.
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.order(buyer.accountId, expiredBefore.orderId),
        UpdateExpression: 'SET #shop.#status = :expired REMOVE GSI2PK, GSI2SK',
        ExpressionAttributeNames: { '#shop': 'shop', '#status': 'status' },
        ExpressionAttributeValues: { ':expired': 'expired' },
      }),
    );
    const stored = await getInvoice(buyer.accountId, expiredBefore.shop!.proforma!.invoiceId, true);
    expect(stored?.voidedAt).toBeUndefined();
    const token = await signIn(api, 'customer', buyer.login);
    const statuses = (query = '') => invoiceStatuses(token, query);
    const [voided, overdue] = [expiredBefore.shop!.proforma!.number, partly.shop!.proforma!.number];

    expect(await statuses()).toEqual({ [voided]: 'void', [overdue]: 'overdue' });
    expect(await statuses('?status=unpaid')).toEqual({ [overdue]: 'overdue' });
    const staffView = await call(api, 'GET', `/api/admin/invoices?number=${encodeURIComponent(voided)}`, { token: billing });
    expect(staffView.body.items).toMatchObject([{ number: voided, status: 'void' }]);
    const home = await call(api, 'GET', '/api/me/home?locale=en', { token });
    const stillDue = await getInvoice(buyer.accountId, partly.shop!.proforma!.invoiceId);
    expect(home.body.tiles.unpaidInvoices).toEqual({
      count: 1,
      more: false,
      due: [{ amountMinor: stillDue!.totals.grossMinor, currency: stillDue!.currency }],
    });
  });
});
