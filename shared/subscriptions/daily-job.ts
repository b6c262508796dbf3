// The daily subscription job (issue #15): reminds before paid-until, renews from the balance where auto-renew is on,
// moves unpaid subscriptions due -> overdue -> suspended, ends cancelled ones at paid-until and applies downgrades
// that wait for the period's end. It reads only what is due: the schedule partitions of GSI2 (schedule.ts) up to
// today, a bounded number of pages per run (never a Scan); what a run leaves waits for the next (`more: true`).
//
// Each change of a subscription is one transaction: its write, conditional on the version read (subscriptionPut),
// with its history event. A lost race (or a stale index entry) skips it: the next run sees it again. Mail leaves only
// after the write succeeded, at most one per subscription and run (the latest news), so a second run on the same day
// finds nothing due and mails nothing.

import { type ServiceTerms, billingSettings } from '#shared/billing/settings.ts';
import { failedConditions, isTransactionConflict } from '#shared/billing/transact.ts';
import { config } from '#shared/config.ts';
import { TransactWriteCommand } from '#shared/db/commands.ts';
import { db } from '#shared/db/client.ts';
import type { Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { queryPage } from '#shared/db/page.ts';
import { formatDay, formatMoney } from '#shared/i18n/format.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import type { Mail } from '#shared/mail/mail.ts';
import { distributorNotices } from '#shared/mail/shop-messages/distributor-notices.ts';
import { shopMailMessages } from '#shared/mail/shop-messages/index.ts';
import { withFooter } from '#shared/mail/templates.ts';
import { mailAccount } from '#shared/notifications/send.ts';
import { logger } from '#shared/observability/logger.ts';
import { getAccount } from '#shared/accounts/account.ts';
import { type DistributorContact, distributorOf } from '#shared/accounts/distributors.ts';
import { type AutoRenewFailure, type AutoRenewer, type AutoRenewPayer, autoRenewFromBalance } from '#shared/subscriptions/auto-renew.ts';
import { type SubscriptionEvent, subscriptionEventPut } from '#shared/subscriptions/events.ts';
import { getSubscription, type Subscription, subscriptionFromItem, subscriptionPut } from '#shared/subscriptions/model.ts';
import { addDays, dayOf, wholeDaysLeft } from '#shared/subscriptions/periods.ts';
import { renewedPlan } from '#shared/subscriptions/renewal.ts';
import { actionsDue, SCHEDULE_SHARDS, type ScheduledStep } from '#shared/subscriptions/schedule.ts';
import { serviceLink, serviceName } from '#shared/subscriptions/service-mail.ts';

/** Subscriptions per Query, and Queries per shard in one run: a run reads at most 4 × 10 × 100 = 4,000. */
export const JOB_PAGE_SIZE = 100;
export const JOB_MAX_PAGES_PER_SHARD = 10;
/** Subscriptions handled at once (each a few reads and one to three writes). */
export const JOB_CONCURRENCY = 8;
/** A run stops starting subscriptions when less time than this is left of its invocation (they wait for the next). */
export const JOB_TIME_MARGIN_MS = 2_500;
/** Changes of one subscription in one run at most (a long-missed one catches up: reminders, due, overdue, suspended). */
const MAX_STEPS = 8;

export interface SubscriptionJobCounts {
  examined: number;
  reminded: number;
  markedDue: number;
  markedOverdue: number;
  suspended: number;
  ended: number;
  autoRenewed: number;
  autoRenewFailed: number;
  plansApplied: number;
  /** Lost a race (changed since the index was read), or failed: left in the schedule for the next run. */
  skipped: number;
}

export interface SubscriptionJobRun extends SubscriptionJobCounts {
  /** Queries made (all shards). */
  pages: number;
  /** Due subscriptions were left for the next run (page or time limit). */
  more: boolean;
}

export interface SubscriptionJobOptions {
  /** The run's instant: its UTC day is "today". */
  at: Date;
  pageSize?: number;
  maxPagesPerShard?: number;
  /** Milliseconds left of the invocation (the Lambda context's); without it, no time limit. */
  timeLeftMs?: () => number;
  /** How auto-renew renews (default: an order paid from the balance). */
  renew?: AutoRenewer;
}

/** What the customer is told after a run's changes of one subscription (the latest of them). */
export type SubscriptionNotice =
  | { kind: 'reminder' }
  | { kind: 'auto-renew-failed'; reason: AutoRenewFailure; payer?: AutoRenewPayer }
  | { kind: 'overdue'; autoRenewFailed?: AutoRenewFailure; payer?: AutoRenewPayer }
  | { kind: 'suspended' };

type Counted = Exclude<keyof SubscriptionJobCounts, 'examined' | 'skipped' | 'autoRenewed'>;

/** One change: the next state, its events, what it counts as, and what it tells the customer. */
interface Change {
  next: Subscription;
  events: Array<Omit<SubscriptionEvent, 'eventId'>>;
  counts: Counted[];
  notice?: SubscriptionNotice;
}

interface RunContext {
  at: Date;
  today: string;
  terms: ServiceTerms;
  renew: AutoRenewer;
  counts: SubscriptionJobCounts;
}

/** The partition of one schedule shard (the key builder's, never written twice). */
function schedulePartition(shard: number): string {
  return keys.subscriptionSchedule(shard, '', '', '').GSI2PK;
}

/** The counts of a run that changed nothing. */
export function noChanges(): SubscriptionJobCounts {
  return {
    examined: 0,
    reminded: 0,
    markedDue: 0,
    markedOverdue: 0,
    suspended: 0,
    ended: 0,
    autoRenewed: 0,
    autoRenewFailed: 0,
    plansApplied: 0,
    skipped: 0,
  };
}

export async function runSubscriptionJob(options: SubscriptionJobOptions): Promise<SubscriptionJobRun> {
  const { at, pageSize = JOB_PAGE_SIZE, maxPagesPerShard = JOB_MAX_PAGES_PER_SHARD } = options;
  const counts = noChanges();
  const today = dayOf(at);
  const context: RunContext = { at, today, terms: billingSettings().services, renew: options.renew ?? autoRenewFromBalance, counts };
  const outOfTime = () => options.timeLeftMs !== undefined && options.timeLeftMs() < JOB_TIME_MARGIN_MS;
  let pages = 0;
  let more = false;
  for (let shard = 0; shard < SCHEDULE_SHARDS; shard += 1) {
    let cursor: string | undefined;
    let shardPages = 0;
    do {
      if (outOfTime()) {
        more = true;
        break;
      }
      const page = await queryPage(
        {
          index: 'GSI2',
          partition: schedulePartition(shard),
          // Sort keys are `<day>#<account>#<subscription>`: everything due up to the end of today, oldest first.
          sortKeyBetween: ['0', `${today}#\uffff`],
          limit: pageSize,
          ...(cursor ? { cursor } : {}),
        },
        (item) => item,
      );
      pages += 1;
      shardPages += 1;
      const left = await inBatches(page.items, JOB_CONCURRENCY, outOfTime, (item) => processItem(item, context));
      if (left > 0) {
        more = true;
        break;
      }
      cursor = page.nextCursor;
    } while (cursor && shardPages < maxPagesPerShard);
    if (cursor) more = true;
  }
  if (more) logger.warn('subscription job: more due subscriptions than one run handles; the next run goes on', { pages });
  return { ...counts, pages, more };
}

/** Runs `each` over the items, `size` at a time, while `stop()` is false; answers how many were left unstarted. */
async function inBatches<T>(items: T[], size: number, stop: () => boolean, each: (item: T) => Promise<void>): Promise<number> {
  for (let start = 0; start < items.length; start += size) {
    if (stop()) return items.length - start;
    await Promise.all(items.slice(start, start + size).map(each));
  }
  return 0;
}

async function processItem(item: Item, context: RunContext): Promise<void> {
  context.counts.examined += 1;
  try {
    // The index copy may be behind (a renewal a moment ago): act on the subscription as it is now, so an auto-renew is
    // never placed for a period the customer already paid (its order key comes from the paid-until read here).
    const indexed = subscriptionFromItem(item);
    await processSubscription(await getSubscription(indexed.accountId, indexed.subscriptionId), context);
  } catch (error) {
    // One broken subscription must not stop the others: it stays due, and the next run tries it again.
    context.counts.skipped += 1;
    logger.error('subscription job: a subscription failed', { error: error as Error, PK: item.PK, SK: item.SK });
  }
}

/** Everything due for one subscription, in order, each change in its own transaction; then at most one mail. */
export async function processSubscription(read: Subscription, context: RunContext): Promise<void> {
  let current = read;
  let notice: SubscriptionNotice | undefined;
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const due = actionsDue(current, context.terms, context.today);
    const first = due[0];
    if (!first) break;
    const change = await changeFor(current, first, due, context, step);
    if (change === 'renewed' || change === 'renewed-by-another') {
      if (change === 'renewed') context.counts.autoRenewed += 1;
      const renewed = await getSubscription(current.accountId, current.subscriptionId);
      if (renewed.paidUntil === current.paidUntil) throw new Error('auto-renew answered renewed, but paid-until did not move');
      current = renewed;
      continue;
    }
    if (!(await write(current, change))) {
      context.counts.skipped += 1;
      break;
    }
    for (const counted of change.counts) context.counts[counted] += 1;
    current = { ...change.next, version: current.version + 1 };
    if (change.notice) notice = change.notice;
  }
  if (notice) await mailNotice(current, notice, context);
}

