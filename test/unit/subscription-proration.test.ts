// Golden tests of calendar periods and proration (shared/subscriptions/periods.ts): what a plan change charges or
// credits and what an immediate cancellation refunds. The same table is written out in docs/data-model.md "Proration":
// a change here is a change of what customers pay, so both change together. Every expected value was worked out by
// hand (amount × whole days left / days in the period, rounded half away from zero).

import { describe, expect, it } from 'vitest';
import { taxLine } from '#shared/billing/tax.ts';
import { addPeriods, paidPeriodAt, prorate, prorateRest } from '#shared/subscriptions/periods.ts';
import { MAX_CARRIED_PARTS, type Subscription } from '#shared/subscriptions/model.ts';
import {
  changeCoversFrom,
  renewalCarries,
  type SpanPart,
  spanParts,
  spanPlanChanges,
  spanRefund,
  withSpanChange,
} from '#shared/subscriptions/span.ts';

const month = { unit: 'month', count: 1 } as const;
const quarter = { unit: 'month', count: 3 } as const;
const year = { unit: 'year', count: 1 } as const;

describe('calendar periods (addPeriods)', () => {
  const cases: Array<[string, string, Parameters<typeof addPeriods>[1], number, string]> = [
    ['31 January + 1 month is the last day of February', '2026-01-31T00:00:00.000Z', month, 1, '2026-02-28T00:00:00.000Z'],
    ['31 January + 1 month in a leap year is 29 February', '2028-01-31T00:00:00.000Z', month, 1, '2028-02-29T00:00:00.000Z'],
    ['29 February + 1 year is 28 February', '2028-02-29T00:00:00.000Z', year, 1, '2029-02-28T00:00:00.000Z'],
    ['31 August + 1 month is 30 September', '2026-08-31T00:00:00.000Z', month, 1, '2026-09-30T00:00:00.000Z'],
    ['31 March - 1 month is 28 February (counting back)', '2026-03-31T00:00:00.000Z', month, -1, '2026-02-28T00:00:00.000Z'],
    ['the time of day is kept', '2026-01-31T10:15:00.000Z', month, 1, '2026-02-28T10:15:00.000Z'],
    ['a quarter is three calendar months', '2026-11-30T00:00:00.000Z', quarter, 1, '2027-02-28T00:00:00.000Z'],
    ['2 periods of 1 month from 15 December cross the year', '2026-12-15T00:00:00.000Z', month, 2, '2027-02-15T00:00:00.000Z'],
  ];
  it.each(cases)('%s', (_name, from, period, n, expected) => {
    expect(addPeriods(from, period, n).toISOString()).toBe(expected);
  });
});

