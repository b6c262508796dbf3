// Invoices and payments written as the billing areas write them (invoiceDraft in a retried transaction; paymentItem),
// for tests of the pages and routes that show them.

import { type Invoice, type InvoiceBuyer, type InvoiceKind, invoiceDraft } from '#shared/billing/invoice.ts';
import { type Payment, paymentItem } from '#shared/billing/payment.ts';
import { transactWithRetry } from '#shared/billing/transact.ts';
import { PutCommand, UpdateCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { newId } from '#shared/ids.ts';

export const POLISH_BUYER: InvoiceBuyer = {
  name: 'Zażółć Gęślą Jaźń sp. z o.o.',
  address: { line1: 'ul. Źródlana 5', postalCode: '90-001', city: 'Łódź' },
  country: 'PL',
  profileType: 'company',
  vatId: 'PL5213456789',
};

export interface TestInvoice {
  kind?: InvoiceKind;
  at?: Date;
  dueAt?: Date;
  paidAt?: Date;
  buyer?: InvoiceBuyer;
  currency?: string;
  lines?: Array<{ description: string; quantity: number; unitNetMinor: number }>;
  order?: { orderId: string; reference: string };
  corrects?: { invoiceId: string; number: string };
  reason?: string;
}

/** Issues one invoice of the account (its number from the real series). */
export function issueTestInvoice(accountId: string, input: TestInvoice = {}): Promise<Invoice> {
  return transactWithRetry(async () => {
    const draft = await invoiceDraft({
      kind: input.kind ?? 'vat',
      accountId,
      at: input.at ?? new Date(),
      buyer: input.buyer ?? POLISH_BUYER,
      currency: input.currency ?? 'PLN',
      lines: input.lines ?? [{ description: 'Licencja roczna – księgowość', quantity: 3, unitNetMinor: 3333 }],
      ...(input.dueAt ? { dueAt: input.dueAt } : {}),
      ...(input.paidAt ? { paidAt: input.paidAt } : {}),
      ...(input.order ? { order: input.order } : {}),
      ...(input.corrects ? { corrects: input.corrects } : {}),
      ...(input.reason ? { reason: input.reason } : {}),
    });
    return { items: draft.items, retryOnConditionAt: [draft.counterIndex], result: draft.invoice };
  });
}

/** Marks an invoice corrected by another, as a refund does (state only). */
export async function markCorrected(invoice: Invoice, correctionId: string): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.invoice(invoice.accountId, invoice.invoiceId),
      UpdateExpression: 'SET correctedBy = list_append(if_not_exists(correctedBy, :none), :one)',
      ExpressionAttributeValues: { ':none': [], ':one': [correctionId] },
    }),
  );
}

export async function putTestPayment(accountId: string, input: Partial<Payment> = {}): Promise<Payment> {
  const payment: Payment = {
    paymentId: newId(input.recordedAt ? new Date(input.recordedAt) : new Date()),
    accountId,
    method: 'bank-transfer',
    amountMinor: 12_299,
    currency: 'PLN',
    appliedMinor: input.amountMinor ?? 12_299,
    creditedMinor: 0,
    receivedOn: (input.recordedAt ?? new Date().toISOString()).slice(0, 10),
    recordedAt: new Date().toISOString(),
    order: { orderId: 'order', reference: 'JWT1' },
    ...input,
  };
  await db().send(new PutCommand({ TableName: tableName(), Item: paymentItem(payment) }));
  return payment;
}
