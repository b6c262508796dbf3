// The balance against DynamoDB Local: concurrent debits never overdraw and the ledger sums to the balance; staff
// adjustments (reason, never below 0, audited, once per key); refunds to the balance once per source with their
// correction invoice, under 20 parallel submissions; top-up orders with a VAT-free proforma; the low-balance alert
// mailed once per crossing.

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getAccount } from '#shared/accounts/account.ts';
import { readBalances } from '#shared/billing/balance.ts';
import { getInvoice, invoiceBuyer, invoiceDraft } from '#shared/billing/invoice.ts';
import { BALANCE_UPDATE_INDEX, balanceChange, ledgerEntryFromItem } from '#shared/billing/ledger.ts';
import { failedConditions } from '#shared/billing/transact.ts';
import { QueryCommand, TransactWriteCommand, UpdateCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { accountPartition, SK_PREFIX } from '#shared/db/keys.ts';
import { newId } from '#shared/ids.ts';
import { money } from '#shared/money.ts';
import { type Order, orderItem } from '#shared/orders/model.ts';
import { nextOrderReference } from '#shared/orders/order-reference.ts';
import { testBalance } from '../support/balances.ts';
import { call, createCustomer, createStaff, purchases, signIn, startTestApi, type TestApi } from '../support/api.ts';
import { mailsTo } from '../support/mailbox.ts';

let api: TestApi;
let billingToken: string;
let supportToken: string;

beforeAll(async () => {
  api = await startTestApi();
  [billingToken, supportToken] = await Promise.all([
    createStaff(['billing']).then((login) => signIn(api, 'staff', login)),
    createStaff(['support']).then((login) => signIn(api, 'staff', login)),
  ]);
});
afterAll(() => api.stop());

async function ledgerOf(accountId: string, currency: string) {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': accountPartition(accountId), ':prefix': `${SK_PREFIX.ledger}${currency}#` },
        ConsistentRead: true,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items.map(ledgerEntryFromItem);
}

/** One balance change in its own transaction, as every writer of the balance does; the failed conditions if refused. */
async function change(accountId: string, amountMinor: number): Promise<'applied' | 'refused'> {
  const { items } = balanceChange({
    accountId,
    currency: 'EUR',
    amountMinor,
    kind: amountMinor > 0 ? 'top-up' : 'payment',
    source: { kind: 'order', id: randomUUID() },
    at: new Date(),
  });
  for (let attempt = 0; ; attempt += 1) {
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items }));
      return 'applied';
    } catch (error) {
      if (failedConditions(error).has(BALANCE_UPDATE_INDEX)) return 'refused';
      // Two transactions on one account item at once: DynamoDB cancels one as a conflict; it tries again.
      if ((error as Error).name === 'TransactionCanceledException' && attempt < 50) continue;
      throw error;
    }
  }
}

describe('the ledger under concurrency', () => {
  it('50 concurrent debits never overdraw and the ledger sums to the balance', async () => {
    const { account } = await createCustomer([]);
    expect(await change(account.accountId, 1000)).toBe('applied');

    const started = performance.now();
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => change(account.accountId, -30)));
    const elapsed = performance.now() - started;

    // 1000 covers 33 debits of 30 (990): the other 17 are refused by the balance's condition, whatever the order.
    expect(outcomes.filter((outcome) => outcome === 'applied')).toHaveLength(33);
    expect(outcomes.filter((outcome) => outcome === 'refused')).toHaveLength(17);
    const balance = await testBalance(account.accountId, 'EUR');
    expect(balance).toBe(10);
    const ledger = await ledgerOf(account.accountId, 'EUR');
    expect(ledger).toHaveLength(34);
    expect(ledger.reduce((sum, entry) => sum + entry.amountMinor, 0)).toBe(balance);
    console.info(`balance: 50 concurrent debits in ${Math.round(elapsed)} ms (33 applied, 17 refused)`);
  });

  it('credits and debits interleaved in parallel keep the ledger equal to the balance, never below 0', async () => {
    const { account } = await createCustomer([]);
    expect(await change(account.accountId, 100)).toBe('applied');
    const amounts = Array.from({ length: 50 }, (_, index) => (index % 2 === 0 ? 7 : -11));
    const outcomes = await Promise.all(amounts.map((amount) => change(account.accountId, amount)));

    const balance = await testBalance(account.accountId, 'EUR');
    const applied = amounts.filter((_, index) => outcomes[index] === 'applied');
    expect(applied.filter((amount) => amount > 0)).toHaveLength(25);
    expect(balance).toBe(100 + applied.reduce((sum, amount) => sum + amount, 0));
    expect(balance).toBeGreaterThanOrEqual(0);
    const ledger = await ledgerOf(account.accountId, 'EUR');
    expect(ledger).toHaveLength(1 + applied.length);
    expect(ledger.reduce((sum, entry) => sum + entry.amountMinor, 0)).toBe(balance);
  });
});

