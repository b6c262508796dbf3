// Refunds to the balance, exactly once per source: the refund record (keyed by what is refunded: `order#<orderId>`, the
// services' `subscription#<id>#<period>`), the ledger credit and, when the source has a VAT invoice, its correction
// invoice (a credit note with negative lines, referencing the original) and the original's `correctedBy` are ONE
// transaction. A second refund of the same source is refused (409 ALREADY_REFUNDED); an identical retry (same account,
// amount and currency) answers the first refund, so a double click or 20 parallel submissions apply it once.
//
// The amount credited is the correction's gross: VAT per line per the rounding rule (shared/billing/tax.ts), never more
// than what the original still bills after its earlier corrections (409 REFUND_TOO_LARGE). The whole remaining amount of
// an uncorrected invoice reverses its lines one by one; any other amount is one line whose net is the largest whose
// gross does not exceed the amount asked for (some grosses cannot be reached at a VAT rate: the refund is then a unit less).

import type { TransactItem } from '#shared/audit/audit.ts';
import { getInvoice, type Invoice, invoiceDraft, invoiceKey } from '#shared/billing/invoice.ts';
import { BALANCE_UPDATE_INDEX, balanceChange } from '#shared/billing/ledger.ts';
import { checkLowBalance } from '#shared/billing/low-balance.ts';
import { type TaxRule, taxLine } from '#shared/billing/tax.ts';
import { failedConditions, transactWithRetry } from '#shared/billing/transact.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import type { LineNote } from '#shared/orders/fields.ts';
import { AppError, ConflictError, NotFoundError, ValidationError } from '#shared/http/errors.ts';
import * as z from '#shared/validation.ts';

export interface RefundInput {
  accountId: string;
  /** What is refunded, once: `order#<orderId>`, `subscription#<id>#<period>`. */
  sourceKey: string;
  /** What the customer recognises it by in the ledger (an order reference). */
  label?: string;
  /** Positive minor units; with a correction, the largest correction gross not above it is refunded. */
  amountMinor: number;
  currency: string;
  /** Printed on the correction and shown with the ledger entry. */
  reason: string;
  /** The reason as facts, which the ledger entry keeps for the balance page to show in the reader's language. */
  note?: LineNote;
  /** The VAT invoice the refund corrects; `lines` overrides the correction's lines (net unit prices, negative). */
  correction?: { invoiceId: string; lines?: Array<{ description: string; sku?: string; quantity: number; unitNetMinor: number }> };
  at: Date;
  /** How the transaction is written: an audited staff route passes `(items) => audit.commit({ ..., items })`. */
  write?: (items: TransactItem[]) => Promise<unknown>;
}

export interface RefundRecord {
  sourceKey: string;
  accountId: string;
  amountMinor: number;
  currency: string;
  reason: string;
  entryId: string;
  correction?: { invoiceId: string; number: string };
  at: string;
  /** The amount asked for (the refund is the correction's gross, at most this): an identical retry repeats it. */
  requestedMinor: number;
}

export interface RefundResult {
  refund: RefundRecord;
  /** True when this answers an identical retry of a refund already applied. */
  replayed: boolean;
}

const recordSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    sourceKey: z.string(),
    accountId: z.string(),
    amountMinor: z.number(),
    currency: z.string(),
    reason: z.string(),
    entryId: z.string(),
    correction: z.optional(z.object({ invoiceId: z.string(), number: z.string() })),
    at: z.string(),
    requestedMinor: z.number(),
  }),
);

export function refundFromItem(item: Item): RefundRecord {
  return parseItem('Refund', recordSchema, item);
}

export async function getRefund(sourceKey: string): Promise<RefundRecord | undefined> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: keys.refund(sourceKey), ConsistentRead: true }));
  return found.Item ? refundFromItem(found.Item) : undefined;
}

/** The first refund of the source, as an identical retry's answer; any other second refund is a 409. */
function answerExisting(record: RefundRecord, input: RefundInput): RefundResult {
  const identical =
    record.accountId === input.accountId && record.requestedMinor === input.amountMinor && record.currency === input.currency;
  if (!identical) {
    throw new ConflictError(`This was already refunded (${record.amountMinor} ${record.currency} on ${record.at}).`, 'ALREADY_REFUNDED', {
      refundedMinor: record.amountMinor,
      currency: record.currency,
    });
  }
  return { refund: record, replayed: true };
}

/** The largest net (in minor units) whose gross under the rule does not exceed `grossMinor`. */
export function netForGross(grossMinor: number, rule: TaxRule): number {
  let net = Math.floor((grossMinor * 10_000) / (10_000 + rule.rateBasisPoints));
  while (taxLine(net + 1, rule).grossMinor <= grossMinor) net += 1;
  while (net > 0 && taxLine(net, rule).grossMinor > grossMinor) net -= 1;
  return net;
}

/** What the original still bills: its gross less every correction issued against it (their grosses are negative). */
export async function remainingGross(original: Invoice): Promise<number> {
  const corrections = await Promise.all((original.correctedBy ?? []).map((invoiceId) => getInvoice(original.accountId, invoiceId, true)));
  return corrections.reduce((remaining, correction) => remaining + (correction?.totals.grossMinor ?? 0), original.totals.grossMinor);
}

/** The correction's lines for a refund of `amountMinor` of the original (see the file's comment). */
export function correctionLines(original: Invoice, amountMinor: number, remaining: number, reason: string) {
  if (amountMinor === remaining && !original.correctedBy?.length) {
    return original.lines.map((line) => ({
      description: line.description,
      ...(line.sku ? { sku: line.sku } : {}),
      quantity: line.quantity,
      unitNetMinor: -line.unitNetMinor,
    }));
  }
  return [{ description: `${reason} (${original.number})`, quantity: 1, unitNetMinor: -netForGross(amountMinor, original.tax) }];
}