describe('proration: amount × whole days left / days in the period, half away from zero', () => {
  // November 2026 has 30 days: the period 1 Nov -> 1 Dec.
  const nov = { periodStart: '2026-11-01T00:00:00.000Z', periodEnd: '2026-12-01T00:00:00.000Z' };
  const cases: Array<[string, Parameters<typeof prorate>[0], { amountMinor: number; daysLeft: number; daysInPeriod: number }]> = [
    [
      'upgrade 49.00 -> 99.00 PLN with 10 of 30 days left: 50.00 × 10/30 = 16.666… -> 16.67',
      { ...nov, amountMinor: 5000, at: '2026-11-21T00:00:00.000Z' },
      { amountMinor: 1667, daysLeft: 10, daysInPeriod: 30 },
    ],
    [
      'Business -> Pro with 12 of 30 days left: 50.00 × 12/30 = 20.00',
      { ...nov, amountMinor: 5000, at: '2026-11-19T00:00:00.000Z' },
      { amountMinor: 2000, daysLeft: 12, daysInPeriod: 30 },
    ],
    [
      'the first instant of the period: the whole amount',
      { ...nov, amountMinor: 4900, at: '2026-11-01T00:00:00.000Z' },
      { amountMinor: 4900, daysLeft: 30, daysInPeriod: 30 },
    ],
    [
      'an hour into the period: the day in progress is used, 29 days: 49.00 × 29/30 = 47.366… -> 47.37',
      { ...nov, amountMinor: 4900, at: '2026-11-01T01:00:00.000Z' },
      { amountMinor: 4737, daysLeft: 29, daysInPeriod: 30 },
    ],
    [
      'the start of the last day: 1 day: 49.00 / 30 = 1.633… -> 1.63 (rounds down)',
      { ...nov, amountMinor: 4900, at: '2026-11-30T00:00:00.000Z' },
      { amountMinor: 163, daysLeft: 1, daysInPeriod: 30 },
    ],
    [
      'noon of the last day: 0 days left, nothing',
      { ...nov, amountMinor: 4900, at: '2026-11-30T12:00:00.000Z' },
      { amountMinor: 0, daysLeft: 0, daysInPeriod: 30 },
    ],
    [
      'after paid-until: 0 days left, nothing',
      { ...nov, amountMinor: 4900, at: '2026-12-03T00:00:00.000Z' },
      { amountMinor: 0, daysLeft: 0, daysInPeriod: 30 },
    ],
    [
      'a half rounds up: 1.05 × 1/30 = 0.035 -> 0.04',
      { ...nov, amountMinor: 105, at: '2026-11-30T00:00:00.000Z' },
      { amountMinor: 4, daysLeft: 1, daysInPeriod: 30 },
    ],
    [
      'February of a common year has 28 days: 49.00 × 7/28 = 12.25',
      { periodStart: '2027-02-01T00:00:00.000Z', periodEnd: '2027-03-01T00:00:00.000Z', amountMinor: 4900, at: '2027-02-22T00:00:00.000Z' },
      { amountMinor: 1225, daysLeft: 7, daysInPeriod: 28 },
    ],
    [
      'a period from 31 January (to 28 February) has 28 days: 49.00 × 14/28 = 24.50',
      { periodStart: '2027-01-31T00:00:00.000Z', periodEnd: '2027-02-28T00:00:00.000Z', amountMinor: 4900, at: '2027-02-14T00:00:00.000Z' },
      { amountMinor: 2450, daysLeft: 14, daysInPeriod: 28 },
    ],
    [
      'a year of 365 days: 1,200.00 × 100/365 = 328.767… -> 328.77',
      {
        periodStart: '2027-01-01T00:00:00.000Z',
        periodEnd: '2028-01-01T00:00:00.000Z',
        amountMinor: 120_000,
        at: '2027-09-23T00:00:00.000Z',
      },
      { amountMinor: 32_877, daysLeft: 100, daysInPeriod: 365 },
    ],
    [
      'a leap year of 366 days: 1,200.00 × 183/366 = 600.00',
      {
        periodStart: '2028-01-01T00:00:00.000Z',
        periodEnd: '2029-01-01T00:00:00.000Z',
        amountMinor: 120_000,
        at: '2028-07-02T00:00:00.000Z',
      },
      { amountMinor: 60_000, daysLeft: 183, daysInPeriod: 366 },
    ],
    [
      'a quarter (1 Jan -> 1 Apr, 90 days): 147.00 × 45/90 = 73.50',
      {
        periodStart: '2027-01-01T00:00:00.000Z',
        periodEnd: '2027-04-01T00:00:00.000Z',
        amountMinor: 14_700,
        at: '2027-02-15T00:00:00.000Z',
      },
      { amountMinor: 7350, daysLeft: 45, daysInPeriod: 90 },
    ],
    [
      'nothing to prorate: 0',
      { ...nov, amountMinor: 0, at: '2026-11-10T00:00:00.000Z' },
      { amountMinor: 0, daysLeft: 21, daysInPeriod: 30 },
    ],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(prorate(input)).toEqual(expected);
  });

  it('refuses a negative or fractional amount', () => {
    expect(() => prorate({ ...nov, amountMinor: -1, at: nov.periodStart })).toThrow(RangeError);
    expect(() => prorate({ ...nov, amountMinor: 1.5, at: nov.periodStart })).toThrow(RangeError);
  });
});

