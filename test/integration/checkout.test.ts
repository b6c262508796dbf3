// Checkout through the local API Gateway: the cart becomes a prepayment order with its proforma and the cart is emptied
// in one transaction; the page's key makes a double click or 20 parallel submits one order; a reused key, a changed
// price, a changed cart, an empty cart and an unverified company are refused; a failed transaction leaves nothing and
// uses no invoice number; the tax rules' worked examples; the order mail with the bank-transfer data.

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { GetCommand, QueryCommand, TransactWriteCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { accountPartition, keys, SK_PREFIX } from '#shared/db/keys.ts';
import type { CustomerCaller } from '#shared/accounts/caller.ts';
import { DEFAULT_BILLING } from '#shared/billing/settings.ts';
import { placeOrder } from '#shared/shop/checkout.ts';
import { call, signIn, startTestApi, type TestApi } from '../support/api.ts';
import { customerWithCart, putCart, type TestCartLine } from '../support/shopper.ts';
import { awaitMailTo } from '../support/mailbox.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

/** A customer whose account has `fields` (country, profile...) and a cart of `lines`, signed in. */
async function shopper(fields: Record<string, unknown> = {}, lines: TestCartLine[] = [['RA-DSK-3', 1]]) {
  const customer = await customerWithCart(lines, fields);
  const token = await signIn(api, 'customer', customer.login);
  return { customer, accountId: customer.account.accountId, token };
}

async function partition(accountId: string, prefix: string) {
  const result = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': accountPartition(accountId), ':prefix': prefix },
      ConsistentRead: true,
    }),
  );
  return result.Items ?? [];
}

async function getItem(key: Record<string, string>) {
  return (await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))).Item;
}

const review = (token: string) => call(api, 'GET', '/api/checkout', { token });
const checkout = (token: string, body: Record<string, unknown>) =>
  call(api, 'POST', '/api/checkout', { token, body: { idempotencyKey: randomUUID(), paymentMethod: 'bank-transfer', ...body } });

