// Support status is computed from the clock when read: active, expiring within 30 days, expired.

import { describe, expect, it } from 'vitest';
import { EXPIRING_WITHIN_DAYS, supportStatus, toSupportSubscriptionView } from '#shared/support/model.ts';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2026-11-21T12:00:00.000Z');
const endingIn = (ms: number) => new Date(now.getTime() + ms).toISOString();

describe('support status', () => {
  it('is active while more than 30 days are left', () => {
    expect(EXPIRING_WITHIN_DAYS).toBe(30);
    expect(supportStatus(endingIn(30 * DAY + 1), now)).toBe('active');
    expect(supportStatus(endingIn(365 * DAY), now)).toBe('active');
  });

  it('is expiring from exactly 30 days before the end until the last millisecond', () => {
    expect(supportStatus(endingIn(30 * DAY), now)).toBe('expiring');
    expect(supportStatus(endingIn(DAY), now)).toBe('expiring');
    expect(supportStatus(endingIn(1), now)).toBe('expiring');
  });

  it('is expired from the end instant on', () => {
    expect(supportStatus(endingIn(0), now)).toBe('expired');
    expect(supportStatus(endingIn(-1), now)).toBe('expired');
    expect(supportStatus(endingIn(-400 * DAY), now)).toBe('expired');
  });

  it("shows only the subscription's own fields, never keys or index attributes", () => {
    const view = toSupportSubscriptionView(
      {
        PK: 'ACCOUNT#a',
        SK: 'SUPPORT#01JD3Q8W5M2K7Z9XG4R6T1V0BN',
        GSI1PK: 'ACCOUNT#a#LICENCE#01JD3Q8W5M2K7Z9XG4R6T1V0BM',
        GSI1SK: 'SUPPORT#01JD3Q8W5M2K7Z9XG4R6T1V0BN',
        type: 'SupportSubscription',
        accountId: 'a',
        subscriptionId: '01JD3Q8W5M2K7Z9XG4R6T1V0BN',
        licenceId: '01JD3Q8W5M2K7Z9XG4R6T1V0BM',
        product: 'Remote Access',
        serial: 'P24-9921',
        users: 25,
        edition: 'Enterprise',
        orderId: '01JD3Q8W5M2K7Z9XG4R6T1V0BK',
        orderReference: 'JWT1018',
        startsAt: '2025-11-21T12:00:00.000Z',
        years: 1,
        endsAt: endingIn(10 * DAY),
      },
      now,
    );
    expect(Object.keys(view).sort()).toEqual([
      'edition',
      'endsAt',
      'licenceId',
      'orderId',
      'orderReference',
      'product',
      'serial',
      'startsAt',
      'status',
      'subscriptionId',
      'users',
      'years',
    ]);
    expect(view.status).toBe('expiring');
  });
});