const adjust = (accountId: string, body: Record<string, unknown>, token = billingToken) =>
  call(api, 'POST', `/api/admin/accounts/${accountId}/balance-adjustments`, { token, body });

const adjustment = (amountMinor: number, extra: Record<string, unknown> = {}) => ({
  amountMinor,
  currency: 'EUR',
  memo: amountMinor > 0 ? 'Goodwill credit' : 'Correction',
  idempotencyKey: randomUUID(),
  reason: 'Agreed with the customer on the phone.',
  ...extra,
});

async function auditOf(accountId: string) {
  const page = await call(api, 'GET', `/api/admin/customers/${accountId}`, { token: supportToken });
  return page.body.audit.items as Array<{ action: string; reason?: string; target: { kind: string; id: string } }>;
}

describe('staff adjustments', () => {
  it('require a reason (400), never take the balance below 0 (409), are audited and apply once per key', async () => {
    const { account } = await createCustomer([]);
    const { reason: _reason, ...noReason } = adjustment(500);
    expect((await adjust(account.accountId, noReason)).status).toBe(400);
    expect((await adjust(account.accountId, adjustment(0))).status).toBe(400);
    expect((await adjust(account.accountId, adjustment(500), supportToken)).status).toBe(403);

    const credit = adjustment(500);
    const first = await adjust(account.accountId, credit);
    expect(first.status).toBe(201);
    expect(first.body.balance.amountMinor).toBe(500);
    const again = await adjust(account.accountId, credit);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ replayed: true, entry: { entryId: first.body.entry.entryId } });
    expect((await adjust(account.accountId, { ...credit, amountMinor: 600 })).body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const overdraw = await adjust(account.accountId, adjustment(-501));
    expect(overdraw.status).toBe(409);
    expect(overdraw.body.error.code).toBe('INSUFFICIENT_BALANCE');
    expect((await adjust(account.accountId, adjustment(-200))).status).toBe(201);

    expect(await testBalance(account.accountId, 'EUR')).toBe(300);
    const ledger = await ledgerOf(account.accountId, 'EUR');
    expect(ledger.map((entry) => [entry.kind, entry.amountMinor, entry.memo])).toEqual([
      ['adjustment', 500, 'Goodwill credit'],
      ['adjustment', -200, 'Correction'],
    ]);
    const audit = await auditOf(account.accountId);
    expect(audit.filter((entry) => entry.action === 'balance.adjust')).toHaveLength(2);
    expect(audit[0]).toMatchObject({ reason: 'Agreed with the customer on the phone.', target: { kind: 'balance' } });

    const read = await call(api, 'GET', `/api/admin/accounts/${account.accountId}/balance`, { token: supportToken });
    expect(read.status).toBe(200);
    expect(read.body.entries.items.map((entry: { amountMinor: number }) => entry.amountMinor)).toEqual([-200, 500]);
  });

  it('answers 404 for an unknown account', async () => {
    expect((await adjust('acc-unknown', adjustment(100))).status).toBe(404);
  });
});

