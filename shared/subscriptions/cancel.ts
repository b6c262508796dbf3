// Cancelling a subscription (issue #15) per the stage's service terms (`billingSettings().services.cancel`):
// - 'at-period-end': it stays usable until paid-until, marked `cancelled`; the daily job ends it then. Until then the
//   customer may resume it (`resumeSubscription`).
// - 'immediate-refund': it ends now, and the unused days of every invoice that paid the current span go back
//   (shared/subscriptions/span.ts: the span's opening invoice, an upgrade's invoice, less a downgrade's credit, each
//   prorated by the one proration rule). Each invoice gets its own correction through the balance's exactly-once refund
//   (shared/billing/refunds.ts, its own source key), credited to the account that holds it: the payer, which is a
//   distributor when it bought for its client. The refunds are written one after the other; every one but the last also
//   marks the subscription `endingAt` (conditional on its version), so no renewal or plan change lands between them
//   (isRenewable is false from then on; a bank transfer paying one goes to the balance), and the last carries the subscription's end, its history event and
//   (for support) the licence's support end, so there is never an end without its refunds, a retry finds the earlier
//   refunds done (and answers them again), and 20 parallel cancellations refund each invoice once.
// A subscription whose paid-until has passed (overdue, suspended) ends now under either policy, with nothing to refund.
// Who cancels: the licensee's owner or billing user, or its distributor's (`clientId`); a distributor's client may not
// cancel what its distributor paid for (403 ORDERED_BY_DISTRIBUTOR, as with renewals).

