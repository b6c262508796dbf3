// Cancelling a subscription (issue #15) per the stage's service terms (`billingSettings().services.cancel`):
// - 'at-period-end': it stays usable until paid-until, marked `cancelled`; the daily job ends it then. Until then the
//   customer may resume it (`resumeSubscription`).
// - 'immediate-refund': it ends now, and the whole days left of the period paid by its last VAT invoice go back to the
//   balance: `prorate` (the one proration rule) of that invoice's gross, as a correction invoice of it, through the
//   balance's exactly-once refund (shared/billing/refunds.ts). The subscription's end, its history event and (for
//   support) the licence's support end are written in the refund's own transaction, so there is never one without the
//   other, and 20 parallel cancellations refund once.
// A subscription whose paid-until has passed (overdue, suspended) ends now under either policy, with nothing to refund.

import type { NO_REFUND_REASONS } from '#shared/api/cancellations.ts';
import type { TransactItem } from '#shared/audit/audit.ts';
import { getInvoice } from '#shared/billing/invoice.ts';
import { correctionLines, getRefund, refundToBalance, remainingGross } from '#shared/billing/refunds.ts';
import { billingSettings, type ServiceTerms } from '#shared/billing/settings.ts';
import { taxLines } from '#shared/billing/tax.ts';
import { failedConditions } from '#shared/billing/transact.ts';
import { TransactWriteCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { ConflictError } from '#shared/http/errors.ts';
import { readLicence } from '#shared/licences/activations.ts';
import { licenceKey } from '#shared/licences/model.ts';
import type { Money } from '#shared/money.ts';
import { type SubscriptionEvent, subscriptionEventPut } from '#shared/subscriptions/events.ts';
import { getSubscription, type Subscription, type SubscriptionStatus, subscriptionPut } from '#shared/subscriptions/model.ts';
import { addDays, addPeriods, prorate } from '#shared/subscriptions/periods.ts';
import { listLicenceSupport } from '#shared/support/list-support.ts';
import { supportSubscriptionKey } from '#shared/support/model.ts';

export type CancelPolicy = ServiceTerms['cancel'];

/** Why an immediate cancellation refunds nothing. */
export type NoRefundReason = (typeof NO_REFUND_REASONS)[number];

export interface CancellationRefund extends Money {
  /** The gross credited to the balance: the correction invoice's total (see refunds.ts), what the customer accepts. */
  amountMinor: number;
  daysLeft: number;
  daysInPeriod: number;
  /** The VAT invoice the correction corrects (the one that paid the current period). */
  corrects: { invoiceId: string; number: string };
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

interface Plan extends CancellationPreview {
  /** What refundToBalance is asked for (the correction's gross may be a unit less: `refund.amountMinor`). */
  requestedMinor?: number;
}

export interface CancellationResult {
  subscription: Subscription;
  refund?: Money & { correction?: { invoiceId: string; number: string } };
  /** True when this answers a cancellation already applied by an identical request (a double click). */
  replayed: boolean;
}

export interface CancelInput {
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
  /** How the transaction is written: an audited staff route passes `(items) => audit.commit({ ..., items })`. */
  write?: (items: TransactItem[]) => Promise<unknown>;
}

/** A racing change (a renewal, the daily job) moved the subscription: read again and plan again, this many times. */
const MAX_ATTEMPTS = 5;

/** The refund's key: once per subscription and paid-until (a renewed-then-cancelled period is another source). */
export function cancellationRefundSource(subscription: Pick<Subscription, 'subscriptionId' | 'paidUntil'>): string {
  return `subscription#${subscription.subscriptionId}#${subscription.paidUntil.slice(0, 10)}`;
}

const ended = () => new ConflictError('This subscription has already ended.', 'SUBSCRIPTION_ENDED');

/** What a cancellation now would do: when it ends and what goes back to the balance (a few reads, no writes). */
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
  const paid = subscription.lastInvoice;
  if (!paid) return { ...base, noRefund: 'NO_INVOICE' };
  const share = prorate({
    amountMinor: paid.grossMinor,
    periodStart: addPeriods(subscription.paidUntil, subscription.period, -1),
    periodEnd: subscription.paidUntil,
    at,
  });
  if (share.amountMinor <= 0) return { ...base, noRefund: 'PERIOD_OVER' };
  const original = await getInvoice(subscription.accountId, paid.invoiceId, true);
  if (!original || original.kind !== 'vat') return { ...base, noRefund: 'NO_INVOICE' };
  const refund = {
    currency: original.currency,
    daysLeft: share.daysLeft,
    daysInPeriod: share.daysInPeriod,
    corrects: { invoiceId: original.invoiceId, number: original.number },
  };
  // A cancellation racing this one refunded the period already (read after the invoice, so its correction is seen
  // either here or not at all): answer what it asked and credited, which refundToBalance then replays.
  const earlier = await getRefund(cancellationRefundSource(subscription));
  if (earlier) return { ...base, requestedMinor: earlier.requestedMinor, refund: { ...refund, amountMinor: earlier.amountMinor } };
  // Never more than the invoice still bills (staff may have corrected it already).
  const remaining = await remainingGross(original);
  const requestedMinor = Math.min(share.amountMinor, remaining);
  if (requestedMinor <= 0) return { ...base, noRefund: 'NOTHING_LEFT' };
  // What refundToBalance will credit: the gross of the correction it will issue (a unit less when the VAT rate cannot
  // reach the amount exactly), so the customer accepts the very amount the balance receives.
  const lines = correctionLines(original, requestedMinor, remaining, '');
  const credited = -taxLines(
    lines.map((line) => line.unitNetMinor * line.quantity),
    original.tax,
  ).totals.grossMinor;
  return { ...base, requestedMinor, refund: { ...refund, amountMinor: credited } };
}

function policyFor(input: Pick<CancelInput, 'refund'>): CancelPolicy {
  if (input.refund === undefined) return billingSettings().services.cancel;
  return input.refund ? 'immediate-refund' : 'at-period-end';
}

/** The preview the cancel panel shows before the customer confirms. */
export async function cancellationPreview(accountId: string, subscriptionId: string, at: Date): Promise<CancellationPreview> {
  const subscription = await getSubscription(accountId, subscriptionId);
  const { requestedMinor: _asked, ...preview } = await planCancellation(subscription, at, billingSettings().services.cancel);
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
  const support = await supportEndItems(read, at);
  const own = (refundItems: readonly TransactItem[]): TransactItem[] => {
    const correction = correctionIn(refundItems);
    const event: Omit<SubscriptionEvent, 'eventId'> = {
      subscriptionId: read.subscriptionId,
      kind: 'cancelled',
      at: iso,
      by,
      paidUntil: { from: read.paidUntil, to: paidUntil },
      status: { from: read.status, to: 'ended' },
      ...(correction
        ? {
            invoice: { invoiceId: correction.invoiceId, number: correction.number },
            amount: { amountMinor: correction.grossMinor, currency: plan.refund!.currency },
          }
        : {}),
      ...(input.reason ? { reason: input.reason } : {}),
    };
    return [subscriptionPut(read, next), subscriptionEventPut(read.accountId, event), ...support];
  };

  if (!plan.refund || plan.requestedMinor === undefined) {
    await writeOwn(write, own([]));
    return { subscription: { ...next, version: read.version + 1 }, replayed: false };
  }
  /** Where the subscription's write sits in the refund's transaction (after the refund's own items). */
  let ownAt = -1;
  try {
    const { refund, replayed } = await refundToBalance({
      accountId: read.accountId,
      sourceKey: cancellationRefundSource(read),
      label: `${read.product} ${read.plan}`,
      amountMinor: plan.requestedMinor,
      currency: plan.refund.currency,
      reason: [
        `Cancellation of ${read.product} ${read.plan}: ${plan.refund.daysLeft}/${plan.refund.daysInPeriod} days unused`,
        input.reason,
      ]
        .filter(Boolean)
        .join(' - '),
      correction: { invoiceId: plan.refund.corrects.invoiceId },
      at,
      write: (items) => {
        ownAt = items.length;
        return write([...items, ...own(items)]);
      },
    });
    const money = {
      amountMinor: refund.amountMinor,
      currency: refund.currency,
      ...(refund.correction ? { correction: refund.correction } : {}),
    };
    // A replay: the first cancellation ended it in its transaction; answer what is stored now.
    const subscription = replayed ? await getSubscription(read.accountId, read.subscriptionId) : { ...next, version: read.version + 1 };
    return { subscription, refund: money, replayed };
  } catch (error) {
    if (ownAt >= 0 && failedConditions(error).has(ownAt)) throw new Raced();
    if (ownAt >= 0 && [...failedConditions(error)].some((index) => index > ownAt + 1)) throw supportBusy();
    throw error;
  }
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
