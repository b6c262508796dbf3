// What paid a subscription's current span, and what an immediate cancellation gives back of it (pure; the rule and its
// worked examples are in docs/data-model.md "Cancellations", test/unit/subscription-proration.test.ts checks them).
//
// The span runs from the invoice that opened it (`lastInvoice`: the start or the last renewal) to paid-until. A plan
// change inside it adds a part (`spanChanges`): an upgrade's own VAT invoice over the days left when it was paid, or a
// credit-now downgrade's credit, negative, over the days left when it was credited. The refund is the unused days of
// every part, each prorated over the days it covers by the one proration rule (`prorate`), summed per invoice: one
// correction per invoice, paid back to the account that holds it (the payer: a distributor that bought for its client).
// A credit is taken off the invoice it corrected; what is left of a credit (or a credit made without a correction) is
// taken off the other invoices, the newest first, so the total is always the sum of the parts.

import type { SpanChange, SpanInvoice, Subscription } from '#shared/subscriptions/model.ts';
import { addDays, addPeriods, prorate, wholeDaysLeft } from '#shared/subscriptions/periods.ts';

/** An invoice of the span; `accountId` is absent on parts recorded before the payer was (the licensee's, or its distributor's). */
export type PartInvoice = Omit<SpanInvoice, 'accountId'> & { accountId?: string };

export interface SpanPart {
  invoice?: PartInvoice;
  /** Gross paid (a credit: negative) for the days from `coversFrom` to paid-until. */
  grossMinor: number;
  coversFrom: string;
}

/** The refund of one invoice: the sum of its parts' unused days. */
export interface InvoiceShare {
  invoice: PartInvoice;
  amountMinor: number;
}

export interface SpanRefund {
  /** Per invoice, in the order the span recorded them; only those with something to refund. */
  shares: InvoiceShare[];
  totalMinor: number;
  /** Whole days left of the span, and the days its opening part covers. */
  daysLeft: number;
  daysInPeriod: number;
}

/** The span's parts: its opening invoice (an item without `coversFrom` paid one period), then its changes. */
export function spanParts(subscription: Pick<Subscription, 'lastInvoice' | 'spanChanges' | 'paidUntil' | 'period'>): SpanPart[] {
  const parts: SpanPart[] = [];
  const opening = subscription.lastInvoice;
  if (opening) {
    const { accountId, invoiceId, number } = opening;
    parts.push({
      invoice: { ...(accountId ? { accountId } : {}), invoiceId, number },
      grossMinor: opening.grossMinor,
      coversFrom: opening.coversFrom ?? addPeriods(subscription.paidUntil, subscription.period, -1).toISOString(),
    });
  }
  for (const change of subscription.spanChanges ?? []) {
    parts.push({ ...(change.invoice ? { invoice: change.invoice } : {}), grossMinor: change.grossMinor, coversFrom: change.coversFrom });
  }
  return parts;
}

/**
 * Where a change made at `at` begins paying: paid-until less the whole days left, so the part covers exactly the days
 * it was priced for (the day in progress counts as used, as in `prorate`).
 */
export function changeCoversFrom(paidUntil: string, at: Date | string): string {
  return addDays(paidUntil, -wholeDaysLeft(paidUntil, at)).toISOString();
}

/** The span's changes with one more (a plan change). */
export function withSpanChange(subscription: Pick<Subscription, 'spanChanges'>, change: SpanChange): SpanChange[] {
  return [...(subscription.spanChanges ?? []), change];
}

/** The refund of the span's unused days at `at`, per invoice (see the module comment). */
export function spanRefund(parts: readonly SpanPart[], paidUntil: string, at: Date | string): SpanRefund {
  const groups = new Map<string, InvoiceShare>();
  let debt = 0;
  let days = { daysLeft: 0, daysInPeriod: 0 };
  parts.forEach((part, index) => {
    const share = prorate({ amountMinor: Math.abs(part.grossMinor), periodStart: part.coversFrom, periodEnd: paidUntil, at });
    if (index === 0) days = { daysLeft: share.daysLeft, daysInPeriod: share.daysInPeriod };
    const amountMinor = Math.sign(part.grossMinor) * share.amountMinor;
    if (!part.invoice) {
      debt += amountMinor;
      return;
    }
    const group = groups.get(part.invoice.invoiceId);
    if (group) group.amountMinor += amountMinor;
    else groups.set(part.invoice.invoiceId, { invoice: part.invoice, amountMinor });
  });
  const shares = [...groups.values()];
  for (const share of shares) {
    if (share.amountMinor < 0) {
      debt += share.amountMinor;
      share.amountMinor = 0;
    }
  }
  for (const share of [...shares].reverse()) {
    if (debt >= 0) break;
    const taken = Math.min(share.amountMinor, -debt);
    share.amountMinor -= taken;
    debt += taken;
  }
  const owed = shares.filter((share) => share.amountMinor > 0);
  return { shares: owed, totalMinor: owed.reduce((sum, share) => sum + share.amountMinor, 0), ...days };
}