async function changeFor(
  current: Subscription,
  first: ScheduledStep,
  due: ScheduledStep[],
  context: RunContext,
  step: number,
): Promise<Change | 'renewed' | 'renewed-by-another'> {
  const { at, today } = context;
  const updatedAt = at.toISOString();
  // The history sorts by its events' ids (ULIDs of their instants): a run's events on one subscription are 1 ms apart.
  let order = 0;
  const event = (fields: Omit<SubscriptionEvent, 'eventId' | 'subscriptionId' | 'at' | 'by'>) => ({
    subscriptionId: current.subscriptionId,
    at: new Date(at.getTime() + step * 10 + order++).toISOString(),
    by: 'job' as const,
    ...fields,
  });
  const statusChange = (to: Subscription['status']) => event({ kind: 'status-changed', status: { from: current.status, to } });
  switch (first.action) {
    case 'remind': {
      // Catch-up: every reminder whose day has come is marked sent, and only the nearest one is mailed (and only while
      // paid-until is still ahead: after it, the overdue notice says more).
      const days = due.flatMap((step) => (step.action === 'remind' && step.days !== undefined ? [step.days] : []));
      const nearest = Math.min(...days);
      const mailed = dayOf(current.paidUntil) > today;
      return {
        next: { ...current, remindersSent: [...current.remindersSent, ...days], updatedAt },
        events: mailed ? [event({ kind: 'reminded', days: nearest })] : [],
        counts: mailed ? ['reminded'] : [],
        ...(mailed ? { notice: { kind: 'reminder' as const } } : {}),
      };
    }
    case 'mark-due':
    case 'mark-overdue': {
      const to = first.action === 'mark-due' ? 'due' : 'overdue';
      let failure: AutoRenewFailure | undefined;
      // A distributor's client: its distributor paid, or failed to (and hears of it).
      let payer: { payer: AutoRenewPayer } | Record<string, never> = {};
      // Auto-renew once a day at most: when due, and once more when overdue.
      if (current.autoRenew && current.autoRenewFailedOn !== today) {
        const outcome = await context.renew(current);
        if (outcome.renewed) return outcome.replayed ? 'renewed-by-another' : 'renewed';
        failure = outcome.reason;
        if (outcome.payer) payer = { payer: outcome.payer };
      }
      const failed = failure ? [event({ kind: 'auto-renew-failed', amount: current.price, status: { from: current.status, to } })] : [];
      return {
        next: { ...current, status: to, updatedAt, ...(failure ? { autoRenewFailedOn: today } : {}) },
        events: [statusChange(to), ...failed],
        counts: [to === 'due' ? 'markedDue' : 'markedOverdue', ...(failure ? (['autoRenewFailed'] as const) : [])],
        ...(to === 'overdue'
          ? { notice: { kind: 'overdue' as const, ...(failure ? { autoRenewFailed: failure, ...payer } : {}) } }
          : failure
            ? { notice: { kind: 'auto-renew-failed' as const, reason: failure, ...payer } }
            : {}),
      };
    }
    case 'suspend':
      return {
        next: { ...current, status: 'suspended', updatedAt },
        events: [statusChange('suspended')],
        counts: ['suspended'],
        notice: { kind: 'suspended' },
      };
    case 'end':
      // The customer asked for it (the cancellation was confirmed then): no mail, only the history.
      return {
        next: { ...current, status: 'ended', endedAt: updatedAt, updatedAt },
        events: [statusChange('ended')],
        counts: ['ended'],
      };
    case 'apply-pending-plan': {
      const pending = current.pendingPlan!;
      const { pendingPlan: _applied, ...rest } = current;
      return {
        next: { ...rest, sku: pending.sku, plan: pending.plan, users: pending.users, price: pending.price, updatedAt },
        events: [event({ kind: 'plan-changed', plan: { from: current.plan, to: pending.plan } })],
        counts: ['plansApplied'],
      };
    }
  }
}