describe('POST /api/checkout', () => {
  it('places the order awaiting payment with its proforma, empties the cart and mails the bank-transfer data', async () => {
    // Prepare: PL company, domestic VAT 23 %: 18 000 + 3 x 17 900 = 71 700 net, VAT 4 140 + 12 351 = 16 491.
    const { customer, accountId, token } = await shopper({}, [
      ['RA-DSK-3', 1],
      ['2FA-25', 3],
    ]);
    const seen = await review(token);
    expect(seen.status).toBe(200);
    expect(seen.body.totals).toEqual({ netMinor: 71_700, vatMinor: 16_491, grossMinor: 88_191 });

    // Act
    const placed = await checkout(token, { acceptedTotalMinor: 88_191 });

    // Assess: the order, with its state and the transfer instructions.
    expect(placed.status).toBe(201);
    const order = placed.body.order;
    expect(order.total).toEqual({ amountMinor: 88_191, currency: 'EUR' });
    expect(order.lines.map((line: { sku: string; quantity: number }) => [line.sku, line.quantity])).toEqual([
      ['RA-DSK-3', 1],
      ['2FA-25', 3],
    ]);
    expect(order.shop).toMatchObject({
      status: 'awaiting-payment',
      purpose: 'purchase',
      paymentMethod: 'bank-transfer',
      tax: { treatment: 'domestic', rateBasisPoints: 2300, netMinor: 71_700, vatMinor: 16_491 },
      paidMinor: 0,
      amountDue: { amountMinor: 88_191, currency: 'EUR' },
      billing: { country: 'PL', address: { city: 'Poznań' } },
      instructions: {
        iban: DEFAULT_BILLING.bank.iban,
        swift: DEFAULT_BILLING.bank.swift,
        holder: DEFAULT_BILLING.bank.holder,
        amount: { amountMinor: 88_191, currency: 'EUR' },
        title: order.reference,
      },
    });
    const days = (Date.parse(order.shop.expiresAt) - Date.parse(order.orderedAt)) / 86_400_000;
    expect(days).toBe(DEFAULT_BILLING.orderExpiryDays);
    // The proforma, numbered in its series, billing the order; the order points at it.
    expect(order.shop.proforma.number).toMatch(/^PF\/\d{4}\/\d{6}$/);
    const [invoice] = await partition(accountId, SK_PREFIX.invoice);
    expect(invoice).toMatchObject({
      kind: 'proforma',
      number: order.shop.proforma.number,
      order: { orderId: order.orderId, reference: order.reference },
      totals: { netMinor: 71_700, vatMinor: 16_491, grossMinor: 88_191 },
      dueAt: order.shop.expiresAt,
    });
    expect(await getItem(keys.invoiceNumber(order.shop.proforma.number))).toMatchObject({ invoiceId: invoice!.invoiceId });
    // The reference is claimed, no licence issued yet, the cart is empty (and one version on).
    expect(await getItem(keys.orderReference(order.reference))).toMatchObject({ orderId: order.orderId, accountId });
    expect(await partition(accountId, SK_PREFIX.licence)).toEqual([]);
    expect(await getItem(keys.cart(accountId))).toMatchObject({ lines: [], version: 2 });
    // The customer's order page and list show it.
    const shown = await call(api, 'GET', `/api/orders/${order.orderId}`, { token });
    expect(shown.body.shop.instructions.title).toBe(order.reference);
    const listed = await call(api, 'GET', '/api/orders', { token });
    expect(listed.body.items[0]).toMatchObject({ orderId: order.orderId, status: 'awaiting-payment' });
    // The order mail: lines, totals and every detail of the transfer.
    const mail = await awaitMailTo(inject('mailUrl'), customer.login.email, new RegExp(order.reference));
    const text = mail.body.text ?? '';
    for (const expected of [
      DEFAULT_BILLING.bank.holder,
      DEFAULT_BILLING.bank.bankName,
      DEFAULT_BILLING.bank.iban,
      DEFAULT_BILLING.bank.swift,
      order.shop.proforma.number,
      `/orders/${order.orderId}`,
      'Two-Factor Authentication',
      '€881.91',
      '€164.91',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(new RegExp(`Transfer title: ${order.reference}`));
  });

  it('answers a double submit with the same key with the same order, once', async () => {
    const { accountId, token } = await shopper();
    const body = { idempotencyKey: randomUUID(), acceptedTotalMinor: 22_140 };

    const first = await checkout(token, body);
    const second = await checkout(token, body);

    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ replayed: true, order: { orderId: first.body.order.orderId } });
    expect(await partition(accountId, SK_PREFIX.order)).toHaveLength(1);
    expect(await partition(accountId, SK_PREFIX.invoice)).toHaveLength(1);
  });

  it('places one order for 20 parallel submits with one key', async () => {
    const { accountId, token } = await shopper();
    const body = { idempotencyKey: randomUUID(), acceptedTotalMinor: 22_140 };

    const answers = await Promise.all(Array.from({ length: 20 }, () => checkout(token, body)));

    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(19);
    expect(new Set(answers.map((answer) => answer.body.order.orderId)).size).toBe(1);
    expect(await partition(accountId, SK_PREFIX.order)).toHaveLength(1);
    expect(await partition(accountId, SK_PREFIX.invoice)).toHaveLength(1);
  });

  it('refuses a key reused for another cart (409 IDEMPOTENCY_KEY_REUSED)', async () => {
    const { accountId, token } = await shopper();
    const idempotencyKey = randomUUID();
    expect((await checkout(token, { idempotencyKey, acceptedTotalMinor: 22_140 })).status).toBe(201);
    await putCart(accountId, [['2FA-25', 1]], 2);

    const reused = await checkout(token, { idempotencyKey, acceptedTotalMinor: 22_017 });

    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await partition(accountId, SK_PREFIX.order)).toHaveLength(1);
  });

  it('asks again with the new lines when a price changed since the customer saw it (409 PRICES_CHANGED)', async () => {
    // The customer put RA-DSK-3 in the cart at 150.00 and saw 184.50 gross; today it costs 180.00 net.
    const { accountId, token } = await shopper({}, []);
    await putCart(accountId, [['RA-DSK-3', 1, 15_000]], 1);

    const refused = await checkout(token, { acceptedTotalMinor: 18_450 });

    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('PRICES_CHANGED');
    expect(refused.body.error.details).toMatchObject({
      totals: { grossMinor: 22_140 },
      lines: [{ sku: 'RA-DSK-3', unitNetMinor: 18_000, previousUnitNetMinor: 15_000 }],
    });
    expect(await partition(accountId, SK_PREFIX.order)).toEqual([]);
    // Accepting the new total places it.
    expect((await checkout(token, { acceptedTotalMinor: 22_140 })).status).toBe(201);
  });

  it('refuses a cart holding a product that can no longer be bought (400 CART_UNAVAILABLE)', async () => {
    const { accountId, token } = await shopper({}, []);
    await putCart(
      accountId,
      [
        ['RA-DSK-3', 1],
        ['GONE-1', 1, 1_000],
      ],
      1,
    );
    expect((await review(token)).body.unavailable).toEqual(['GONE-1']);

    const refused = await checkout(token, { acceptedTotalMinor: 22_140 });

    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'CART_UNAVAILABLE', details: { skus: ['GONE-1'] } });
    expect(await partition(accountId, SK_PREFIX.order)).toEqual([]);
  });

  it('refuses an empty cart (400 CART_EMPTY)', async () => {
    const { token } = await shopper({}, []);
    const refused = await checkout(token, { acceptedTotalMinor: 0 });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('CART_EMPTY');
  });

  it('refuses a cart too large for one fulfilment transaction (400 ORDER_TOO_LARGE)', async () => {
    // 40 units with support: 4 items each (licence, search entry, support term, renewable subscription) = 160 items.
    const { accountId, token } = await shopper({}, [['RA-ENT-10-S1Y', 40]]);
    const gross = (await review(token)).body.totals.grossMinor;
    const refused = await checkout(token, { acceptedTotalMinor: gross });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('ORDER_TOO_LARGE');
    expect(await partition(accountId, SK_PREFIX.order)).toEqual([]);
  });

  it('refuses a company whose data awaits verification (403 COMPANY_NOT_VERIFIED)', async () => {
    const { accountId, token } = await shopper({
      verification: {
        verificationId: randomUUID(),
        status: 'awaiting',
        submittedAt: '2026-11-01T10:00:00.000Z',
        submitted: { profileType: 'company', companyName: 'Kowalski sp. z o.o.', vatId: 'PL5260250995' },
      },
    });
    expect((await review(token)).body.mayPay).toBe(false);

    const refused = await checkout(token, { acceptedTotalMinor: 22_140 });

    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('COMPANY_NOT_VERIFIED');
    expect(await partition(accountId, SK_PREFIX.order)).toEqual([]);
  });
});