import { type Account, getAccount } from '#shared/accounts/account.ts';
import { assertMayOrderForItself, viewedAccount } from '#shared/accounts/distributors.ts';
import type { NO_REFUND_REASONS } from '#shared/api/cancellations.ts';
import type { TransactItem } from '#shared/audit/audit.ts';
import { getInvoice, type Invoice, invoiceLocale } from '#shared/billing/invoice.ts';
import { correctionLines, getRefund, type RefundRecord, refundToBalance, remainingGross } from '#shared/billing/refunds.ts';
import { billingSettings, type ServiceTerms } from '#shared/billing/settings.ts';
import { taxLines } from '#shared/billing/tax.ts';
import { failedConditions } from '#shared/billing/transact.ts';
import { TransactWriteCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { ConflictError } from '#shared/http/errors.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import { readLicence } from '#shared/licences/activations.ts';
import { licenceKey } from '#shared/licences/model.ts';
import type { Money } from '#shared/money.ts';
import { type SubscriptionEvent, subscriptionEventPut } from '#shared/subscriptions/events.ts';
import {
  getSubscription,
  type SpanInvoice,
  type Subscription,
  type SubscriptionStatus,
  subscriptionPut,
} from '#shared/subscriptions/model.ts';
import { cancellationText, type LineNote, noteText } from '#shared/subscriptions/line-text.ts';
import { addDays } from '#shared/subscriptions/periods.ts';
import { type InvoiceShare, type PartInvoice, spanParts, spanRefund } from '#shared/subscriptions/span.ts';
import { listLicenceSupport } from '#shared/support/list-support.ts';
import { supportSubscriptionKey } from '#shared/support/model.ts';

export type CancelPolicy = ServiceTerms['cancel'];

/** Why an immediate cancellation refunds nothing. */
export type NoRefundReason = (typeof NO_REFUND_REASONS)[number];

/** One invoice of the span, corrected by its own correction and credited to the account that holds it. */
export interface CorrectedInvoice extends SpanInvoice {
  /** The gross credited: the correction's total (a unit less than the prorated share when VAT cannot reach it). */
  amountMinor: number;
}

export interface CancellationRefund extends Money {
  /** The gross credited in all: the corrections' totals (see refunds.ts), what the customer accepts. */
  amountMinor: number;
  /** Whole days left of the span, and the days it covers (from its oldest part: before an early renewal, the old span's). */
  daysLeft: number;
  daysInPeriod: number;
  /** The VAT invoices corrected (those an early renewal carried over, the span's opening invoice, an upgrade's), in the span's order. */
  corrects: CorrectedInvoice[];
}

export interface CancellationPreview {
  subscription: Subscription;
  /** The stage's policy. */
  policy: CancelPolicy;
  /** When it ends if cancelled now: at paid-until, or now. */
  ends: 'at-period-end' | 'now';
  /** Paid-until for a cancellation at the period's end (or when it ended); absent when it would end now. */
  endsAt?: string;
  /** False once ended (409 SUBSCRIPTION_ENDED), or when a period-end cancellation is already asked for under that policy. */
  cancellable: boolean;
  refund?: CancellationRefund;
  noRefund?: NoRefundReason;
}

/** One refund as planned: the invoice, what refundToBalance is asked for and what it credits (the correction's gross). */
interface PlannedRefund {
  invoice: SpanInvoice;
  requestedMinor: number;
  amountMinor: number;
  /** The language the corrected invoice is printed in: its correction's line and reason are written in it. */
  locale: Locale;
}

interface Plan extends CancellationPreview {
  /** The refunds to write, one per invoice, in the span's order. */
  refunds?: PlannedRefund[];
}

export interface CancellationResult {
  subscription: Subscription;
  /** The total credited and each correction (in its payer's account). */
  refund?: Money & { corrections: CorrectedInvoice[] };
  /** True when this answers a cancellation already applied by an identical request (a double click). */
  replayed: boolean;
}

export interface CancelInput {
  /** The licensee: the subscription's account. */
  accountId: string;
  subscriptionId: string;
  at: Date;
  by: 'customer' | 'staff';
  /** Shown with the refund in the ledger and printed on the correction invoice. */
  reason?: string;
  /** The refund the customer saw and accepted (minor units; 0 = none): 409 REFUND_CHANGED when it differs now. */
  acceptedRefundMinor?: number;
  /** Staff only: override the stage's policy (true: end now with the refund; false: at the period's end). */
  refund?: boolean;
  /** How the last transaction is written: an audited staff route passes `(items) => audit.commit({ ..., items })`. */
  write?: (items: TransactItem[]) => Promise<unknown>;
  /**
   * The licensee's own account when a distributor's client cancels (see `cancellingAs`): it may not cancel a span its
   * distributor paid (403 ORDERED_BY_DISTRIBUTOR).
   */
  client?: Pick<Account, 'accountId' | 'distributorId'>;
}

/** A racing change (a renewal, the daily job) moved the subscription: read again and plan again, this many times. */
const MAX_ATTEMPTS = 5;

/**
 * A refund's key: once per subscription, paid-until and invoice (a renewed-then-cancelled span is another source; each
 * invoice of the span is refunded once).
 */
export function cancellationRefundSource(subscription: Pick<Subscription, 'subscriptionId' | 'paidUntil'>, invoiceId: string): string {
  return `subscription#${subscription.subscriptionId}#${subscription.paidUntil.slice(0, 10)}#${invoiceId}`;
}

const ended = () => new ConflictError('This subscription has already ended.', 'SUBSCRIPTION_ENDED');

/**
 * Whose subscription a customer's user cancels: its own account's, or (a distributor's user) a client's named by
 * `clientId` (404 for any other account). A distributor's client comes back as `client`, for the payer check.
 */
export async function cancellingAs(
  callerAccountId: string,
  clientId: string | undefined,
): Promise<{ accountId: string; client?: Pick<Account, 'accountId' | 'distributorId'> }> {
  if (clientId && clientId !== callerAccountId) {
    const client = await viewedAccount(callerAccountId, clientId);
    return { accountId: client.accountId };
  }
  const account = await getAccount(callerAccountId);
  return { accountId: callerAccountId, ...(account?.distributorId ? { client: account } : {}) };
}

/** A distributor's client may cancel what it paid itself, not a span its distributor paid (the payer decides). */
async function assertMayCancel(subscription: Subscription, client: CancelInput['client']): Promise<void> {
  if (!client?.distributorId) return;
  const paidByAnother = spanParts(subscription).some(
    (part) => part.invoice?.accountId !== undefined && part.invoice.accountId !== subscription.accountId,
  );
  if (paidByAnother) await assertMayOrderForItself(client);
}

/**
 * The invoice in the account that holds it. A part recorded before its payer was is looked for in the licensee's
 * account, then in its distributor's (which may have paid it for its client).
 */
async function findInvoice(subscription: Subscription, invoice: PartInvoice): Promise<Invoice | undefined> {
  if (invoice.accountId) return getInvoice(invoice.accountId, invoice.invoiceId, true);
  const own = await getInvoice(subscription.accountId, invoice.invoiceId, true);
  if (own) return own;
  const licensee = await getAccount(subscription.accountId);
  return licensee?.distributorId ? getInvoice(licensee.distributorId, invoice.invoiceId, true) : undefined;
}

/** One invoice's refund as it would be written now; `missing` (no such VAT invoice) or `nothing` (nothing left of it). */
async function planShare(subscription: Subscription, share: InvoiceShare): Promise<PlannedRefund | 'missing' | 'nothing'> {
  const original = await findInvoice(subscription, share.invoice);
  if (!original || original.kind !== 'vat' || original.currency !== subscription.price.currency) return 'missing';
  const invoice = { accountId: original.accountId, invoiceId: original.invoiceId, number: original.number };
  const locale = invoiceLocale(original);
  // A cancellation racing this one refunded this invoice already (read after the invoice, so its correction is seen
  // either here or not at all): answer what it asked and credited, which refundToBalance then replays.
  const earlier = await getRefund(cancellationRefundSource(subscription, original.invoiceId));
  if (earlier) return { invoice, requestedMinor: earlier.requestedMinor, amountMinor: earlier.amountMinor, locale };
  // Never more than the invoice still bills (staff, or a downgrade's credit, may have corrected it already).
  const remaining = await remainingGross(original);
  const requestedMinor = Math.min(share.amountMinor, remaining);
  if (requestedMinor <= 0) return 'nothing';
  // What refundToBalance will credit: the gross of the correction it will issue (a unit less when the VAT rate cannot
  // reach the amount exactly), so the customer accepts the very amount the balance receives.
  const lines = correctionLines(original, requestedMinor, remaining, '');
  const credited = -taxLines(
    lines.map((line) => line.unitNetMinor * line.quantity),
    original.tax,
  ).totals.grossMinor;
  return credited > 0 ? { invoice, requestedMinor, amountMinor: credited, locale } : 'nothing';
}

/** What a cancellation now would do: when it ends and what goes back to which balance (a few reads per invoice, no writes). */
async function planCancellation(subscription: Subscription, at: Date, policy: CancelPolicy): Promise<Plan> {
  const over = new Date(subscription.paidUntil) <= at;
  const ends = policy === 'immediate-refund' || over ? 'now' : 'at-period-end';
  const base = {
    subscription,
    policy,
    ends,
    ...(subscription.status === 'ended'
      ? { endsAt: subscription.endedAt ?? subscription.paidUntil }
      : ends === 'at-period-end'
        ? { endsAt: subscription.paidUntil }
        : {}),
    cancellable: subscription.status !== 'ended' && !(ends === 'at-period-end' && subscription.status === 'cancelled'),
  } satisfies CancellationPreview;
  if (ends === 'at-period-end' || subscription.status === 'ended') return base;
  const parts = spanParts(subscription);
  if (!parts.some((part) => part.invoice)) return { ...base, noRefund: 'NO_INVOICE' };
  const owed = spanRefund(parts, subscription.paidUntil, at);
  if (owed.totalMinor <= 0) return { ...base, noRefund: 'PERIOD_OVER' };
  const planned = await Promise.all(owed.shares.map((share) => planShare(subscription, share)));
  const refunds = planned.filter((refund): refund is PlannedRefund => typeof refund === 'object');
  if (planned.every((refund) => refund === 'missing')) return { ...base, noRefund: 'NO_INVOICE' };
  if (refunds.length === 0) return { ...base, noRefund: 'NOTHING_LEFT' };
  const refund: CancellationRefund = {
    amountMinor: refunds.reduce((sum, one) => sum + one.amountMinor, 0),
    currency: subscription.price.currency,
    daysLeft: owed.daysLeft,
    daysInPeriod: owed.daysInPeriod,
    corrects: refunds.map((one) => ({ ...one.invoice, amountMinor: one.amountMinor })),
  };
  return { ...base, refund, refunds };
}

function policyFor(input: Pick<CancelInput, 'refund'>): CancelPolicy {
  if (input.refund === undefined) return billingSettings().services.cancel;
  return input.refund ? 'immediate-refund' : 'at-period-end';
}

/** The preview the cancel panel shows before the customer confirms (`client`: see CancelInput). */
export async function cancellationPreview(
  accountId: string,
  subscriptionId: string,
  at: Date,
  client?: CancelInput['client'],
): Promise<CancellationPreview> {
  const subscription = await getSubscription(accountId, subscriptionId);
  await assertMayCancel(subscription, client);
  const { refunds: _planned, ...preview } = await planCancellation(subscription, at, billingSettings().services.cancel);
  return preview;
}

/** For `support`: the licence's support and every support term still running end now (each conditional on its read). */
async function supportEndItems(subscription: Subscription, at: Date): Promise<TransactItem[]> {
  if (subscription.kind !== 'support' || !subscription.licenceId) return [];
  const endsAt = at.toISOString();
  const [licence, terms] = await Promise.all([
    readLicence(subscription.accountId, subscription.licenceId),
    listLicenceSupport(subscription.accountId, subscription.licenceId, at),
  ]);
  const TableName = tableName();
  const items: TransactItem[] = [];
  if (licence?.supportEndsAt && licence.supportEndsAt > endsAt) {
    items.push({
      Update: {
        TableName,
        Key: licenceKey(subscription.accountId, licence.licenceId),
        UpdateExpression: 'SET supportEndsAt = :ends',
        ConditionExpression: 'attribute_exists(PK) AND supportEndsAt = :was',
        ExpressionAttributeValues: { ':ends': endsAt, ':was': licence.supportEndsAt },
      },
    });
  }
  for (const term of terms) {
    if (term.endsAt <= endsAt) continue;
    // A term bought ahead (starting later) ends where it starts: it never runs.
    const termEnd = [endsAt, term.startsAt].sort()[1]!;
    items.push({
      Update: {
        TableName,
        Key: supportSubscriptionKey(subscription.accountId, term.subscriptionId),
        UpdateExpression: 'SET endsAt = :ends',
        ConditionExpression: 'endsAt = :was',
        ExpressionAttributeValues: { ':ends': termEnd, ':was': term.endsAt },
      },
    });
  }
  return items;
}

/** The correction invoice among a refund's items (refunds.ts builds it): the history event names it. */
function correctionIn(items: readonly TransactItem[]): { invoiceId: string; number: string; grossMinor: number } | undefined {
  for (const item of items) {
    const put = item.Put?.Item as
      | { type?: string; kind?: string; invoiceId?: string; number?: string; totals?: { grossMinor: number } }
      | undefined;
    if (put?.type === 'Invoice' && put.kind === 'correction' && put.invoiceId && put.number && put.totals) {
      return { invoiceId: put.invoiceId, number: put.number, grossMinor: put.totals.grossMinor };
    }
  }
  return undefined;
}

const defaultWrite = (items: TransactItem[]) => db().send(new TransactWriteCommand({ TransactItems: items }));

/** One attempt on the subscription as read; a lost race with another writer of it throws `Raced`. */
class Raced extends Error {}

async function attempt(input: CancelInput, read: Subscription): Promise<CancellationResult> {
  const { at, by } = input;
  const policy = policyFor(input);
  await assertMayCancel(read, input.client);
  const plan = await planCancellation(read, at, policy);
  if (read.status === 'ended') throw ended();
  const shown = plan.refund?.amountMinor ?? 0;
  if (input.acceptedRefundMinor !== undefined && input.acceptedRefundMinor !== shown) {
    throw new ConflictError('What the cancellation refunds has changed since you saw it: look again.', 'REFUND_CHANGED', {
      refundMinor: shown,
      ...(plan.refund ? { currency: plan.refund.currency } : {}),
    });
  }
  // Asked again while it already runs to the period's end: nothing to change (a double click).
  if (!plan.cancellable) return { subscription: read, replayed: true };
  const write = input.write ?? defaultWrite;
  const iso = at.toISOString();

  if (plan.ends === 'at-period-end') {
    const next: Subscription = { ...read, status: 'cancelled', cancelRequestedAt: iso, updatedAt: iso };
    delete next.pendingPlan;
    const items = [
      subscriptionPut(read, next),
      subscriptionEventPut(read.accountId, {
        subscriptionId: read.subscriptionId,
        kind: 'cancel-requested',
        at: iso,
        by,
        status: { from: read.status, to: 'cancelled' },
        ...(input.reason ? { reason: input.reason } : {}),
      }),
    ];
    await writeOwn(write, items);
    return { subscription: { ...next, version: read.version + 1 }, replayed: false };
  }

  const paidUntil = new Date(read.paidUntil) < at ? read.paidUntil : iso;
  const next: Subscription = { ...read, status: 'ended', endedAt: iso, paidUntil, updatedAt: iso };
  delete next.pendingPlan;
  delete next.endingAt;
  /** The subscription as the transactions so far left it: an earlier refund marks it `endingAt` (a new version). */
  let current = read;
  const support = await supportEndItems(read, at);
  /** The refunds written so far, in order (before the last one's transaction: the earlier ones). */
  const written: RefundRecord[] = [];
  const own = (refundItems: readonly TransactItem[], accountId?: string): TransactItem[] => {
    const correction = correctionIn(refundItems);
    const currency = plan.refund?.currency ?? read.price.currency;
    // The history names every correction (the earlier refunds' and this transaction's), each with the account that
    // holds it and what it credited, and the whole amount credited.
    const corrections: NonNullable<SubscriptionEvent['corrections']> = [
      ...written.flatMap((refund) =>
        refund.correction
          ? [{ accountId: refund.accountId, ...refund.correction, amount: { amountMinor: -refund.amountMinor, currency } }]
          : [],
      ),
      ...(correction
        ? [
            {
              ...(accountId ? { accountId } : {}),
              invoiceId: correction.invoiceId,
              number: correction.number,
              amount: { amountMinor: correction.grossMinor, currency },
            },
          ]
        : []),
    ];
    const creditedMinor = written.reduce((sum, refund) => sum + refund.amountMinor, -(correction?.grossMinor ?? 0));
    const event: Omit<SubscriptionEvent, 'eventId'> = {
      subscriptionId: read.subscriptionId,
      kind: 'cancelled',
      at: iso,
      by,
      paidUntil: { from: read.paidUntil, to: paidUntil },
      status: { from: read.status, to: 'ended' },
      ...(corrections.length ? { corrections, amount: { amountMinor: -creditedMinor, currency } } : {}),
      ...(input.reason ? { reason: input.reason } : {}),
    };
    return [subscriptionPut(current, next), subscriptionEventPut(read.accountId, event), ...support];
  };

  if (!plan.refund || !plan.refunds?.length) {
    await writeOwn(write, own([]));
    return { subscription: { ...next, version: read.version + 1 }, replayed: false };
  }
  const refunds = plan.refunds;
  const currency = plan.refund.currency;
  // What the refund is for, as facts: each correction prints it in its invoice's language, and the ledger keeps it so
  // the balance page shows it in the reader's.
  const note: LineNote = {
    product: read.product,
    text: cancellationText(read.plan, plan.refund),
    ...(input.reason ? { reason: input.reason } : {}),
  };
  /** Where the subscription's write (the last refund) or its version guard (an earlier one) sits in the transaction. */
  let ownAt = -1;
  let guardAt = -1;
  let replayed = false;
  try {
    for (const [index, planned] of refunds.entries()) {
      const last = index === refunds.length - 1;
      ownAt = -1;
      guardAt = -1;
      const done = await refundToBalance({
        accountId: planned.invoice.accountId,
        sourceKey: cancellationRefundSource(read, planned.invoice.invoiceId),
        label: `${read.product} ${read.plan}`,
        amountMinor: planned.requestedMinor,
        currency,
        reason: noteText(note, planned.locale),
        note,
        correction: { invoiceId: planned.invoice.invoiceId },
        at,
        write: last
          ? (items) => {
              ownAt = items.length;
              return write([...items, ...own(items, planned.invoice.accountId)]);
            }
          : async (items) => {
              // Marks it as being ended (conditional on the version planned on): a renewal or plan change paid
              // before the last refund now fails its own condition and finds it no longer renewable.
              guardAt = items.length;
              const marked: Subscription = { ...current, endingAt: current.endingAt ?? iso, updatedAt: iso };
              await defaultWrite([...items, subscriptionPut(current, marked)]);
              current = { ...marked, version: current.version + 1 };
            },
      });
      written.push(done.refund);
      if (last) replayed = done.replayed;
    }
  } catch (error) {
    const failed = failedConditions(error);
    if ((ownAt >= 0 && failed.has(ownAt)) || (guardAt >= 0 && failed.has(guardAt))) throw new Raced();
    if (ownAt >= 0 && [...failed].some((index) => index > ownAt + 1)) throw supportBusy();
    throw error;
  }
  const corrections = written.flatMap((refund) =>
    refund.correction ? [{ accountId: refund.accountId, ...refund.correction, amountMinor: refund.amountMinor }] : [],
  );
  const money = { amountMinor: written.reduce((sum, refund) => sum + refund.amountMinor, 0), currency, corrections };
  // A replay: the first cancellation ended it in its transaction; answer what is stored now.
  const subscription = replayed ? await getSubscription(read.accountId, read.subscriptionId) : { ...next, version: read.version + 1 };
  return { subscription, refund: money, replayed };
}

const supportBusy = () => new ConflictError('The licence’s support was being changed at the same time. Try again.', 'SUPPORT_BUSY');

/** Writes the subscription's own items: its version's condition failing means another writer came first. */
async function writeOwn(write: (items: TransactItem[]) => Promise<unknown>, items: TransactItem[]): Promise<void> {
  try {
    await write(items);
  } catch (error) {
    const failed = failedConditions(error);
    if (failed.has(0)) throw new Raced();
    if (failed.size > 0) throw supportBusy();
    throw error;
  }
}

/** Cancels per the policy (or staff's choice); see the module comment. */
export async function cancelSubscription(input: CancelInput): Promise<CancellationResult> {
  for (let attemptNo = 1; ; attemptNo += 1) {
    const read = await getSubscription(input.accountId, input.subscriptionId);
    try {
      return await attempt(input, read);
    } catch (error) {
      if (!(error instanceof Raced)) throw error;
      if (attemptNo >= MAX_ATTEMPTS) {
        throw new ConflictError('The subscription was being changed at the same time. Try again.', 'SUBSCRIPTION_BUSY');
      }
    }
  }
}

/** The status a resumed subscription returns to: due within the due days of paid-until, else active. */
function runningStatus(subscription: Subscription, at: Date, terms: ServiceTerms): SubscriptionStatus {
  return addDays(subscription.paidUntil, -terms.dueWithinDays) <= at ? 'due' : 'active';
}

/** Undoes a cancellation at the period's end before the period ends. */
export async function resumeSubscription(input: {
  accountId: string;
  subscriptionId: string;
  at: Date;
  by: 'customer' | 'staff';
}): Promise<Subscription> {
  for (let attemptNo = 1; ; attemptNo += 1) {
    const read = await getSubscription(input.accountId, input.subscriptionId);
    if (read.status === 'ended') throw ended();
    if (read.status !== 'cancelled') throw new ConflictError('This subscription is not cancelled.', 'NOT_CANCELLED');
    if (new Date(read.paidUntil) <= input.at) {
      throw new ConflictError('The paid period is over: renew the subscription instead.', 'RESUME_TOO_LATE');
    }
    const iso = input.at.toISOString();
    const to = runningStatus(read, input.at, billingSettings().services);
    const next: Subscription = { ...read, status: to, updatedAt: iso };
    delete next.cancelRequestedAt;
    try {
      await writeOwn(defaultWrite, [
        subscriptionPut(read, next),
        subscriptionEventPut(read.accountId, {
          subscriptionId: read.subscriptionId,
          kind: 'status-changed',
          at: iso,
          by: input.by,
          status: { from: 'cancelled', to },
        }),
      ]);
      return { ...next, version: read.version + 1 };
    } catch (error) {
      if (!(error instanceof Raced) || attemptNo >= MAX_ATTEMPTS) {
        throw error instanceof Raced
          ? new ConflictError('The subscription was being changed at the same time. Try again.', 'SUBSCRIPTION_BUSY')
          : error;
      }
    }
  }
}
