// Calendar periods and proration, pure (the web imports them for previews). A subscription is paid by whole periods
// (N months or N years); a change inside a period is charged or credited for the whole days left of it
// (docs/data-model.md "Proration" has the worked examples, test/unit/subscription-proration.test.ts checks them).

import { divideRounded } from '#shared/billing/tax.ts';

export type PeriodUnit = 'month' | 'year';

/** How long one paid period runs: 1 month, 3 months, 1 year, 2 years... */
export interface Period {
  unit: PeriodUnit;
  count: number;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `n` periods after `from` (before it when `n` is negative), in calendar months: the same day of the month, or that
 * month's last day when it has fewer (31 January + 1 month = 28/29 February; 29 February + 1 year = 28 February).
 */
export function addPeriods(from: Date | string, period: Period, n: number): Date {
  const start = new Date(from);
  const months = (period.unit === 'year' ? 12 : 1) * period.count * n;
  const target = new Date(start);
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return target;
}

/** Whole days from `at` to `until`: the day in progress counts as used; 0 once `until` has passed. */
export function wholeDaysLeft(until: Date | string, at: Date | string): number {
  return Math.max(0, Math.floor((new Date(until).getTime() - new Date(at).getTime()) / DAY_MS));
}

/** The calendar day (UTC, `YYYY-MM-DD`) of an instant. */
export function dayOf(at: Date | string): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The same instant `days` days later (earlier when negative). */
export function addDays(at: Date | string, days: number): Date {
  return new Date(new Date(at).getTime() + days * DAY_MS);
}

export interface ProrationInput {
  /** What the whole period costs (or the difference of two plans' prices per period), minor units, >= 0. */
  amountMinor: number;
  /** The period the change falls in: [start, end), end = paid-until. */
  periodStart: Date | string;
  periodEnd: Date | string;
  /** When the change takes effect. */
  at: Date | string;
}

export interface Proration {
  /** The prorated amount: amount × daysLeft / daysInPeriod, rounded half away from zero, at most the amount. */
  amountMinor: number;
  daysLeft: number;
  daysInPeriod: number;
}

/** The share of a period's amount for the whole days left of it (see the module comment). */
export function prorate(input: ProrationInput): Proration {
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor < 0) throw new RangeError('amountMinor must be whole and >= 0');
  const daysInPeriod = Math.max(1, Math.round((new Date(input.periodEnd).getTime() - new Date(input.periodStart).getTime()) / DAY_MS));
  const daysLeft = Math.min(daysInPeriod, wholeDaysLeft(input.periodEnd, input.at));
  return { amountMinor: divideRounded(input.amountMinor * daysLeft, daysInPeriod), daysLeft, daysInPeriod };
}

/** The paid period `at` falls in, counted back from paid-until in whole periods, and how many paid periods follow it. */
export interface PaidPeriodAt {
  periodStart: Date;
  periodEnd: Date;
  /** Whole periods paid after the one `at` falls in (a renewal of several periods paid ahead). */
  periodsAfter: number;
}

/** Paid periods counted back at most (100 years of months): a bound, not a business rule. */
const MAX_PERIODS_BACK = 1200;

/**
 * The period of a subscription paid until `paidUntil` that `at` falls in: [paid-until - k periods - 1, paid-until - k
 * periods) with k periods paid ahead of it. Once paid-until has passed, the last paid period (nothing left of it).
 */
export function paidPeriodAt(paidUntil: Date | string, period: Period, at: Date | string): PaidPeriodAt {
  const instant = new Date(at).getTime();
  let k = 0;
  while (k < MAX_PERIODS_BACK && addPeriods(paidUntil, period, -(k + 1)).getTime() > instant) k += 1;
  return { periodStart: addPeriods(paidUntil, period, -(k + 1)), periodEnd: addPeriods(paidUntil, period, -k), periodsAfter: k };
}

/**
 * What is left of `amountMinor` per period between `at` and paid-until: every whole period paid ahead in full, and the
 * period in progress prorated (the one rule above). A plan change's difference and an immediate cancellation's refund.
 */
export function prorateRest(input: { amountMinor: number; paidUntil: Date | string; period: Period; at: Date | string }): Proration & {
  periodsAfter: number;
} {
  const paid = paidPeriodAt(input.paidUntil, input.period, input.at);
  const current = prorate({ amountMinor: input.amountMinor, periodStart: paid.periodStart, periodEnd: paid.periodEnd, at: input.at });
  return { ...current, amountMinor: current.amountMinor + paid.periodsAfter * input.amountMinor, periodsAfter: paid.periodsAfter };
}
