// The invoice entity: a proforma (at checkout, asks for the money), a VAT invoice (at payment) or a correction invoice
// (a credit note for a refund or a price correction, referencing the invoice it corrects). The document is immutable
// once issued: its number, parties, lines and totals never change (a correction is a new document); only its state
// (`paidAt`, `correctedBy`, a proforma's `voidedAt`) is set later. In the account's partition, in GSI2 `INVOICES` (the staff list), with its
// number claimed once (`INVOICENO#...`). The PDF is a rendering of this item (shared/billing/invoice-pdf.ts).

import { type Account, type Address, legalDataOf } from '#shared/accounts/account.ts';
import type { TransactItem } from '#shared/audit/audit.ts';
import { type BillingParty, billingSettings } from '#shared/billing/settings.ts';
import { reserveInvoiceNumber } from '#shared/billing/invoice-numbers.ts';
import { type TaxRule, type TaxTotals, taxLines, taxRule } from '#shared/billing/tax.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import { newId } from '#shared/ids.ts';
import * as z from '#shared/validation.ts';

export const INVOICE_KINDS = ['proforma', 'vat', 'correction'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

export interface InvoiceLine {
  description: string;
  sku?: string;
  quantity: number;
  /** Net price of one unit, minor units (negative on a correction). */
  unitNetMinor: number;
  netMinor: number;
  vatRateBasisPoints: number;
  vatMinor: number;
  grossMinor: number;
}

export interface InvoiceBuyer extends BillingParty {
  profileType: 'individual' | 'company';
}

export interface Invoice {
  invoiceId: string;
  accountId: string;
  kind: InvoiceKind;
  /** `FV/2026/000123`. */
  number: string;
  issuedAt: string;
  /** When the money is due (proformas and unpaid VAT invoices); absent when it was paid when issued. */
  dueAt?: string;
  currency: string;
  seller: BillingParty;
  buyer: InvoiceBuyer;
  tax: TaxRule;
  lines: InvoiceLine[];
  totals: TaxTotals;
  /** The order it bills (absent for a staff price correction without an order). */
  order?: { orderId: string; reference: string };
  /** A correction's original. */
  corrects?: { invoiceId: string; number: string };
  /** A correction's reason, printed. */
  reason?: string;
  // State (set after issue; never part of the document):
  paidAt?: string;
  /** The correction invoices issued against this one. */
  correctedBy?: string[];
  /** A proforma whose order expired unpaid: it asks for nothing any more. */
  voidedAt?: string;
}

const COUNTRY_LOCALES: Record<string, Locale> = {
  PL: 'pl',
  DE: 'de',
  AT: 'de',
  LI: 'de',
  FR: 'fr',
  BE: 'fr',
  LU: 'fr',
  MC: 'fr',
  IT: 'it',
  SM: 'it',
};

/**
 * The language an invoice is printed in: the buyer's country's (pl, de, fr, it), else English. Fixed by the document
 * itself, so the one stored PDF is the same for whoever downloads it.
 */
export function invoiceLocale(invoice: Pick<Invoice, 'buyer'>): Locale {
  return COUNTRY_LOCALES[invoice.buyer.country] ?? 'en';
}

export type InvoiceStatus = 'unpaid' | 'paid' | 'overdue' | 'corrected' | 'void';

/**
 * What the invoices page shows: corrected wins, then paid (a transfer may still pay an expired order), then void (the
 * proforma of an order that expired unpaid), then overdue past the due date. Corrections are "paid".
 */
export function invoiceStatus(invoice: Pick<Invoice, 'kind' | 'paidAt' | 'correctedBy' | 'dueAt' | 'voidedAt'>, at: Date): InvoiceStatus {
  if (invoice.correctedBy?.length) return 'corrected';
  if (invoice.paidAt || invoice.kind === 'correction') return 'paid';
  if (invoice.voidedAt) return 'void';
  if (invoice.dueAt && invoice.dueAt < at.toISOString()) return 'overdue';
  return 'unpaid';
}

export const invoiceKey = keys.invoice;

const moneyLine = () => z.number().check(z.int());
const partySchema = () =>
  z.object({
    name: z.string(),
    address: z.object({ line1: z.string(), line2: z.optional(z.string()), postalCode: z.string(), city: z.string() }),
    country: z.string(),
    vatId: z.optional(z.string()),
  });
const invoiceSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    invoiceId: z.string(),
    accountId: z.string(),
    kind: z.enum(INVOICE_KINDS),
    number: z.string(),
    issuedAt: z.string(),
    dueAt: z.optional(z.string()),
    currency: z.string(),
    seller: partySchema(),
    buyer: z.extend(partySchema(), { profileType: z.enum(['individual', 'company']) }),
    tax: z.object({ treatment: z.enum(['domestic', 'reverse-charge', 'export', 'consumer']), rateBasisPoints: z.number() }),
    lines: z.array(
      z.object({
        description: z.string(),
        sku: z.optional(z.string()),
        quantity: z.number(),
        unitNetMinor: moneyLine(),
        netMinor: moneyLine(),
        vatRateBasisPoints: z.number(),
        vatMinor: moneyLine(),
        grossMinor: moneyLine(),
      }),
    ),
    totals: z.object({ netMinor: moneyLine(), vatMinor: moneyLine(), grossMinor: moneyLine() }),
    order: z.optional(z.object({ orderId: z.string(), reference: z.string() })),
    corrects: z.optional(z.object({ invoiceId: z.string(), number: z.string() })),
    reason: z.optional(z.string()),
    paidAt: z.optional(z.string()),
    correctedBy: z.optional(z.array(z.string())),
    voidedAt: z.optional(z.string()),
  }),
);

