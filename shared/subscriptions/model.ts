// The subscription entity (issue #15): something the customer pays for by period and keeps while paid: support &
// updates of a licence (`support`), or a service plan such as hosting (`service`, with its host or IP address). Owns
// its keys, its item (with its place in the daily job's schedule), `subscriptionItem` / `subscriptionFromItem`,
// `subscriptionPut` (the one way to write a changed subscription: conditional on the version read) and the view.
//
// Status is stored, because the daily job moves it and mails about it exactly once: active -> due (`dueWithinDays`
// before paid-until) -> overdue (from paid-until) -> suspended (`suspendAfterDays` after it); a renewal makes it active
// again. `cancelled` runs to paid-until and then `ended`; an immediate cancellation ends it at once.

import type { TransactItem } from '#shared/audit/audit.ts';
import { type ServiceTerms, billingSettings } from '#shared/billing/settings.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys, SK_PREFIX } from '#shared/db/keys.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import type { Money } from '#shared/money.ts';
import { type Period, wholeDaysLeft } from '#shared/subscriptions/periods.ts';
import { nextActionOn, scheduleShard } from '#shared/subscriptions/schedule.ts';
import {
  SUBSCRIPTION_KINDS,
  SUBSCRIPTION_STATUSES,
  subscriptionFields,
  type SubscriptionKind,
  type SubscriptionStatus,
} from '#shared/subscriptions/fields.ts';
import * as z from '#shared/validation.ts';

export { SUBSCRIPTION_KINDS, SUBSCRIPTION_STATUSES, type SubscriptionKind, type SubscriptionStatus };

/** What the subscription is attached to, as the services table shows it: an IP address, a host name or a licence serial. */
export interface SubscriptionIdentifier {
  kind: 'ip' | 'host' | 'serial';
  value: string;
}

export interface Subscription {
  /** A ULID of its start. For `support`, the id of the first support term (SupportSubscription) it continues. */
  subscriptionId: string;
  /** The licensee: whose service it is (a distributor may pay for it; the order then sits in the distributor's account). */
  accountId: string;
  kind: SubscriptionKind;
  /** The catalogue product (`remote-access`) and its name as bought. */
  productId: string;
  product: string;
  /** The plan: the catalogue SKU renewed (services) and what the table shows (the edition's name, "Business"). */
  sku: string;
  plan: string;
  /** Seats of the licence, or of the plan. */
  users: number;
  identifier?: SubscriptionIdentifier;
  /** The licence a support subscription covers. */
  licenceId?: string;
  period: Period;
  /** The net price of one period, in the account's currency: what a renewal charges per period. */
  price: Money;
  startedAt: string;
  /** Paid up to this instant; a renewal extends it from here (never from today), one period per period paid. */
  paidUntil: string;
  status: SubscriptionStatus;
  /** Renew from the balance when due, if the balance covers it (else the renewal recipients are mailed). */
  autoRenew: boolean;
  /** A cancellation at the period's end: when it was asked for (the subscription ends at paid-until). */
  cancelRequestedAt?: string;
  endedAt?: string;
  /**
   * An immediate cancellation that refunds several invoices is under way: set with its first refund, so nothing renews
   * or changes the subscription between that refund and the last, which ends it (shared/subscriptions/cancel.ts).
   */
  endingAt?: string;
  /** A downgrade that applies at the period's end (`services.downgrade = 'at-period-end'`). */
  pendingPlan?: { sku: string; plan: string; users: number; price: Money };
  /**
   * The VAT invoice that opened the current span (the start or the last renewal): what a cancellation's refund corrects,
   * with the invoices of `spanChanges`.
   */
  lastInvoice?: {
    /** The account that holds the invoice and paid it: the licensee, or a distributor that bought for it. Absent on
     * items written before it was recorded: the licensee's (or, failing that, its distributor's). */
    accountId?: string;
    invoiceId: string;
    number: string;
    orderId: string;
    /** The gross of the subscription's line on that invoice. */
    grossMinor: number;
    /** Where the span it paid begins (it ends at paid-until): several periods renewed at once are one span. */
    coversFrom?: string;
  };
  /**
   * The other parts of what paid the current span, oldest first: first the parts an early renewal carried over from the
   * span before it (each with `coversUntil`, the old paid-until: at most MAX_CARRIED_PARTS, dropped once no whole day of
   * them is left), then what changed the money paid after `lastInvoice`: an upgrade's VAT invoice, a credit-now
   * downgrade's credit (negative), at most MAX_SPAN_CHANGES. A renewal once paid-until has passed empties it.
   */
  spanChanges?: SpanChange[];
  /** The reminder days (30, 7, 1) already mailed for the current paid-until; emptied by a renewal. */
  remindersSent: number[];
  /** The last day the daily job tried auto-renew and could not (a mail went out): once per day at most. */
  autoRenewFailedOn?: string;
  /** The day (UTC) of the next thing the daily job must do for it; absent when nothing is left (ended). */
  nextActionOn?: string;
  /** Bumped by every write: each write is conditional on the version it read (subscriptionPut). */
  version: number;
  updatedAt: string;
}

