// The customer's support & updates subscriptions through the local API Gateway: status from today's clock, paged,
// newest or oldest start first.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DemoPurchase } from '#infra/local/seed.ts';
import { now, resetClockForTests, shiftClockForTests } from '#shared/time.ts';
import { call, createCustomer, purchases, signIn, startTestApi, type TestApi } from '../support/api.ts';

const DAY = 24 * 60 * 60 * 1000;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());
afterEach(() => resetClockForTests());

function daysAgo(days: number): string {
  return new Date(now().getTime() - days * DAY).toISOString().slice(0, 10);
}

function purchase(reference: string, date: string, serial: string, supportYears?: number): DemoPurchase {
  return {
    reference,
    date,
    product: 'Remote Access',
    edition: 'Enterprise',
    users: 10,
    serial,
    unitPriceMinor: 50_000,
    ...(supportYears ? { supportYears } : {}),
  };
}

type Listed = { subscriptionId: string; orderReference: string; startsAt: string; status: string };

describe('GET /api/support', () => {
  it('lists each subscription with its licence, order, dates and status, newest start first', async () => {
    // Prepare: support bought 400 days ago for 2 years, 345 days ago for 1 year, in 2020 for 1 year; one without.
    const customer = await createCustomer([
      purchase('S-OLD', '2020-04-01', 'P-OLD', 1),
      purchase('S-NONE', '2021-04-01', 'P-NONE'),
      purchase('S-ACTIVE', daysAgo(400), 'P-ACTIVE', 2),
      purchase('S-EXPIRING', daysAgo(345), 'P-EXPIRING', 1),
    ]);
    const token = await signIn(api, 'customer', customer.login);
    // Act
    const response = await call(api, 'GET', '/api/support', { token });
    // Assess
    expect(response.status).toBe(200);
    expect(response.body.items.map((item: Listed) => [item.orderReference, item.status])).toEqual([
      ['S-EXPIRING', 'expiring'],
      ['S-ACTIVE', 'active'],
      ['S-OLD', 'expired'],
    ]);
    const licences = (await call(api, 'GET', '/api/licences', { token })).body.items as Array<{
      licenceId: string;
      serial: string;
      orderId: string;
    }>;
    const old = licences.find((licence) => licence.serial === 'P-OLD')!;
    expect(response.body.items[2]).toEqual({
      subscriptionId: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/),
      licenceId: old.licenceId,
      product: 'Remote Access',
      serial: 'P-OLD',
      users: 10,
      edition: 'Enterprise',
      orderId: old.orderId,
      orderReference: 'S-OLD',
      startsAt: '2020-04-01T10:30:00.000Z',
      years: 1,
      endsAt: '2021-04-01T10:30:00.000Z',
      status: 'expired',
    });
  });

  it('computes the status from the clock when read: expiring turns expired once the end has passed', async () => {
    const customer = await createCustomer([purchase('S-A', daysAgo(400), 'P-A', 2), purchase('S-E', daysAgo(345), 'P-E', 1)]);
    const token = await signIn(api, 'customer', customer.login);
    const statuses = async () =>
      Object.fromEntries(
        ((await call(api, 'GET', '/api/support', { token })).body.items as Listed[]).map((item) => [item.orderReference, item.status]),
      );
    expect(await statuses()).toEqual({ 'S-A': 'active', 'S-E': 'expiring' });

    shiftClockForTests(25 * DAY);
    expect(await statuses()).toEqual({ 'S-A': 'active', 'S-E': 'expired' });

    shiftClockForTests(285 * DAY);
    expect(await statuses()).toEqual({ 'S-A': 'expiring', 'S-E': 'expired' });
  });

  it('pages through every subscription exactly once, in both date orders', async () => {
    // Every second purchase of the helper comes with a year of support: 4 of 7.
    const customer = await createCustomer(purchases(7));
    const token = await signIn(api, 'customer', customer.login);
    const read = async (query: string) => {
      const seen: Listed[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 10; pages += 1) {
        const response = await call(api, 'GET', `/api/support?${query}${cursor ? `&cursor=${cursor}` : ''}`, { token });
        expect(response.status).toBe(200);
        expect(response.body.items.length).toBeLessThanOrEqual(3);
        seen.push(...response.body.items);
        cursor = response.body.nextCursor;
        if (!cursor) break;
      }
      return seen.map((item) => item.startsAt);
    };
    const starts = customer.purchases
      .filter((p) => p.supportYears)
      .map((p) => `${p.date}T10:30:00.000Z`)
      .sort();

    expect(await read('limit=3&sort=asc')).toEqual(starts);
    expect(await read('limit=3')).toEqual([...starts].reverse());
  });

  it("answers an account without support with an empty list, and never shows another account's", async () => {
    const withSupport = await createCustomer(purchases(4));
    const without = await createCustomer([purchase('S-NONE', '2024-01-01', 'P-NONE')]);
    const withToken = await signIn(api, 'customer', withSupport.login);
    const withoutToken = await signIn(api, 'customer', without.login);
    const page = await call(api, 'GET', '/api/support?limit=1', { token: withToken });
    expect(page.body.nextCursor).toEqual(expect.any(String));

    const own = await call(api, 'GET', '/api/support', { token: withoutToken });
    const forged = await call(api, 'GET', `/api/support?cursor=${page.body.nextCursor}`, { token: withoutToken });
    const orderCursor = (await call(api, 'GET', '/api/orders?limit=1', { token: withToken })).body.nextCursor;
    const wrongKind = await call(api, 'GET', `/api/support?cursor=${orderCursor}`, { token: withoutToken });

    expect(own.status).toBe(200);
    expect(own.body).toEqual({ items: [] });
    expect(forged.status).toBe(200);
    expect(forged.body.items).toEqual([]);
    expect(wrongKind.status).toBe(400);
  });
});