describe('the rest of what was paid ahead (prorateRest): whole periods in full, the one in progress prorated', () => {
  it('paid until 1 December, on 21 November: 10 of 30 days of the one period', () => {
    const rest = prorateRest({ amountMinor: 5000, paidUntil: '2026-12-01T00:00:00.000Z', period: month, at: '2026-11-21T00:00:00.000Z' });
    expect(rest).toEqual({ amountMinor: 1667, daysLeft: 10, daysInPeriod: 30, periodsAfter: 0 });
  });

  it('paid three months ahead (until 1 February), on 21 November: two whole months and 10 of 30 days', () => {
    const rest = prorateRest({ amountMinor: 5000, paidUntil: '2027-02-01T00:00:00.000Z', period: month, at: '2026-11-21T00:00:00.000Z' });
    expect(rest).toEqual({ amountMinor: 2 * 5000 + 1667, daysLeft: 10, daysInPeriod: 30, periodsAfter: 2 });
  });

  it('finds the period in progress counted back from paid-until (28 February -> 28 January, 31 days)', () => {
    const paid = paidPeriodAt('2027-02-28T00:00:00.000Z', month, '2027-02-10T00:00:00.000Z');
    expect(paid).toEqual({
      periodStart: new Date('2027-01-28T00:00:00.000Z'),
      periodEnd: new Date('2027-02-28T00:00:00.000Z'),
      periodsAfter: 0,
    });
  });

  it('once paid-until has passed, nothing is left', () => {
    const rest = prorateRest({ amountMinor: 5000, paidUntil: '2026-12-01T00:00:00.000Z', period: month, at: '2026-12-05T00:00:00.000Z' });
    expect(rest).toEqual({ amountMinor: 0, daysLeft: 0, daysInPeriod: 30, periodsAfter: 0 });
  });
});