/** Writes one change with its events; false when the subscription changed since it was read (it waits for a run). */
async function write(read: Subscription, change: Change): Promise<boolean> {
  const items = [subscriptionPut(read, change.next), ...change.events.map((each) => subscriptionEventPut(read.accountId, each))];
  try {
    await db().send(new TransactWriteCommand({ TransactItems: items }));
    return true;
  } catch (error) {
    if (failedConditions(error).has(0) || isTransactionConflict(error)) return false;
    throw error;
  }
}

/**
 * What every notice mail says of the subscription, in one language: its name, paid-until, renewal price and page (with
 * `?clientId=` when the reader is another account than the licensee: its distributor).
 */
function mailFacts(subscription: Subscription, locale: Locale, readerAccountId = subscription.accountId) {
  const texts = shopMailMessages(locale).subscriptionJob;
  // What renewing costs: a downgrade waiting for the period's end is what the next period is renewed at.
  const renewal = renewedPlan(subscription).price;
  return {
    texts,
    service: serviceName(subscription),
    paidUntil: formatDay(subscription.paidUntil, locale),
    price: texts.priceFor(formatMoney(renewal, locale), texts.period(subscription.period.count, subscription.period.unit)),
    link: serviceLink(subscription, readerAccountId),
    /** The day it is suspended unless renewed, and the whole days left (at least 1) of the paid period. */
    suspendOn: (terms: ServiceTerms) => formatDay(addDays(subscription.paidUntil, terms.suspendAfterDays).toISOString(), locale),
    daysLeft: (at: Date) => Math.max(1, wholeDaysLeft(subscription.paidUntil, at)),
  };
}

