// The daily job's schedule (shared/subscriptions/schedule.ts), pure: which actions lie ahead of a subscription and on
// which day, in the order the job does them, the shard of an id, and what a run on a given day finds due.

import { describe, expect, it } from 'vitest';
import { DEFAULT_BILLING, type ServiceTerms } from '#shared/billing/settings.ts';
import { actionsDue, nextActionOn, SCHEDULE_SHARDS, scheduledActions, scheduleShard } from '#shared/subscriptions/schedule.ts';
import { money } from '#shared/money.ts';

const terms: ServiceTerms = DEFAULT_BILLING.services;
const paidUntil = '2026-12-31T10:00:00.000Z';
const active = { status: 'active' as const, paidUntil, remindersSent: [] as number[] };

describe('scheduledActions', () => {
  it('lists reminders 30, 7 and 1 days ahead, due 7 days ahead, overdue at paid-until and suspension 14 days after', () => {
    expect(scheduledActions(active, terms)).toEqual([
      { action: 'remind', on: '2026-12-01', days: 30 },
      { action: 'remind', on: '2026-12-24', days: 7 },
      { action: 'mark-due', on: '2026-12-24' },
      { action: 'remind', on: '2026-12-30', days: 1 },
      { action: 'mark-overdue', on: '2026-12-31' },
      { action: 'suspend', on: '2027-01-14' },
    ]);
  });

  it('leaves out the reminders already sent and, once due, the due mark', () => {
    expect(scheduledActions({ ...active, status: 'due', remindersSent: [30, 7] }, terms).map((step) => step.action)).toEqual([
      'remind',
      'mark-overdue',
      'suspend',
    ]);
  });

  it('has an overdue subscription only wait for its suspension, and a suspended one leave the schedule', () => {
    expect(scheduledActions({ ...active, status: 'overdue' }, terms)).toEqual([{ action: 'suspend', on: '2027-01-14' }]);
    expect(nextActionOn({ ...active, status: 'suspended' }, terms)).toBeUndefined();
  });

  it('ends a cancelled subscription at paid-until, and then it leaves the schedule', () => {
    expect(scheduledActions({ ...active, status: 'cancelled' }, terms)).toEqual([{ action: 'end', on: '2026-12-31' }]);
    expect(nextActionOn({ ...active, status: 'cancelled', endedAt: paidUntil }, terms)).toBeUndefined();
    expect(nextActionOn({ ...active, status: 'ended', endedAt: paidUntil }, terms)).toBeUndefined();
  });

  it('applies a pending plan at paid-until before the status changes of that day', () => {
    const pendingPlan = { sku: 'MH-STA-1M', plan: 'Starter', users: 1, price: money(1900, 'PLN') };
    const steps = scheduledActions({ ...active, status: 'due', remindersSent: [30, 7, 1], pendingPlan }, terms);
    expect(steps.slice(0, 2)).toEqual([
      { action: 'apply-pending-plan', on: '2026-12-31' },
      { action: 'mark-overdue', on: '2026-12-31' },
    ]);
  });

  it('follows the stage terms (reminder days, due and suspension days)', () => {
    const other: ServiceTerms = { ...terms, reminderDays: [3], dueWithinDays: 0, suspendAfterDays: 0 };
    expect(scheduledActions(active, other)).toEqual([
      { action: 'remind', on: '2026-12-28', days: 3 },
      { action: 'mark-due', on: '2026-12-31' },
      { action: 'mark-overdue', on: '2026-12-31' },
      { action: 'suspend', on: '2026-12-31' },
    ]);
  });
});

describe('actionsDue', () => {
  it('finds nothing before the first day, and everything missed on a late run, in order', () => {
    expect(actionsDue(active, terms, '2026-11-30')).toEqual([]);
    expect(actionsDue(active, terms, '2026-12-01').map((step) => step.days)).toEqual([30]);
    expect(actionsDue(active, terms, '2026-12-25').map((step) => step.action)).toEqual(['remind', 'remind', 'mark-due']);
    expect(actionsDue(active, terms, '2027-02-01')).toHaveLength(6);
  });

  it('puts the next action day on the schedule index: the earliest still ahead', () => {
    expect(nextActionOn(active, terms)).toBe('2026-12-01');
    expect(nextActionOn({ ...active, remindersSent: [30] }, terms)).toBe('2026-12-24');
  });
});

describe('scheduleShard', () => {
  it('spreads ids over every shard, and an id always to the same one', () => {
    const ids = Array.from({ length: 200 }, (_, index) => `01JABCDEFGHJKMNPQRS${index.toString(36).padStart(6, '0').toUpperCase()}`);
    const shards = new Set(ids.map(scheduleShard));
    expect([...shards].sort()).toEqual(Array.from({ length: SCHEDULE_SHARDS }, (_, index) => index));
    expect(ids.map(scheduleShard)).toEqual(ids.map(scheduleShard));
  });
});