interface Built {
  items: TransactItem[];
  retryOnConditionAt: number[];
  result: RefundRecord;
}

async function build(input: RefundInput): Promise<Built> {
  const TableName = tableName();
  let amountMinor = input.amountMinor;
  const correctionItems: TransactItem[] = [];
  let correction: RefundRecord['correction'];
  /** The correction's items whose failed condition means its number was taken meanwhile. */
  let numberIndexes: number[] = [];
  if (input.correction) {
    const original = await getInvoice(input.accountId, input.correction.invoiceId, true);
    if (!original || original.kind !== 'vat') throw new NotFoundError('The invoice to correct was not found.');
    if (original.currency !== input.currency) {
      throw new ValidationError(`The refund must be in the invoice's currency, ${original.currency}.`, [
        { path: 'body.currency', message: `must be ${original.currency}` },
      ]);
    }
    const remaining = await remainingGross(original);
    if (amountMinor > remaining) {
      throw new ConflictError(
        `At most ${remaining} ${original.currency} of ${original.number} can still be refunded.`,
        'REFUND_TOO_LARGE',
        {
          remainingMinor: remaining,
          currency: original.currency,
        },
      );
    }
    const draft = await invoiceDraft({
      kind: 'correction',
      accountId: input.accountId,
      at: input.at,
      buyer: original.buyer,
      currency: original.currency,
      tax: original.tax,
      lines: input.correction.lines ?? correctionLines(original, amountMinor, remaining, input.reason),
      corrects: { invoiceId: original.invoiceId, number: original.number },
      ...(original.order ? { order: original.order } : {}),
      reason: input.reason,
      paidAt: input.at,
    });
    amountMinor = -draft.invoice.totals.grossMinor;
    if (amountMinor <= 0 || amountMinor > remaining) {
      throw new ConflictError(
        `At most ${remaining} ${original.currency} of ${original.number} can still be refunded.`,
        'REFUND_TOO_LARGE',
        {
          remainingMinor: remaining,
          currency: original.currency,
        },
      );
    }
    correction = { invoiceId: draft.invoice.invoiceId, number: draft.invoice.number };
    numberIndexes = [draft.counterIndex, draft.numberClaimIndex];
    correctionItems.push(...draft.items, {
      Update: {
        TableName,
        Key: invoiceKey(input.accountId, original.invoiceId),
        // Conditional on the corrections read: a correction issued meanwhile changes what is left to refund.
        UpdateExpression: 'SET correctedBy = list_append(if_not_exists(correctedBy, :none), :added)',
        ConditionExpression: original.correctedBy?.length
          ? 'size(correctedBy) = :count'
          : 'attribute_exists(PK) AND attribute_not_exists(correctedBy)',
        ExpressionAttributeValues: {
          ':none': [],
          ':added': [draft.invoice.invoiceId],
          ...(original.correctedBy?.length ? { ':count': original.correctedBy.length } : {}),
        },
      },
    });
  }
  const change = balanceChange({
    accountId: input.accountId,
    currency: input.currency,
    amountMinor,
    kind: 'refund',
    source: {
      kind: 'refund',
      id: input.sourceKey,
      ...(input.label || correction ? { label: [input.label, correction?.number].filter(Boolean).join(' / ') } : {}),
    },
    memo: input.reason,
    ...(input.note ? { note: input.note } : {}),
    at: input.at,
  });
  const record: RefundRecord = {
    sourceKey: input.sourceKey,
    accountId: input.accountId,
    amountMinor,
    currency: input.currency,
    reason: input.reason,
    entryId: change.entry.entryId,
    ...(correction ? { correction } : {}),
    at: input.at.toISOString(),
    requestedMinor: input.amountMinor,
  };
  const items: TransactItem[] = [
    {
      Put: {
        TableName,
        Item: { ...keys.refund(input.sourceKey), type: 'Refund', ...record },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    ...change.items,
    ...correctionItems,
  ];
  // Lost races worth building again: the correction's number (another invoice took it) and the original's
  // corrections (another correction landed); the refund record's own condition is never retried.
  const ledgerItems = 1 + change.items.length;
  const retryOnConditionAt = correctionItems.length
    ? [...numberIndexes.map((index) => ledgerItems + index), ledgerItems + correctionItems.length - 1]
    : [];
  return { items, retryOnConditionAt, result: record };
}

/** Where the refund record and the balance update sit in the transaction. */
const RECORD_INDEX = 0;

export async function refundToBalance(input: RefundInput): Promise<RefundResult> {
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0) {
    throw new ValidationError('A refund is a positive whole number of minor units.', [
      { path: 'body.amountMinor', message: 'must be > 0' },
    ]);
  }
  const earlier = await getRefund(input.sourceKey);
  if (earlier) return answerExisting(earlier, input);
  let refund: RefundRecord;
  try {
    refund = await transactWithRetry(() => build(input), input.write);
  } catch (error) {
    const failed = failedConditions(error);
    // Another submission of this refund landed meanwhile (its record, or its correction leaving nothing to refund).
    if (failed.has(RECORD_INDEX) || (error instanceof AppError && error.code === 'REFUND_TOO_LARGE')) {
      const first = await getRefund(input.sourceKey);
      if (first) return answerExisting(first, input);
    }
    if (failed.has(RECORD_INDEX + 1 + BALANCE_UPDATE_INDEX)) throw new NotFoundError('The account was not found.');
    throw error;
  }
  // A credit may lift the balance back over the low-balance threshold (the next crossing mails again).
  await checkLowBalance(input.accountId, input.currency);
  return { refund, replayed: false };
}