describe('an immediate cancellation refunds the unused days of every invoice that paid the span (spanRefund)', () => {
  // The span 1 Nov -> 1 Dec 2026 (30 days), opened by invoice A: 49.00 PLN net a month, 23 % VAT = 60.27 gross.
  const paidUntil = '2026-12-01T00:00:00.000Z';
  const vat = { treatment: 'domestic', rateBasisPoints: 2300 } as const;
  const opening: SpanPart = {
    invoice: { accountId: 'payer', invoiceId: 'A', number: 'FV/A' },
    grossMinor: 6027,
    coversFrom: '2026-11-01T00:00:00.000Z',
  };

  it('after a credit-now downgrade: only the new plan’s unused days, G′ × left/S (worked example 1)', () => {
    // Business 49.00 -> Starter 19.00 net (23.37 gross) on 11 Nov, 20 of 30 days left: (60.27 - 23.37) × 20/30 = 24.60
    // credited, as a correction of A, over the 20 days from 11 Nov.
    const downgradedAt = '2026-11-11T00:00:00.000Z';
    const credit = taxLine(
      prorate({ amountMinor: 4900 - 1900, periodStart: opening.coversFrom, periodEnd: paidUntil, at: downgradedAt }).amountMinor,
      vat,
    );
    expect(credit.grossMinor).toBe(2460);
    expect(changeCoversFrom(paidUntil, downgradedAt)).toBe(downgradedAt);
    const parts = [
      opening,
      { invoice: opening.invoice, grossMinor: -credit.grossMinor, coversFrom: changeCoversFrom(paidUntil, downgradedAt) },
    ];

    // Cancelled on 21 Nov, 10 days left: 60.27 × 10/30 = 20.09, less 24.60 × 10/20 = 12.30: 7.79 = 23.37 × 10/30.
    const refund = spanRefund(parts, paidUntil, '2026-11-21T00:00:00.000Z');
    expect(refund).toEqual({ shares: [{ invoice: opening.invoice, amountMinor: 779 }], totalMinor: 779, daysLeft: 10, daysInPeriod: 30 });
    expect(refund.totalMinor).toBe(
      prorate({ amountMinor: 2337, periodStart: opening.coversFrom, periodEnd: paidUntil, at: '2026-11-21T00:00:00.000Z' }).amountMinor,
    );
  });

  it('after an upgrade: G × left/S + the upgrade’s gross × left/left at the upgrade, one share per invoice (worked example 2)', () => {
    // Business 49.00 -> Pro 99.00 net on 21 Nov, 10 of 30 days left: 50.00 × 10/30 = 16.67 net, invoice U of 20.50 gross.
    const upgradedAt = '2026-11-21T00:00:00.000Z';
    const upgrade = taxLine(
      prorate({ amountMinor: 9900 - 4900, periodStart: opening.coversFrom, periodEnd: paidUntil, at: upgradedAt }).amountMinor,
      vat,
    );
    expect(upgrade).toEqual({ netMinor: 1667, vatMinor: 383, grossMinor: 2050 });
    const invoiceU = { accountId: 'payer', invoiceId: 'U', number: 'FV/U' };
    const parts = [opening, { invoice: invoiceU, grossMinor: upgrade.grossMinor, coversFrom: changeCoversFrom(paidUntil, upgradedAt) }];

    // Cancelled on 26 Nov, 5 days left: A 60.27 × 5/30 = 10.045 -> 10.05; U 20.50 × 5/10 = 10.25; 20.30 in all.
    const refund = spanRefund(parts, paidUntil, '2026-11-26T00:00:00.000Z');
    expect(refund.shares).toEqual([
      { invoice: opening.invoice, amountMinor: 1005 },
      { invoice: invoiceU, amountMinor: 1025 },
    ]);
    expect(refund.totalMinor).toBe(2030);
  });

  it('takes a credit larger than its invoice’s share off the newer invoices, so the total is the sum of the parts', () => {
    const invoiceU = { accountId: 'payer', invoiceId: 'U', number: 'FV/U' };
    const parts: SpanPart[] = [
      { ...opening, grossMinor: 1000 },
      { invoice: invoiceU, grossMinor: 3000, coversFrom: '2026-11-21T00:00:00.000Z' },
      { invoice: opening.invoice, grossMinor: -1000, coversFrom: '2026-11-26T00:00:00.000Z' },
    ];
    // On 26 Nov: A 1000 × 5/30 = 1.67, U 3000 × 5/10 = 15.00, the credit 10.00 × 5/5: A 0, U 15.00 - 8.33 = 6.67.
    const refund = spanRefund(parts, paidUntil, '2026-11-26T00:00:00.000Z');
    expect(refund.shares).toEqual([{ invoice: invoiceU, amountMinor: 667 }]);
    expect(refund.totalMinor).toBe(167 + 1500 - 1000);
  });

  it('takes a credit made without a correction off the span’s invoices, and nothing is left once paid-until has passed', () => {
    const parts: SpanPart[] = [opening, { grossMinor: -2460, coversFrom: '2026-11-11T00:00:00.000Z' }];
    expect(spanRefund(parts, paidUntil, '2026-11-21T00:00:00.000Z').totalMinor).toBe(779);
    expect(spanRefund(parts, paidUntil, '2026-12-02T00:00:00.000Z')).toEqual({ shares: [], totalMinor: 0, daysLeft: 0, daysInPeriod: 30 });
  });

  it('reads a span recorded before its changes were: the last invoice over one period back from paid-until', () => {
    const parts = spanParts({
      lastInvoice: { invoiceId: 'A', number: 'FV/A', orderId: 'O', grossMinor: 6027 },
      paidUntil,
      period: month,
    });
    expect(parts).toEqual([{ invoice: { invoiceId: 'A', number: 'FV/A' }, grossMinor: 6027, coversFrom: '2026-11-01T00:00:00.000Z' }]);
  });
});