/** The owner as customerCaller resolves them, for calling the use case directly. */
function callerOf(customer: Awaited<ReturnType<typeof customerWithCart>>): CustomerCaller {
  return {
    userId: customer.userId,
    accountId: customer.account.accountId,
    email: customer.login.email,
    role: 'owner',
    person: { userId: customer.userId },
    memberships: [],
    sourceIp: '10.0.0.1',
  };
}

describe('a failure mid-checkout', () => {
  it('answers 409 CART_CHANGED when the cart changes between reading and writing, and writes nothing', async () => {
    // Prepare: another tab adds a line just before the checkout's transaction goes out.
    const { customer, accountId } = await shopper();
    const client = db();
    const send = client.send.bind(client);
    const spy = vi.spyOn(client, 'send').mockImplementation((async (command: unknown) => {
      if (command instanceof TransactWriteCommand) {
        spy.mockRestore();
        await putCart(
          accountId,
          [
            ['RA-DSK-3', 1],
            ['2FA-25', 1],
          ],
          1,
        );
      }
      return send(command as never);
    }) as typeof client.send);

    // Act
    const refused = placeOrder(callerOf(customer), {
      idempotencyKey: randomUUID(),
      paymentMethod: 'bank-transfer',
      acceptedTotalMinor: 22_140,
    });

    // Assess
    await expect(refused).rejects.toMatchObject({ statusCode: 409, code: 'CART_CHANGED' });
    spy.mockRestore();
    expect(await partition(accountId, SK_PREFIX.order)).toEqual([]);
    expect(await partition(accountId, SK_PREFIX.invoice)).toEqual([]);
    expect(await getItem(keys.cart(accountId))).toMatchObject({ version: 2 });
  });

  it('leaves no order, no reference claim, no proforma and no invoice number used', async () => {
    // Prepare: a wrapped client whose TransactWriteItems fails; every other call goes to DynamoDB Local.
    const { customer, accountId } = await shopper();
    const client = db();
    const send = client.send.bind(client);
    let attempted: Array<Record<string, { Item?: Record<string, unknown> }>> = [];
    const spy = vi.spyOn(client, 'send').mockImplementation(((command: unknown) => {
      if (command instanceof TransactWriteCommand) {
        attempted = command.input.TransactItems as typeof attempted;
        return Promise.reject(Object.assign(new Error('Internal server error'), { name: 'InternalServerError' }));
      }
      return send(command as never);
    }) as typeof client.send);
    const caller = callerOf(customer);
    const input = { idempotencyKey: randomUUID(), paymentMethod: 'bank-transfer' as const, acceptedTotalMinor: 22_140 };

    // Act
    try {
      await expect(placeOrder(caller, input)).rejects.toThrow('Internal server error');
    } finally {
      spy.mockRestore();
    }

    // Assess: what the failed transaction would have written does not exist.
    const written = attempted.map((item) => Object.values(item)[0]?.Item).filter(Boolean) as Array<Record<string, unknown>>;
    const proforma = written.find((item) => item.type === 'Invoice')!;
    const order = written.find((item) => item.type === 'Order')!;
    expect(proforma.number).toMatch(/^PF\//);
    expect(await partition(accountId, SK_PREFIX.order)).toEqual([]);
    expect(await partition(accountId, SK_PREFIX.invoice)).toEqual([]);
    expect(await getItem(keys.orderReference(String(order.reference)))).toBeUndefined();
    expect(await getItem(keys.invoiceNumber(String(proforma.number)))).toBeUndefined();
    expect(await getItem(keys.checkoutKey(accountId, input.idempotencyKey))).toBeUndefined();
    expect(await getItem(keys.cart(accountId))).toMatchObject({ version: 1 });
    // The number was not used: the next checkout takes it.
    const placed = await placeOrder(caller, input);
    expect(placed.order.shop?.proforma?.number).toBe(proforma.number);
  });
});

describe('tax rules (worked examples: 3 x 179.00 + 180.00 net)', () => {
  const lines: TestCartLine[] = [
    ['2FA-25', 3],
    ['RA-DSK-3', 1],
  ];
  it.each([
    { name: 'domestic PL', fields: { country: 'PL' }, treatment: 'domestic', rate: 2300, vat: 16_491 },
    {
      name: 'EU company with a VAT id: reverse charge',
      fields: { country: 'DE', profileType: 'company', vatId: 'DE136695976' },
      treatment: 'reverse-charge',
      rate: 0,
      vat: 0,
    },
    { name: 'outside the EU: not subject to VAT', fields: { country: 'US' }, treatment: 'export', rate: 0, vat: 0 },
    { name: 'EU consumer: the seller’s rate', fields: { country: 'FR' }, treatment: 'consumer', rate: 2300, vat: 16_491 },
  ])('$name', async ({ fields, treatment, rate, vat }) => {
    const { accountId, token } = await shopper(fields, lines);

    const seen = await review(token);
    const placed = await checkout(token, { acceptedTotalMinor: 71_700 + vat });

    expect(seen.body.tax).toEqual({ treatment, rateBasisPoints: rate });
    expect(seen.body.lines.map((line: { vatMinor: number }) => line.vatMinor)).toEqual(rate ? [12_351, 4_140] : [0, 0]);
    expect(placed.status).toBe(201);
    expect(placed.body.order.shop.tax).toEqual({ treatment, rateBasisPoints: rate, netMinor: 71_700, vatMinor: vat });
    const [invoice] = await partition(accountId, SK_PREFIX.invoice);
    expect(invoice).toMatchObject({
      tax: { treatment, rateBasisPoints: rate },
      totals: { netMinor: 71_700, vatMinor: vat, grossMinor: 71_700 + vat },
    });
  });
});