/** A paid shop order with its VAT invoice (two lines at 23 %), as the payments' fulfilment leaves it. */
async function paidShopOrder(accountId: string) {
  const account = (await getAccount(accountId, true))!;
  const buyer = invoiceBuyer(account);
  const at = new Date();
  const orderId = newId(at);
  const reference = await nextOrderReference();
  const lines = [
    { description: 'Remote Access Enterprise', sku: 'RA-ENT-10-S1Y', quantity: 2, unitNetMinor: 12_345 },
    { description: 'Remote Access Desktop', sku: 'RA-DSK-1-S1Y', quantity: 1, unitNetMinor: 999 },
  ];
  const draft = await invoiceDraft({
    kind: 'vat',
    accountId,
    at,
    buyer,
    currency: 'EUR',
    lines,
    tax: { treatment: 'domestic', rateBasisPoints: 2300 },
    order: { orderId, reference },
    paidAt: at,
  });
  const gross = draft.invoice.totals.grossMinor;
  const order: Order = {
    orderId,
    reference,
    orderedAt: at.toISOString(),
    total: money(gross, 'EUR'),
    lines: lines.map((line) => ({
      product: line.description,
      sku: line.sku,
      edition: 'Enterprise',
      users: 1,
      quantity: line.quantity,
      unitPrice: money(line.unitNetMinor, 'EUR'),
      subtotal: money(line.unitNetMinor * line.quantity, 'EUR'),
    })),
    contact: { name: 'Test Person', email: account.contactEmail, country: 'PL', city: 'Kraków' },
  };
  const shop = {
    status: 'fulfilled' as const,
    purpose: 'purchase' as const,
    paymentMethod: 'bank-transfer' as const,
    tax: {
      treatment: 'domestic' as const,
      rateBasisPoints: 2300,
      netMinor: draft.invoice.totals.netMinor,
      vatMinor: draft.invoice.totals.vatMinor,
    },
    paidMinor: gross,
    balanceUsedMinor: 0,
    expiresAt: at.toISOString(),
    billing: buyer,
    invoice: { invoiceId: draft.invoice.invoiceId, number: draft.invoice.number },
    paidAt: at.toISOString(),
    fulfilledAt: at.toISOString(),
    version: 2,
  };
  await db().send(
    new TransactWriteCommand({
      TransactItems: [
        ...draft.items,
        { Put: { TableName: tableName(), Item: orderItem({ accountId, order, locale: 'en', issued: [], shop }) } },
      ],
    }),
  );
  return { orderId, reference, invoice: draft.invoice, gross };
}

const refund = (orderId: string, body: Record<string, unknown>) =>
  call(api, 'POST', `/api/admin/orders/${orderId}/refunds`, {
    token: billingToken,
    body: { reason: 'Cancelled within 14 days.', ...body },
  });