describe('a renewal paid early keeps what paid the days still left of the span (renewalCarries)', () => {
  // The span 1 Nov -> 1 Dec 2026 (30 days) paid by invoice A, 60.27 gross; renewed early for one month at the same plan
  // by invoice R, 60.27 gross, covering 1 Dec -> 1 Jan 2027 (31 days).
  type Span = Pick<Subscription, 'lastInvoice' | 'spanChanges' | 'paidUntil' | 'period'>;
  const invoiceA = { accountId: 'payer', invoiceId: 'A', number: 'FV/A' };
  const invoiceR = { accountId: 'payer', invoiceId: 'R', number: 'FV/R' };
  const span: Span = {
    lastInvoice: { ...invoiceA, orderId: 'OA', grossMinor: 6027, coversFrom: '2026-11-01T00:00:00.000Z' },
    paidUntil: '2026-12-01T00:00:00.000Z',
    period: month,
  };
  /** What the renewal's fulfilment writes (shared/subscriptions/renewal.ts): R opens the span, the rest is carried. */
  function renew(before: Span, at: string, invoice: typeof invoiceR, grossMinor: number): Span {
    const carried = renewalCarries(before, at);
    if (!carried) throw new Error('refused');
    return {
      lastInvoice: { ...invoice, orderId: `O${invoice.invoiceId}`, grossMinor, coversFrom: before.paidUntil },
      ...(carried.length ? { spanChanges: carried } : {}),
      paidUntil: addPeriods(before.paidUntil, month, 1).toISOString(),
      period: month,
    };
  }
  const refundOf = (renewed: Span, at: string) => spanRefund(spanParts(renewed), renewed.paidUntil, at);

  it('renewed 10 days before the end and cancelled at once: the 10 days of A and all of R (worked example 4)', () => {
    const renewed = renew(span, '2026-11-21T00:00:00.000Z', invoiceR, 6027);
    expect(renewed.spanChanges).toEqual([
      {
        kind: 'period',
        invoice: invoiceA,
        grossMinor: 6027,
        coversFrom: '2026-11-01T00:00:00.000Z',
        coversUntil: '2026-12-01T00:00:00.000Z',
      },
    ]);
    expect(spanParts(renewed).map((part) => part.invoice?.invoiceId)).toEqual(['A', 'R']);
    // A: 60.27 × 10/30 = 20.09; R has not begun: 60.27 × 31/31. 80.36 in all, over 41 of the 61 days 1 Nov -> 1 Jan.
    expect(refundOf(renewed, '2026-11-21T00:00:00.000Z')).toEqual({
      shares: [
        { invoice: invoiceA, amountMinor: 2009 },
        { invoice: invoiceR, amountMinor: 6027 },
      ],
      totalMinor: 8036,
      daysLeft: 41,
      daysInPeriod: 61,
    });
  });

  it('cancelled 5 days later: A 60.27 × 5/30 = 10.05 and all of R; after 1 Dec only R’s own days (worked example 5)', () => {
    const renewed = renew(span, '2026-11-21T00:00:00.000Z', invoiceR, 6027);
    expect(refundOf(renewed, '2026-11-26T00:00:00.000Z').totalMinor).toBe(1005 + 6027);
    // On 11 Dec nothing is left of A: R 60.27 × 21/31 = 40.827 -> 40.83, as if A had never been carried.
    expect(refundOf(renewed, '2026-12-11T00:00:00.000Z').shares).toEqual([{ invoice: invoiceR, amountMinor: 4083 }]);
  });

  it('carries an upgrade with its invoice: each part ends at the old paid-until (worked example 6)', () => {
    // Upgraded on 21 Nov: invoice U 20.50 over the 10 days left; renewed on 26 Nov at the new plan, 99.00 net = 121.77 gross.
    const invoiceU = { accountId: 'payer', invoiceId: 'U', number: 'FV/U' };
    const upgraded: Span = {
      ...span,
      spanChanges: withSpanChange(
        span,
        { kind: 'upgrade', invoice: invoiceU, grossMinor: 2050, coversFrom: '2026-11-21T00:00:00.000Z' },
        '2026-11-21T00:00:00.000Z',
      ),
    };
    const renewed = renew(upgraded, '2026-11-26T00:00:00.000Z', invoiceR, 12177);
    expect(renewed.spanChanges?.map((part) => [part.kind, part.invoice?.invoiceId, part.coversUntil])).toEqual([
      ['period', 'A', '2026-12-01T00:00:00.000Z'],
      ['upgrade', 'U', '2026-12-01T00:00:00.000Z'],
    ]);
    // The new span has made no plan change of its own yet.
    expect(spanPlanChanges(renewed)).toEqual([]);
    // On 26 Nov: A 10.05, U 20.50 × 5/10 = 10.25, R 121.77: 142.07.
    expect(refundOf(renewed, '2026-11-26T00:00:00.000Z').shares.map((share) => share.amountMinor)).toEqual([1005, 1025, 12177]);
  });

  it('starts afresh once paid-until has passed, and drops carried parts with no whole day left at the next write', () => {
    expect(renewalCarries(span, '2026-12-01T00:00:00.000Z')).toEqual([]);
    // Less than a day left counts as none (the day in progress is used): nothing to carry.
    expect(renewalCarries(span, '2026-11-30T12:00:00.000Z')).toEqual([]);
    const renewed = renew(span, '2026-11-21T00:00:00.000Z', invoiceR, 6027);
    const credit = { kind: 'credit' as const, grossMinor: -500, coversFrom: '2026-12-02T00:00:00.000Z' };
    expect(withSpanChange(renewed, credit, '2026-11-25T00:00:00.000Z').map((part) => part.kind)).toEqual(['period', 'credit']);
    expect(withSpanChange(renewed, credit, '2026-12-02T00:00:00.000Z')).toEqual([credit]);
    // Renewed again early on 20 Dec: A has ended, R is carried to 1 Jan.
    const again = renew(renewed, '2026-12-20T00:00:00.000Z', { ...invoiceR, invoiceId: 'R2' }, 6027);
    expect(again.spanChanges?.map((part) => part.invoice?.invoiceId)).toEqual(['R']);
  });

  it(`refuses a renewal that would carry more than ${MAX_CARRIED_PARTS} parts, until the oldest end`, () => {
    let current = span;
    for (let index = 1; index <= MAX_CARRIED_PARTS; index += 1) {
      current = renew(current, '2026-11-21T00:00:00.000Z', { ...invoiceR, invoiceId: `R${index}` }, 6027);
    }
    expect(current.spanChanges).toHaveLength(MAX_CARRIED_PARTS);
    expect(renewalCarries(current, '2026-11-21T00:00:00.000Z')).toBeUndefined();
    // Once A has ended (1 Dec), one more fits again.
    expect(renewalCarries(current, '2026-12-01T00:00:00.000Z')).toHaveLength(MAX_CARRIED_PARTS);
  });

  it('reads an item without coversUntil as before: its parts end at paid-until', () => {
    const legacy: Span = {
      ...span,
      spanChanges: [
        { kind: 'upgrade', invoice: { ...invoiceA, invoiceId: 'U' }, grossMinor: 2050, coversFrom: '2026-11-21T00:00:00.000Z' },
      ],
    };
    expect(refundOf(legacy, '2026-11-26T00:00:00.000Z')).toMatchObject({ totalMinor: 2030, daysLeft: 5, daysInPeriod: 30 });
  });
});
