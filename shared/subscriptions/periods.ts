// Calendar periods and proration, pure (the web imports them for previews). A subscription is paid by whole periods
// (N months or N years); a change inside a period is charged or credited for the whole days left of it
// (docs/data-model.md "Proration" has the worked examples, test/unit/subscription-periods.test.ts checks them).

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
