// Invoice numbers against DynamoDB Local: gap-free and unique under 50 concurrent writers, untouched by a cancelled
// transaction, one series per kind and per calendar year (shared/billing/invoice-numbers.ts, invoice.ts, transact.ts).

import { describe, expect, it } from 'vitest';
import { type InvoiceBuyer, type InvoiceKind, getInvoice, invoiceDraft } from '#shared/billing/invoice.ts';
import { formatInvoiceNumber } from '#shared/billing/invoice-numbers.ts';
import { transactWithRetry } from '#shared/billing/transact.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { newId } from '#shared/ids.ts';

const buyer: InvoiceBuyer = {
  name: 'Żółta Łąka sp. z o.o.',
  address: { line1: 'ul. Śliska 3', postalCode: '00-001', city: 'Łódź' },
  country: 'PL',
  profileType: 'company',
  vatId: 'PL5213456789',
};

/** Issues one invoice the way checkout, payment and refunds do: draft per attempt, the counter's lost race retried. */
function issue(kind: InvoiceKind, at: Date, accountId = `acc-${newId()}`, extra: (draftItems: number) => unknown[] = () => []) {
  return transactWithRetry(async () => {
    const draft = await invoiceDraft({
      kind,
      accountId,
      at,
      buyer,
      currency: 'PLN',
      lines: [{ description: 'Licencja', quantity: 1, unitNetMinor: 10_000 }],
    });
    return {
      items: [...draft.items, ...(extra(draft.items.length) as typeof draft.items)],
      retryOnConditionAt: [draft.counterIndex],
      result: draft.invoice,
    };
  });
}

async function counter(series: string, year: number): Promise<number | undefined> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: keys.invoiceCounter(series, year), ConsistentRead: true }));
  return found.Item?.last as number | undefined;
}

async function numberClaim(number: string) {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: keys.invoiceNumber(number), ConsistentRead: true }));
  return found.Item;
}

describe('invoice numbers', () => {
  it('gives 50 concurrent invoices the numbers 1 to 50 of the series: no gap, no duplicate, each claimed once', async () => {
    // Prepare
    const at = new Date('2031-03-10T12:00:00Z');

    // Act
    const started = performance.now();
    const invoices = await Promise.all(Array.from({ length: 50 }, () => issue('vat', at)));
    const elapsed = performance.now() - started;
    console.info(`50 concurrent invoices numbered in ${Math.round(elapsed)} ms`);

    // Assess
    const numbers = invoices.map((invoice) => invoice.number).sort();
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, index) => formatInvoiceNumber('FV', 2031, index + 1)));
    expect(await counter('FV', 2031)).toBe(50);
    for (const invoice of invoices) {
      expect(await numberClaim(invoice.number)).toMatchObject({ accountId: invoice.accountId, invoiceId: invoice.invoiceId });
      expect(await getInvoice(invoice.accountId, invoice.invoiceId, true)).toEqual(invoice);
    }
  });

  it('uses no number when the invoice’s transaction is cancelled by another item', async () => {
    // Prepare
    const at = new Date('2032-01-05T08:00:00Z');
    const first = await issue('vat', at);
    // A condition on another item of the same transaction fails (say, the order changed meanwhile).
    const failing = () => [
      {
        ConditionCheck: {
          TableName: tableName(),
          Key: { PK: `MISSING#${newId()}`, SK: 'MISSING' },
          ConditionExpression: 'attribute_exists(PK)',
        },
      },
    ];

    // Act
    const cancelled = await issue('vat', at, `acc-${newId()}`, failing).catch((error: unknown) => error);
    const next = await issue('vat', at);

    // Assess
    expect((cancelled as Error).name).toBe('TransactionCanceledException');
    expect(first.number).toBe('FV/2032/000001');
    expect(await numberClaim('FV/2032/000002')).toMatchObject({ invoiceId: next.invoiceId });
    expect(next.number).toBe('FV/2032/000002');
    expect(await counter('FV', 2032)).toBe(2);
  });

  it('numbers each kind in its own series: proforma PF, VAT invoice FV, correction FK', async () => {
    // Prepare
    const at = new Date('2033-06-01T10:00:00Z');

    // Act
    const proforma = await issue('proforma', at);
    const secondProforma = await issue('proforma', at);
    const vat = await issue('vat', at);
    const correction = await issue('correction', at);

    // Assess
    expect([proforma.number, secondProforma.number, vat.number, correction.number]).toEqual([
      'PF/2033/000001',
      'PF/2033/000002',
      'FV/2033/000001',
      'FK/2033/000001',
    ]);
  });

  it('restarts at 000001 in a new year (UTC), and the old year’s series goes on where it was', async () => {
    // Prepare
    await issue('vat', new Date('2034-12-31T23:59:59Z'));
    await issue('vat', new Date('2034-12-31T23:59:59Z'));

    // Act
    const newYear = await issue('vat', new Date('2035-01-01T00:00:00Z'));
    const lateOldYear = await issue('vat', new Date('2034-12-31T23:59:59.500Z'));

    // Assess
    expect(newYear.number).toBe('FV/2035/000001');
    expect(lateOldYear.number).toBe('FV/2034/000003');
  });
});