describe('refunds to the balance', () => {
  it('applies the same refund submitted 20 times in parallel once, with one correction invoice', async () => {
    const { account } = await createCustomer([]);
    const paid = await paidShopOrder(account.accountId);

    const answers = await Promise.all(Array.from({ length: 20 }, () => refund(paid.orderId, { accountId: account.accountId })));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(19);
    const numbers = new Set(answers.map((answer) => answer.body.correction?.number));
    expect(numbers.size).toBe(1);

    // The whole order: 2 x 123.45 + 9.99 net, VAT per line (56.79 + 2.30), gross 318.98.
    expect(paid.gross).toBe(24_690 + 5_679 + 999 + 230);
    expect(await testBalance(account.accountId, 'EUR')).toBe(paid.gross);
    const ledger = await ledgerOf(account.accountId, 'EUR');
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ kind: 'refund', amountMinor: paid.gross, memo: 'Cancelled within 14 days.' });
    expect(ledger[0]!.source.label).toBe(`${paid.reference} / ${[...numbers][0]}`);

    const correction = (await getInvoice(account.accountId, answers[0]!.body.correction.invoiceId, true))!;
    expect(correction).toMatchObject({
      kind: 'correction',
      corrects: { invoiceId: paid.invoice.invoiceId, number: paid.invoice.number },
      reason: 'Cancelled within 14 days.',
      totals: { netMinor: -25_689, vatMinor: -5_909, grossMinor: -paid.gross },
    });
    expect(correction.lines.map((line) => line.unitNetMinor)).toEqual([-12_345, -999]);
    expect((await getInvoice(account.accountId, paid.invoice.invoiceId, true))!.correctedBy).toEqual([correction.invoiceId]);

    const other = await refund(paid.orderId, { accountId: account.accountId, amountMinor: 100 });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('ALREADY_REFUNDED');
    const audit = await auditOf(account.accountId);
    expect(audit.filter((entry) => entry.action === 'balance.refund')).toHaveLength(1);
  });

  it('refunds of different orders at once each get their own correction number, consecutive, and all reach the balance', async () => {
    const { account } = await createCustomer([]);
    const paid = [];
    for (let index = 0; index < 8; index += 1) paid.push(await paidShopOrder(account.accountId));
    const answers = await Promise.all(paid.map((order) => refund(order.orderId, { accountId: account.accountId, amountMinor: 1_000 })));
    expect(answers.map((answer) => answer.status)).toEqual(paid.map(() => 201));
    const sequences = answers.map((answer) => Number(/(\d+)$/.exec(answer.body.correction.number)![1])).sort((a, b) => a - b);
    expect(sequences.at(-1)! - sequences[0]!).toBe(7);
    expect(new Set(sequences).size).toBe(8);
    expect(await testBalance(account.accountId, 'EUR')).toBe(8_000);
  });

  it('refunds part of an order as the gross of a one-line correction, never more than the invoice bills', async () => {
    const { account } = await createCustomer([]);
    const paid = await paidShopOrder(account.accountId);
    const tooLarge = await refund(paid.orderId, { accountId: account.accountId, amountMinor: paid.gross + 1 });
    expect(tooLarge.status).toBe(409);
    expect(tooLarge.body.error.code).toBe('REFUND_TOO_LARGE');

    // 100.00 gross at 23 %: net 81.30 gives VAT 18.70 (18.699 rounded), exactly 100.00.
    const part = await refund(paid.orderId, { accountId: account.accountId, amountMinor: 10_000 });
    expect(part.status).toBe(201);
    expect(part.body.amountMinor).toBe(10_000);
    const correction = (await getInvoice(account.accountId, part.body.correction.invoiceId, true))!;
    expect(correction.lines).toHaveLength(1);
    expect(correction.totals).toEqual({ netMinor: -8_130, vatMinor: -1_870, grossMinor: -10_000 });
    expect(await testBalance(account.accountId, 'EUR')).toBe(10_000);
  });

  it('refunds an order staff placed (no invoice here) without a correction; unknown and foreign orders are 404', async () => {
    const customer = await createCustomer(purchases(1));
    const stranger = await createCustomer([]);
    const orders = await call(api, 'GET', `/api/admin/customers/${customer.account.accountId}`, { token: supportToken });
    const orderId = orders.body.orders.items[0].orderId as string;
    expect((await refund(orderId, { accountId: stranger.account.accountId })).status).toBe(404);
    expect((await refund(newId(new Date()), { accountId: customer.account.accountId })).status).toBe(404);

    const done = await refund(orderId, { accountId: customer.account.accountId, amountMinor: 1_500 });
    expect(done.status).toBe(201);
    expect(done.body.correction).toBeUndefined();
    expect(await testBalance(customer.account.accountId, 'EUR')).toBe(1_500);
  });
});