export function invoiceItem(invoice: Invoice): Item {
  return {
    ...invoiceKey(invoice.accountId, invoice.invoiceId),
    ...keys.invoicesIndex(invoice.issuedAt, invoice.invoiceId),
    type: 'Invoice',
    ...invoice,
  };
}

export function invoiceFromItem(item: Item): Invoice {
  return parseItem('Invoice', invoiceSchema, item);
}

/** The buyer as the invoice prints them: the account's verified legal data and its billing address. */
export function invoiceBuyer(account: Account): InvoiceBuyer {
  const legal = legalDataOf(account);
  const address: Address = account.billingAddress ??
    account.registeredAddress ??
    account.postalAddress ?? { line1: '', postalCode: '', city: '' };
  return {
    name: account.name,
    address,
    country: account.country ?? billingSettings().seller.country,
    profileType: legal.profileType,
    ...(legal.vatId ? { vatId: legal.vatId } : {}),
  };
}

/** The tax rule for this buyer under the stage's settings. */
export function buyerTaxRule(buyer: InvoiceBuyer): TaxRule {
  const settings = billingSettings();
  return taxRule({ country: settings.seller.country, vatRateBasisPoints: settings.vatRateBasisPoints }, buyer);
}

export interface InvoiceDraftInput {
  kind: InvoiceKind;
  accountId: string;
  at: Date;
  buyer: InvoiceBuyer;
  currency: string;
  /** Net unit prices; the tax rule (the buyer's, or the corrected invoice's) decides VAT per line. */
  lines: Array<{ description: string; sku?: string; quantity: number; unitNetMinor: number }>;
  /** Defaults to the buyer's rule; a correction passes its original's. */
  tax?: TaxRule;
  dueAt?: Date;
  order?: { orderId: string; reference: string };
  corrects?: { invoiceId: string; number: string };
  reason?: string;
  paidAt?: Date;
}

export interface InvoiceDraft {
  invoice: Invoice;
  /** [counter update, invoice, number claim]: put them in the caller's transaction as they are. */
  items: TransactItem[];
  /** Where the counter's update sits in `items`: its failed condition means "lost the number: build again". */
  counterIndex: 0;
  /**
   * Where the number claim sits: a writer that lost the number fails it together with the counter (both named in the
   * cancellation), so a retry must accept both.
   */
  numberClaimIndex: 2;
}

/** Reserves the next number of the kind's series (one read) and builds the invoice and its three transaction items. */
export async function invoiceDraft(input: InvoiceDraftInput): Promise<InvoiceDraft> {
  const settings = billingSettings();
  const reserved = await reserveInvoiceNumber(settings.series[input.kind === 'vat' ? 'vat' : input.kind], input.at);
  const tax = input.tax ?? buyerTaxRule(input.buyer);
  const taxed = taxLines(
    input.lines.map((line) => line.unitNetMinor * line.quantity),
    tax,
  );
  const invoice: Invoice = {
    invoiceId: newId(input.at),
    accountId: input.accountId,
    kind: input.kind,
    number: reserved.number,
    issuedAt: input.at.toISOString(),
    ...(input.dueAt ? { dueAt: input.dueAt.toISOString() } : {}),
    currency: input.currency,
    seller: settings.seller,
    buyer: input.buyer,
    tax,
    lines: input.lines.map((line, index) => ({
      description: line.description,
      ...(line.sku ? { sku: line.sku } : {}),
      quantity: line.quantity,
      unitNetMinor: line.unitNetMinor,
      vatRateBasisPoints: tax.rateBasisPoints,
      ...taxed.lines[index]!,
    })),
    totals: taxed.totals,
    ...(input.order ? { order: input.order } : {}),
    ...(input.corrects ? { corrects: input.corrects } : {}),
    ...(input.reason ? { reason: input.reason } : {}),
    ...(input.paidAt ? { paidAt: input.paidAt.toISOString() } : {}),
  };
  const TableName = tableName();
  return {
    invoice,
    counterIndex: 0,
    numberClaimIndex: 2,
    items: [
      reserved.counterWrite,
      { Put: { TableName, Item: invoiceItem(invoice), ConditionExpression: 'attribute_not_exists(PK)' } },
      {
        Put: {
          TableName,
          Item: {
            ...keys.invoiceNumber(invoice.number),
            type: 'InvoiceNumber',
            accountId: invoice.accountId,
            invoiceId: invoice.invoiceId,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    ],
  };
}

/** Voids the proforma of an order that expired unpaid, in the expiry's transaction (never creates the item). */
export function proformaVoidUpdate(accountId: string, invoiceId: string, at: Date): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: invoiceKey(accountId, invoiceId),
      UpdateExpression: 'SET voidedAt = :at',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':at': at.toISOString() },
    },
  };
}

/** One invoice of the account (undefined for another account's id: the caller answers 404). */
export async function getInvoice(accountId: string, invoiceId: string, consistent = false): Promise<Invoice | undefined> {
  const found = await db().send(
    new GetCommand({ TableName: tableName(), Key: invoiceKey(accountId, invoiceId), ConsistentRead: consistent }),
  );
  return found.Item ? invoiceFromItem(found.Item) : undefined;
}