/**
 * The mail of a notice, in one recipient's language. A distributor's client (`distributor`) is not asked to renew: its
 * distributor orders its renewals, named with its contact e-mail, and the mail offers no renew link.
 */
export function subscriptionNoticeMail(
  to: string,
  locale: Locale,
  subscription: Subscription,
  notice: SubscriptionNotice,
  terms: ServiceTerms,
  at: Date,
  distributor?: Pick<DistributorContact, 'name' | 'contactEmail'>,
): Mail {
  const { texts, service, paidUntil, price, link, suspendOn, daysLeft } = mailFacts(subscription, locale);
  if (distributor && notice.kind !== 'auto-renew-failed') {
    const notices = distributorNotices(locale);
    const renewedBy = { distributor: distributor.name, email: distributor.contactEmail, link };
    switch (notice.kind) {
      case 'reminder':
        return withFooter(locale, {
          to,
          subject: texts.reminderSubject({ service, paidUntil }),
          text: notices.clientReminderText({ service, paidUntil, daysLeft: daysLeft(at), autoRenew: subscription.autoRenew, ...renewedBy }),
        });
      case 'overdue':
        return withFooter(locale, {
          to,
          subject: texts.overdueSubject(service),
          text: notices.clientOverdueText({ service, paidUntil, suspendOn: suspendOn(terms), ...renewedBy }),
        });
      case 'suspended':
        return withFooter(locale, {
          to,
          subject: texts.suspendedSubject(service),
          text: notices.clientSuspendedText({ service, paidUntil, ...renewedBy }),
        });
    }
  }
  switch (notice.kind) {
    case 'reminder':
      return withFooter(locale, {
        to,
        subject: texts.reminderSubject({ service, paidUntil }),
        text: texts.reminderText({
          service,
          paidUntil,
          daysLeft: daysLeft(at),
          price,
          autoRenew: subscription.autoRenew,
          link,
        }),
      });
    case 'auto-renew-failed':
      // A distributor's client: its distributor pays, and was asked to (payerNoticeMail).
      if (notice.payer) {
        return withFooter(locale, {
          to,
          subject: texts.autoRenewFailedSubject(service),
          text: texts.clientAutoRenewFailedText({ service, paidUntil, distributor: notice.payer.name, link }),
        });
      }
      return withFooter(locale, {
        to,
        subject: texts.autoRenewFailedSubject(service),
        text: texts.autoRenewFailedText({
          service,
          reason: texts.autoRenewFailed[notice.reason],
          paidUntil,
          price,
          balanceLink: `${config().portalUrl}/balance`,
          link,
        }),
      });
    case 'overdue':
      return withFooter(locale, {
        to,
        subject: texts.overdueSubject(service),
        text: texts.overdueText({
          service,
          paidUntil,
          suspendOn: suspendOn(terms),
          price,
          // A client's failed auto-renew was its distributor's balance, not its own: the distributor is told.
          ...(notice.autoRenewFailed && !notice.payer ? { autoRenewFailed: texts.autoRenewFailed[notice.autoRenewFailed] } : {}),
          link,
        }),
      });
    case 'suspended':
      return withFooter(locale, {
        to,
        subject: texts.suspendedSubject(service),
        text: texts.suspendedText({ service, paidUntil, price, link }),
      });
  }
}