describe('top-ups', () => {
  it('creates a top-up order with a VAT-free proforma and mails the transfer data; a retry with the key answers it', async () => {
    const customer = await createCustomer([]);
    const token = await signIn(api, 'customer', customer.login);
    const body = { amountMinor: 50_000, currency: 'EUR', idempotencyKey: randomUUID() };
    const [first, second] = await Promise.all([
      call(api, 'POST', '/api/balance/top-ups', { token, body }),
      call(api, 'POST', '/api/balance/top-ups', { token, body }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(second.body.orderId).toBe(first.body.orderId);
    expect(first.body).toMatchObject({
      total: { amountMinor: 50_000, currency: 'EUR' },
      bankTransfer: { iban: 'PL61109010140000071219812874' },
    });
    expect(first.body.bankTransfer.title).toBe(first.body.reference);

    const proforma = (await getInvoice(customer.account.accountId, first.body.proforma.invoiceId, true))!;
    expect(proforma).toMatchObject({ kind: 'proforma', totals: { netMinor: 50_000, vatMinor: 0, grossMinor: 50_000 } });
    expect(proforma.tax.rateBasisPoints).toBe(0);
    const order = await call(api, 'GET', `/api/orders/${first.body.orderId}`, { token });
    expect(order.status).toBe(200);

    const reused = await call(api, 'POST', '/api/balance/top-ups', { token, body: { ...body, amountMinor: 1 } });
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const mails = (await mailsTo(inject('mailUrl'), customer.login.email)).filter((mail) => mail.subject.includes(first.body.reference));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body.text).toContain('PL61109010140000071219812874');
    expect((await readBalances(customer.account.accountId)).balances[0]!.amountMinor).toBe(0);
  });

  it('refuses a top-up while the company data awaits verification (403 COMPANY_NOT_VERIFIED)', async () => {
    const customer = await createCustomer([]);
    const token = await signIn(api, 'customer', customer.login);
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { PK: `ACCOUNT#${customer.account.accountId}`, SK: 'ACCOUNT' },
        UpdateExpression: 'SET country = :country',
        ExpressionAttributeValues: { ':country': 'PL' },
      }),
    );
    const submitted = await call(api, 'PUT', '/api/me/profile/account', {
      token,
      body: {
        profileType: 'company',
        companyName: 'Awaiting Sp. z o.o.',
        vatId: 'PL5213456789',
        registeredAddress: { line1: 'ul. Testowa 1', postalCode: '00-001', city: 'Warszawa' },
      },
    });
    expect(submitted.status).toBe(200);
    const refused = await call(api, 'POST', '/api/balance/top-ups', {
      token,
      body: { amountMinor: 10_000, currency: 'PLN', idempotencyKey: randomUUID() },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('COMPANY_NOT_VERIFIED');
  });

  it('top-ups placed at once take consecutive proforma numbers, one order each', async () => {
    const customer = await createCustomer([]);
    const token = await signIn(api, 'customer', customer.login);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        call(api, 'POST', '/api/balance/top-ups', {
          token,
          body: { amountMinor: 1_000 + index, currency: 'EUR', idempotencyKey: randomUUID() },
        }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 201));
    expect(new Set(answers.map((answer) => answer.body.orderId)).size).toBe(10);
    const sequences = answers.map((answer) => Number(/(\d+)$/.exec(answer.body.proforma.number)![1])).sort((a, b) => a - b);
    expect(new Set(sequences).size).toBe(10);
    expect(sequences.at(-1)! - sequences[0]!).toBe(9);
  });
});

describe('the low-balance alert', () => {
  it('mails once per crossing: two debits below the threshold mail once, a credit above re-arms it', async () => {
    const customer = await createCustomer([]);
    const token = await signIn(api, 'customer', customer.login);
    const accountId = customer.account.accountId;
    const set = await call(api, 'PUT', '/api/balance/alert', { token, body: { currency: 'EUR', thresholdMinor: 500 } });
    expect(set.status).toBe(200);
    expect(set.body.thresholdMinor).toBe(500);
    const alerts = async () =>
      (await mailsTo(inject('mailUrl'), customer.login.email)).filter((mail) => /balance is low/i.test(mail.subject));

    expect((await adjust(accountId, adjustment(1_000))).status).toBe(201);
    expect((await adjust(accountId, adjustment(-300))).status).toBe(201);
    expect(await alerts()).toHaveLength(0);
    // Two debits at once take it below 500: whichever checks first mails, the other finds the alert standing.
    const both = await Promise.all([adjust(accountId, adjustment(-150)), adjust(accountId, adjustment(-100))]);
    expect(both.map((answer) => answer.status)).toEqual([201, 201]);
    expect(await alerts()).toHaveLength(1);
    expect((await adjust(accountId, adjustment(-50))).status).toBe(201);
    expect(await alerts()).toHaveLength(1);
    expect((await alerts())[0]!.body.text).toContain('/balance');

    expect((await adjust(accountId, adjustment(200))).status).toBe(201);
    expect((await readBalances(accountId)).balances[0]).toMatchObject({ amountMinor: 600, thresholdMinor: 500 });
    expect((await readBalances(accountId)).balances[0]!.alertedAt).toBeUndefined();
    expect((await adjust(accountId, adjustment(-200))).status).toBe(201);
    expect(await alerts()).toHaveLength(2);

    const removed = await call(api, 'PUT', '/api/balance/alert', { token, body: { currency: 'EUR', thresholdMinor: null } });
    expect(removed.body.thresholdMinor).toBeUndefined();
  });
});