/** A part of what paid the current span besides `lastInvoice` (see `Subscription.spanChanges` and shared/subscriptions/span.ts). */
/** An invoice of the span; `accountId` is absent on parts recorded before the payer was (the licensee's, or its distributor's). */
export type PartInvoice = Omit<SpanInvoice, 'accountId'> & { accountId?: string };

export interface SpanChange {
  /** `period`: the invoice that opened the span before an early renewal (its `lastInvoice`), carried over with it. */
  kind: 'upgrade' | 'credit' | 'period';
  /**
   * The invoice it belongs to, in the account that holds it: an upgrade's own VAT invoice; for a credit, the invoice
   * its correction corrected (absent for a credit made without a correction); for a period, the opening invoice (its
   * `accountId` absent when that `lastInvoice` had none: looked for as a cancellation looks for it).
   */
  invoice?: PartInvoice;
  /** The gross paid (an upgrade, a period) or credited (a credit: negative). */
  grossMinor: number;
  /** The first instant of the whole days it paid or credited. */
  coversFrom: string;
  /** Where those days end: the paid-until of the span an early renewal carried it from (absent: paid-until). */
  coversUntil?: string;
}

export interface SpanInvoice {
  accountId: string;
  invoiceId: string;
  number: string;
}

/** Plan changes one span may record: each upgrade's invoice is corrected on its own when cancelling, so they are few. */
export const MAX_SPAN_CHANGES = 4;

/**
 * Parts an early renewal may carry over from the spans before it (one whole span: its opening invoice and
 * MAX_SPAN_CHANGES changes). A renewal that would carry more is refused (RENEWED_AHEAD_LIMIT) until the oldest end: a
 * cancellation corrects each invoice on its own, so a span is paid by at most 1 + MAX_SPAN_CHANGES + this many parts.
 */
export const MAX_CARRIED_PARTS = 1 + MAX_SPAN_CHANGES;

/** What the services pages show: the subscription and its whole days left. */
export interface SubscriptionView extends Omit<Subscription, 'remindersSent' | 'autoRenewFailedOn' | 'nextActionOn' | 'version'> {
  daysLeft: number;
}

export const subscriptionKey = keys.subscription;
export const SUBSCRIPTION_PREFIX = SK_PREFIX.subscription;

const moneySchema = /* @__PURE__ */ lazySchema(() => z.object({ amountMinor: z.number(), currency: z.string() }));

const subscriptionSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    ...subscriptionFields(z.string(), moneySchema()),
    remindersSent: z.array(z.number()),
    autoRenewFailedOn: z.optional(z.string()),
    nextActionOn: z.optional(z.string()),
    version: z.number(),
  }),
);

/** The item, with its schedule place recomputed from its state (`nextActionOn` is derived, never set by hand). */
export function subscriptionItem(subscription: Subscription, terms: ServiceTerms = billingSettings().services): Item {
  const next = nextActionOn(subscription, terms);
  const { nextActionOn: _stale, ...rest } = subscription;
  return {
    ...subscriptionKey(subscription.accountId, subscription.subscriptionId),
    ...(next
      ? keys.subscriptionSchedule(scheduleShard(subscription.subscriptionId), next, subscription.accountId, subscription.subscriptionId)
      : {}),
    type: 'Subscription',
    ...rest,
    ...(next ? { nextActionOn: next } : {}),
  };
}

export function subscriptionFromItem(item: Item): Subscription {
  return parseItem('Subscription', subscriptionSchema, item);
}

/** A new subscription's Put (it must not exist yet). */
export function subscriptionCreate(subscription: Subscription): TransactItem {
  return {
    Put: { TableName: tableName(), Item: subscriptionItem(subscription), ConditionExpression: 'attribute_not_exists(PK)' },
  };
}

/**
 * The write of `next` over the subscription read as `read`: version + 1, conditional on the version still being
 * `read.version` (a racing change fails the condition: read again and retry, see transactWithRetry).
 */
export function subscriptionPut(read: Pick<Subscription, 'version'>, next: Subscription): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: subscriptionItem({ ...next, version: read.version + 1 }),
      ConditionExpression: 'version = :version',
      ExpressionAttributeValues: { ':version': read.version },
    },
  };
}

/** The account's subscription (consistent read); 404 when it has none of that id (foreign ids included). */
export async function getSubscription(accountId: string, subscriptionId: string): Promise<Subscription> {
  const found = await db().send(
    new GetCommand({ TableName: tableName(), Key: subscriptionKey(accountId, subscriptionId), ConsistentRead: true }),
  );
  if (!found.Item) throw new NotFoundError('The subscription was not found.');
  return subscriptionFromItem(found.Item);
}

export function toSubscriptionView(subscription: Subscription, at: Date): SubscriptionView {
  const { remindersSent: _r, autoRenewFailedOn: _f, nextActionOn: _n, version: _v, ...view } = subscription;
  return { ...view, daysLeft: wholeDaysLeft(subscription.paidUntil, at) };
}

/** May it be renewed now? Everything but an ended subscription (a cancelled one is revived by paying: it stays). */
/** Neither ended nor being ended by a cancellation under way (`endingAt`). */
export function isRenewable(subscription: Pick<Subscription, 'status' | 'endingAt'>): boolean {
  return subscription.status !== 'ended' && subscription.endingAt === undefined;
}
