import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  DEFAULT_SUPPORT_CALENDAR,
  parseSupportCalendar,
  type SupportCalendar,
} from '#shared/tickets/business-hours.ts';

const warsaw: SupportCalendar = {
  timeZone: 'Europe/Warsaw',
  workingDays: [1, 2, 3, 4, 5],
  hours: { start: '08:00', end: '17:00' },
  holidays: ['2026-11-11', '2026-12-25'],
};
const at = (iso: string) => new Date(iso);

describe('addBusinessMinutes', () => {
  it('counts inside one working day', () => {
    // Monday 2 Nov 2026, 09:00 in Warsaw (CET, UTC+1) = 08:00Z; plus 2 h = 11:00 local.
    expect(addBusinessMinutes(at('2026-11-02T08:00:00Z'), 120, warsaw).toISOString()).toBe('2026-11-02T10:00:00.000Z');
  });

  it('starts at the next opening when the ticket comes in at night or at the weekend', () => {
    // Saturday 7 Nov 22:00 local → Monday 9 Nov 08:00 local (07:00Z), plus 30 min.
    expect(addBusinessMinutes(at('2026-11-07T21:00:00Z'), 30, warsaw).toISOString()).toBe('2026-11-09T07:30:00.000Z');
  });

  it('carries over the evening into the next working day', () => {
    // Friday 6 Nov 16:00 local, 8 h: 1 h on Friday, 7 h on Monday → Monday 15:00 local.
    expect(addBusinessMinutes(at('2026-11-06T15:00:00Z'), 8 * 60, warsaw).toISOString()).toBe('2026-11-09T14:00:00.000Z');
  });

  it('skips public holidays', () => {
    // Tuesday 10 Nov 16:00 local, 2 h: 1 h on Tuesday, Wednesday 11 Nov is a holiday, 1 h on Thursday → 09:00 local.
    expect(addBusinessMinutes(at('2026-11-10T15:00:00Z'), 120, warsaw).toISOString()).toBe('2026-11-12T08:00:00.000Z');
  });

  it('keeps local opening hours across the autumn DST change', () => {
    // Friday 23 Oct 2026 16:00 CEST (UTC+2) = 14:00Z; 2 h → 1 h Friday, 1 h Monday 26 Oct from 08:00 CET (07:00Z).
    expect(addBusinessMinutes(at('2026-10-23T14:00:00Z'), 120, warsaw).toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });

  it('keeps local opening hours across the spring DST change', () => {
    // Friday 27 Mar 2026 16:30 CET = 15:30Z; 1 h → 30 min Friday, 30 min Monday 30 Mar from 08:00 CEST (06:00Z).
    expect(addBusinessMinutes(at('2026-03-27T15:30:00Z'), 60, warsaw).toISOString()).toBe('2026-03-30T06:30:00.000Z');
  });

  it('handles a round-the-clock calendar across the night the clocks go back', () => {
    const always: SupportCalendar = {
      timeZone: 'Europe/Warsaw',
      workingDays: [1, 2, 3, 4, 5, 6, 7],
      hours: { start: '00:00', end: '24:00' },
      holidays: [],
    };
    // Saturday 24 Oct 22:00Z to the Sunday: the 25-hour day counts 25 hours of business time.
    const start = at('2026-10-24T22:00:00Z');
    expect(addBusinessMinutes(start, 25 * 60, always).toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(businessMinutesBetween(at('2026-10-24T22:00:00Z'), at('2026-10-25T23:00:00Z'), always)).toBe(25 * 60);
  });

  it('refuses negative minutes', () => {
    expect(() => addBusinessMinutes(at('2026-11-02T08:00:00Z'), -1, warsaw)).toThrow(RangeError);
  });
});

describe('businessMinutesBetween', () => {
  it('counts only open hours of working days', () => {
    // Friday 16:00 local to Monday 09:00 local: 1 h + 1 h.
    expect(businessMinutesBetween(at('2026-11-06T15:00:00Z'), at('2026-11-09T08:00:00Z'), warsaw)).toBe(120);
  });
  it('is zero over a weekend, a holiday, or backwards', () => {
    expect(businessMinutesBetween(at('2026-11-07T08:00:00Z'), at('2026-11-08T20:00:00Z'), warsaw)).toBe(0);
    expect(businessMinutesBetween(at('2026-11-11T06:00:00Z'), at('2026-11-11T20:00:00Z'), warsaw)).toBe(0);
    expect(businessMinutesBetween(at('2026-11-09T12:00:00Z'), at('2026-11-09T10:00:00Z'), warsaw)).toBe(0);
  });
  it('counts a whole working week as 45 hours', () => {
    expect(businessMinutesBetween(at('2026-11-15T23:00:00Z'), at('2026-11-22T23:00:00Z'), warsaw)).toBe(45 * 60);
  });
});

describe('business time properties', () => {
  const instant = fc.date({ min: at('2026-01-01T00:00:00Z'), max: at('2027-12-01T00:00:00Z'), noInvalidDate: true });
  const minutes = fc.integer({ min: 0, max: 5000 });
  const calendars = fc.constantFrom<SupportCalendar>(
    warsaw,
    DEFAULT_SUPPORT_CALENDAR,
    { timeZone: 'America/New_York', workingDays: [1, 2, 3, 4, 6], hours: { start: '09:30', end: '18:15' }, holidays: ['2026-07-03'] },
    { timeZone: 'Europe/Warsaw', workingDays: [1, 2, 3, 4, 5, 6, 7], hours: { start: '00:00', end: '24:00' }, holidays: [] },
  );

  it('is monotonic: more minutes never end earlier', () => {
    fc.assert(
      fc.property(instant, minutes, minutes, calendars, (start, a, b, calendar) => {
        const [less, more] = a <= b ? [a, b] : [b, a];
        return addBusinessMinutes(start, less, calendar).getTime() <= addBusinessMinutes(start, more, calendar).getTime();
      }),
    );
  });

  it('is additive: adding a then b is adding a + b', () => {
    fc.assert(
      fc.property(instant, minutes, minutes, calendars, (start, a, b, calendar) => {
        const stepwise = addBusinessMinutes(addBusinessMinutes(start, a, calendar), b, calendar);
        return stepwise.getTime() === addBusinessMinutes(start, a + b, calendar).getTime();
      }),
    );
  });

  it('counts back what it added', () => {
    fc.assert(
      fc.property(instant, minutes, calendars, (start, m, calendar) => {
        return businessMinutesBetween(start, addBusinessMinutes(start, m, calendar), calendar) === m;
      }),
    );
  });

  it('splits an interval additively', () => {
    fc.assert(
      fc.property(instant, instant, instant, calendars, (x, y, z, calendar) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        const whole = businessMinutesBetween(a, c, calendar);
        return Math.abs(whole - businessMinutesBetween(a, b, calendar) - businessMinutesBetween(b, c, calendar)) < 1e-9;
      }),
      { numRuns: 50 },
    );
  });
});

describe('parseSupportCalendar', () => {
  it('fills in the default and checks each field', () => {
    expect(parseSupportCalendar({ timeZone: 'Europe/Berlin' }).hours).toEqual(DEFAULT_SUPPORT_CALENDAR.hours);
    expect(() => parseSupportCalendar({ timeZone: 'Mars/Olympus' })).toThrow(/time zone/);
    expect(() => parseSupportCalendar({ workingDays: [0] })).toThrow(/weekdays/);
    expect(() => parseSupportCalendar({ hours: { start: '17:00', end: '08:00' } })).toThrow(/Hours/);
    expect(() => parseSupportCalendar({ holidays: ['11/11/2026'] })).toThrow(/Holidays/);
  });
});
