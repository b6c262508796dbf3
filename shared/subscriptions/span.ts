// What paid a subscription's current span, and what an immediate cancellation gives back of it (pure; the rule and its
// worked examples are in docs/data-model.md "Cancellations", test/unit/subscription-proration.test.ts checks them).
//
// The span runs from the invoice that opened it (`lastInvoice`: the start or the last renewal) to paid-until. A plan
// change inside it adds a part (`spanChanges`): an upgrade's own VAT invoice over the days left when it was paid, or a
// credit-now downgrade's credit, negative, over the days left when it was credited. A renewal paid early (while whole
// days of the span are left, so its period starts at the old paid-until) keeps the span's parts: each is carried over
// with its own end, the old paid-until (`coversUntil`), and the renewal's invoice opens the span from there; a carried
// part is dropped once no whole day of it is left (at the next renewal or plan change), and a renewal that would carry
// more than MAX_CARRIED_PARTS is refused until the oldest end. A renewal once paid-until has passed starts afresh.
// The refund is the unused days of every part, each prorated over the days it covers by the one proration rule
// (`prorate`), summed per invoice: one correction per invoice, paid back to the account that holds it (the payer: a
// distributor that bought for its client). A credit is taken off the invoice it corrected; what is left of a credit (or
// a credit made without a correction) is taken off the other invoices, the newest first, so the total is always the
// sum of the parts.

import { MAX_CARRIED_PARTS, type PartInvoice, type SpanChange, type Subscription } from '#shared/subscriptions/model.ts';
import { addDays, addPeriods, prorate, wholeDaysLeft } from '#shared/subscriptions/periods.ts';

export type { PartInvoice };

export interface SpanPart {
  invoice?: PartInvoice;
  /** Gross paid (a credit: negative) for the days from `coversFrom` to `coversUntil`. */
  grossMinor: number;
  coversFrom: string;
  /** Where its days end: the old paid-until for a part an early renewal carried over; absent: paid-until. */
  coversUntil?: string;
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
  /** Whole days left of the span, and the days it covers (from its oldest part's start to paid-until). */
  daysLeft: number;
  daysInPeriod: number;
}

type SpanFields = Pick<Subscription, 'lastInvoice' | 'spanChanges' | 'paidUntil' | 'period'>;

const carriedOver = (change: SpanChange): boolean => change.coversUntil !== undefined;

function partOf(change: SpanChange): SpanPart {
  return {
    ...(change.invoice ? { invoice: change.invoice } : {}),
    grossMinor: change.grossMinor,
    coversFrom: change.coversFrom,
    ...(change.coversUntil ? { coversUntil: change.coversUntil } : {}),
  };
}

/**
 * The span's parts, oldest first: what an early renewal carried over, its opening invoice (an item without
 * `coversFrom` paid one period), then its changes.
 */
export function spanParts(subscription: SpanFields): SpanPart[] {
  const changes = subscription.spanChanges ?? [];
  const opening = openingPart(subscription);
  return [
    ...changes.filter(carriedOver).map(partOf),
    ...(opening ? [partOf(opening)] : []),
    ...changes.filter((change) => !carriedOver(change)).map(partOf),
  ];
}

/** The invoice that opened the span (`lastInvoice`) as a part up to paid-until: an item without `coversFrom` paid one period. */
function openingPart(subscription: SpanFields): SpanChange | undefined {
  const opening = subscription.lastInvoice;
  if (!opening) return undefined;
  const { accountId, invoiceId, number } = opening;
  return {
    kind: 'period',
    invoice: { ...(accountId ? { accountId } : {}), invoiceId, number },
    grossMinor: opening.grossMinor,
    coversFrom: opening.coversFrom ?? addPeriods(subscription.paidUntil, subscription.period, -1).toISOString(),
  };
}

/** The plan changes of the span itself (not carried over from the one before): MAX_SPAN_CHANGES bounds them. */
export function spanPlanChanges(subscription: Pick<Subscription, 'spanChanges'>): SpanChange[] {
  return (subscription.spanChanges ?? []).filter((change) => !carriedOver(change));
}

/** Carried-over parts with a whole day left at `at` (the others can refund nothing any more). */
function stillCovering(subscription: Pick<Subscription, 'spanChanges'>, at: Date | string): SpanChange[] {
  return (subscription.spanChanges ?? []).filter((change) => change.coversUntil && wholeDaysLeft(change.coversUntil, at) > 0);
}

/**
 * What a renewal paid at `at` carries over into the span it opens (its `spanChanges`): nothing once no whole day of
 * paid-until is left; else every part still covering days, each ending where it did (the span's own parts at the old
 * paid-until). Undefined when that is more than MAX_CARRIED_PARTS: the renewal is refused until the oldest end.
 */
export function renewalCarries(subscription: SpanFields, at: Date | string): SpanChange[] | undefined {
  if (wholeDaysLeft(subscription.paidUntil, at) === 0) return [];
  const opening = openingPart(subscription);
  const ownParts = [...(opening ? [opening] : []), ...spanPlanChanges(subscription)];
  const carried = [...stillCovering(subscription, at), ...ownParts.map((part) => ({ ...part, coversUntil: subscription.paidUntil }))];
  return carried.length > MAX_CARRIED_PARTS ? undefined : carried;
}

/**
 * Where a change made at `at` begins paying: paid-until less the whole days left, so the part covers exactly the days
 * it was priced for (the day in progress counts as used, as in `prorate`).
 */
export function changeCoversFrom(paidUntil: string, at: Date | string): string {
  return addDays(paidUntil, -wholeDaysLeft(paidUntil, at)).toISOString();
}

/** The span's changes with one more (a plan change at `at`); carried-over parts with no whole day left go. */
export function withSpanChange(subscription: Pick<Subscription, 'spanChanges'>, change: SpanChange, at: Date | string): SpanChange[] {
  return [...stillCovering(subscription, at), ...spanPlanChanges(subscription), change];
}

/** The refund of the span's unused days at `at`, per invoice (see the module comment). */
export function spanRefund(parts: readonly SpanPart[], paidUntil: string, at: Date | string): SpanRefund {
  const groups = new Map<string, InvoiceShare>();
  let debt = 0;
  for (const part of parts) {
    const periodEnd = part.coversUntil ?? paidUntil;
    const share = prorate({ amountMinor: Math.abs(part.grossMinor), periodStart: part.coversFrom, periodEnd, at });
    const amountMinor = Math.sign(part.grossMinor) * share.amountMinor;
    if (!part.invoice) {
      debt += amountMinor;
      continue;
    }
    const group = groups.get(part.invoice.invoiceId);
    if (group) group.amountMinor += amountMinor;
    else groups.set(part.invoice.invoiceId, { invoice: part.invoice, amountMinor });
  }
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
  return { shares: owed, totalMinor: owed.reduce((sum, share) => sum + share.amountMinor, 0), ...spanDays(parts, paidUntil, at) };
}

/** Whole days left of the span at `at`, and the days from its first part's start to paid-until (none: 0 and 0). */
function spanDays(parts: readonly SpanPart[], paidUntil: string, at: Date | string): Pick<SpanRefund, 'daysLeft' | 'daysInPeriod'> {
  const starts = parts.map((part) => part.coversFrom).sort();
  if (!starts[0]) return { daysLeft: 0, daysInPeriod: 0 };
  const { daysLeft, daysInPeriod } = prorate({ amountMinor: 0, periodStart: starts[0], periodEnd: paidUntil, at });
  return { daysLeft, daysInPeriod };
}
