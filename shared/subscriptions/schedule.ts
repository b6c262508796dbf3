// The daily job's schedule, pure: the day a subscription next needs the job (a reminder, a status change with its
// auto-renew attempt, the end of a cancelled one, a downgrade that waits for the period's end). The subscription item
// sits on GSI2 in one of SCHEDULE_SHARDS partitions under that day (keys.subscriptionSchedule), so the job reads only
// what is due, a bounded page at a time, and a subscription leaves the index when nothing is left to do.

import type { ServiceTerms } from '#shared/billing/settings.ts';
import { addDays, dayOf } from '#shared/subscriptions/periods.ts';
import type { Subscription } from '#shared/subscriptions/model.ts';

/** Partitions of the schedule: spreads a busy day's writes and reads over several partitions. */
export const SCHEDULE_SHARDS = 4;

/** The schedule partition of a subscription: from its id's last characters (a ULID's random part). */
export function scheduleShard(subscriptionId: string): number {
  let hash = 0;
  for (const char of subscriptionId.slice(-6)) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % SCHEDULE_SHARDS;
}

type Scheduled = Pick<Subscription, 'status' | 'paidUntil' | 'remindersSent' | 'pendingPlan' | 'endedAt'>;

/** What the job does on a subscription's day, in order (shared/subscriptions/daily-job.ts). */
export type ScheduledAction = 'remind' | 'mark-due' | 'mark-overdue' | 'suspend' | 'end' | 'apply-pending-plan';

/** One thing the job will do, on its day (UTC); a reminder says how many days before paid-until it is. */
export interface ScheduledStep {
  action: ScheduledAction;
  on: string;
  days?: number;
}

/**
 * Every action still ahead of the subscription, each with its day, in the order the job does them (by day; on one day
 * a pending plan first, so that the next period's price is the new plan's, then reminders, then status changes).
 */
export function scheduledActions(subscription: Scheduled, terms: ServiceTerms): ScheduledStep[] {
  const { status, paidUntil } = subscription;
  if (status === 'ended') return [];
  if (status === 'cancelled') return subscription.endedAt ? [] : [{ action: 'end', on: dayOf(paidUntil) }];
  const actions: ScheduledStep[] = [];
  if (subscription.pendingPlan) actions.push({ action: 'apply-pending-plan', on: dayOf(paidUntil) });
  if (status === 'active' || status === 'due') {
    for (const days of terms.reminderDays) {
      if (!subscription.remindersSent.includes(days)) actions.push({ action: 'remind', on: dayOf(addDays(paidUntil, -days)), days });
    }
  }
  if (status === 'active') actions.push({ action: 'mark-due', on: dayOf(addDays(paidUntil, -terms.dueWithinDays)) });
  if (status === 'active' || status === 'due') actions.push({ action: 'mark-overdue', on: dayOf(paidUntil) });
  if (status !== 'suspended') actions.push({ action: 'suspend', on: dayOf(addDays(paidUntil, terms.suspendAfterDays)) });
  // A stable sort: on one day the order of the pushes above holds.
  return actions.sort((a, b) => a.on.localeCompare(b.on));
}

/** The actions due by `today` (`YYYY-MM-DD`): what a run of the job does now. */
export function actionsDue(subscription: Scheduled, terms: ServiceTerms, today: string): ScheduledStep[] {
  return scheduledActions(subscription, terms).filter((step) => step.on <= today);
}

/** The day of the subscription's next action, or undefined when nothing is left (it leaves the schedule). */
export function nextActionOn(subscription: Scheduled, terms: ServiceTerms): string | undefined {
  return scheduledActions(subscription, terms)[0]?.on;
}