/**
 * The mail to the distributor whose balance did not renew its client's subscription: which client and service, why,
 * and where to top up or renew it for the client.
 */
export function payerNoticeMail(
  to: string,
  locale: Locale,
  subscription: Subscription,
  payer: { accountId: string; client: string },
  reason: AutoRenewFailure,
): Mail {
  const { texts, service, paidUntil, price, link } = mailFacts(subscription, locale, payer.accountId);
  const { client } = payer;
  return withFooter(locale, {
    to,
    subject: texts.distributorAutoRenewFailedSubject({ service, client }),
    text: texts.distributorAutoRenewFailedText({
      service,
      client,
      reason: texts.autoRenewFailed[reason],
      paidUntil,
      price,
      balanceLink: `${config().portalUrl}/balance`,
      link,
    }),
  });
}

/**
 * The mail to a client's distributor of a reminder, overdue or suspension notice of its client's service: which client
 * and service, and the client's page to renew it for them (`?clientId=`).
 */
export function distributorNoticeMail(
  to: string,
  locale: Locale,
  subscription: Subscription,
  distributor: { accountId: string; client: string },
  notice: Extract<SubscriptionNotice, { kind: 'reminder' | 'overdue' | 'suspended' }>,
  terms: ServiceTerms,
  at: Date,
): Mail {
  const { service, paidUntil, price, link, suspendOn, daysLeft } = mailFacts(subscription, locale, distributor.accountId);
  const notices = distributorNotices(locale);
  const facts = { service, client: distributor.client, paidUntil, price, link };
  switch (notice.kind) {
    case 'reminder':
      return withFooter(locale, {
        to,
        subject: notices.distributorReminderSubject(facts),
        text: notices.distributorReminderText({ ...facts, daysLeft: daysLeft(at), autoRenew: subscription.autoRenew }),
      });
    case 'overdue':
      return withFooter(locale, {
        to,
        subject: notices.distributorOverdueSubject(facts),
        text: notices.distributorOverdueText({ ...facts, suspendOn: suspendOn(terms) }),
      });
    case 'suspended':
      return withFooter(locale, {
        to,
        subject: notices.distributorSuspendedSubject(facts),
        text: notices.distributorSuspendedText(facts),
      });
  }
}

/** The paying distributor of a failed auto-renew, and why it failed, when a notice has them. */
function payerFailure(notice: SubscriptionNotice): { payer: AutoRenewPayer; reason: AutoRenewFailure } | undefined {
  if (notice.kind === 'auto-renew-failed' && notice.payer) return { payer: notice.payer, reason: notice.reason };
  if (notice.kind === 'overdue' && notice.payer && notice.autoRenewFailed) return { payer: notice.payer, reason: notice.autoRenewFailed };
  return undefined;
}

/**
 * Mails the account's renewal recipients, and for a distributor's client its distributor's: the one whose balance
 * failed to auto-renew it (payerNoticeMail), else of a reminder, overdue or suspension (distributorNoticeMail), since
 * the distributor is the one who renews it. The change stands whatever happens to the mail.
 */
async function mailNotice(subscription: Subscription, notice: SubscriptionNotice, context: RunContext): Promise<void> {
  try {
    const { terms, at } = context;
    const account = await getAccount(subscription.accountId);
    const distributor = account?.distributorId ? await distributorOf(account) : undefined;
    const client = account?.name ?? subscription.accountId;
    const failure = payerFailure(notice);
    await Promise.all([
      mailAccount(subscription.accountId, 'renewals', (recipient) =>
        subscriptionNoticeMail(recipient.email, recipient.locale, subscription, notice, terms, at, distributor),
      ),
      failure
        ? mailAccount(failure.payer.accountId, 'renewals', (recipient) =>
            payerNoticeMail(
              recipient.email,
              recipient.locale,
              subscription,
              { accountId: failure.payer.accountId, client },
              failure.reason,
            ),
          )
        : distributor && notice.kind !== 'auto-renew-failed'
          ? mailAccount(distributor.accountId, 'renewals', (recipient) =>
              distributorNoticeMail(
                recipient.email,
                recipient.locale,
                subscription,
                { accountId: distributor.accountId, client },
                notice,
                terms,
                at,
              ),
            )
          : undefined,
    ]);
  } catch (error) {
    logger.error('subscription job: the mail could not be sent', { error: error as Error, subscriptionId: subscription.subscriptionId });
  }
}
