// One licence in full with the support subscriptions covering it, the licence list in both date orders, and no way
// into another account's licences.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchPut } from '#infra/local/seed.ts';
import { db, tableName } from '#shared/db/client.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { keys } from '#shared/db/keys.ts';
import { stableId } from '#shared/ids.ts';
import { call, createCustomer, purchases, signIn, startTestApi, type TestApi } from '../support/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

type Listed = { licenceId: string; serial: string; purchasedAt: string; orderId: string };

describe('GET /api/licences?sort=', () => {
  it('lists the licences oldest first with sort=asc and newest first by default, paging either way', async () => {
    const customer = await createCustomer(purchases(5, 2023));
    const token = await signIn(api, 'customer', customer.login);
    const read = async (query: string) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 10; pages += 1) {
        const response = await call(api, 'GET', `/api/licences?${query}${cursor ? `&cursor=${cursor}` : ''}`, { token });
        expect(response.status).toBe(200);
        seen.push(...response.body.items.map((licence: Listed) => licence.purchasedAt));
        cursor = response.body.nextCursor;
        if (!cursor) break;
      }
      return seen;
    };
    const dates = customer.purchases.map((purchase) => `${purchase.date}T10:30:00.000Z`);

    expect(await read('limit=2&sort=asc')).toEqual(dates);
    expect(await read('limit=2')).toEqual([...dates].reverse());
    expect(await read('limit=4&sort=desc')).toEqual([...dates].reverse());
  });
});

describe('GET /api/licences/{licenceId}', () => {
  it('shows every field of the licence and the support subscriptions covering it, newest first', async () => {
    // Prepare: two licences with a year of support each, then a renewal of the first one's support, written as an
    // order for a renewal would write it.
    const customer = await createCustomer([
      {
        reference: 'JWT8001',
        date: '2023-02-01',
        product: 'Remote Access',
        edition: 'Enterprise',
        users: 5,
        serial: 'P62-1',
        unitPriceMinor: 40_000,
        supportYears: 1,
      },
      {
        reference: 'JWT8002',
        date: '2023-03-01',
        product: 'Server Monitoring',
        edition: 'Standard',
        users: 3,
        serial: 'P65-2',
        unitPriceMinor: 20_000,
        supportYears: 1,
        days: 365,
      },
    ]);
    const token = await signIn(api, 'customer', customer.login);
    const licences = (await call(api, 'GET', '/api/licences', { token })).body.items as Listed[];
    const first = licences.find((licence) => licence.serial === 'P62-1')!;
    const renewalStart = new Date('2024-02-01T10:30:00.000Z');
    const renewalId = stableId(renewalStart, 'renewal');
    await batchPut([
      {
        ...keys.supportSubscription(customer.account.accountId, renewalId),
        ...keys.supportByLicence(customer.account.accountId, first.licenceId, renewalId),
        type: 'SupportSubscription',
        accountId: customer.account.accountId,
        subscriptionId: renewalId,
        licenceId: first.licenceId,
        product: 'Remote Access',
        serial: 'P62-1',
        users: 5,
        edition: 'Enterprise',
        orderId: stableId(renewalStart, 'renewal-order'),
        orderReference: 'JWT8003',
        startsAt: renewalStart.toISOString(),
        years: 1,
        endsAt: '2025-02-01T10:30:00.000Z',
      },
    ]);
    // Act
    const response = await call(api, 'GET', `/api/licences/${first.licenceId}`, { token });
    // Assess
    expect(response.status).toBe(200);
    const { supportSubscriptions, ...licence } = response.body;
    expect(licence).toEqual({
      licenceId: first.licenceId,
      product: 'Remote Access',
      serial: 'P62-1',
      users: 5,
      edition: 'Enterprise',
      orderId: first.orderId,
      orderReference: 'JWT8001',
      purchasedAt: '2023-02-01T10:30:00.000Z',
      supportEndsAt: '2024-02-01T10:30:00.000Z',
      supportActive: false,
    });
    expect(
      supportSubscriptions.map((subscription: { orderReference: string; startsAt: string; status: string }) => [
        subscription.orderReference,
        subscription.startsAt,
        subscription.status,
      ]),
    ).toEqual([
      ['JWT8003', '2024-02-01T10:30:00.000Z', 'expired'],
      ['JWT8001', '2023-02-01T10:30:00.000Z', 'expired'],
    ]);
    for (const subscription of supportSubscriptions) expect(subscription.licenceId).toBe(first.licenceId);

    const second = licences.find((licence) => licence.serial === 'P65-2')!;
    const other = await call(api, 'GET', `/api/licences/${second.licenceId}`, { token });
    expect(other.body).toMatchObject({ serial: 'P65-2', days: 365, supportSubscriptions: [{ orderReference: 'JWT8002', years: 1 }] });
    expect(other.body.supportSubscriptions).toHaveLength(1);
  });

  it('shows a licence without support with an empty list of subscriptions', async () => {
    const customer = await createCustomer(purchases(2));
    const token = await signIn(api, 'customer', customer.login);
    const [newest] = (await call(api, 'GET', '/api/licences', { token })).body.items as Listed[];
    const response = await call(api, 'GET', `/api/licences/${newest!.licenceId}`, { token });
    expect(response.status).toBe(200);
    expect(response.body.supportSubscriptions).toEqual([]);
    expect(response.body.supportEndsAt).toBeUndefined();
  });

  it("answers 404 for another account's licence and for an unknown id, and leaves that licence as it was", async () => {
    // Prepare
    const owner = await createCustomer(purchases(2));
    const other = await createCustomer(purchases(1));
    const ownerToken = await signIn(api, 'customer', owner.login);
    const otherToken = await signIn(api, 'customer', other.login);
    const [target] = (await call(api, 'GET', '/api/licences?sort=asc', { token: ownerToken })).body.items as Listed[];
    const before = await call(api, 'GET', `/api/licences/${target!.licenceId}`, { token: ownerToken });
    expect(before.body.supportSubscriptions).toHaveLength(1);
    // Act
    const foreign = await call(api, 'GET', `/api/licences/${target!.licenceId}`, { token: otherToken });
    const unknown = await call(api, 'GET', '/api/licences/01JD3Q8W5M2K7Z9XG4R6T1V0BN', { token: otherToken });
    const malformed = await call(api, 'GET', '/api/licences/P62-7731', { token: otherToken });
    // Assess
    for (const response of [foreign, unknown]) {
      expect(response.status).toBe(404);
      expect(response.body.error).toMatchObject({ code: 'NOT_FOUND', message: 'The licence was not found.' });
    }
    expect(JSON.stringify(foreign.body)).not.toContain(target!.serial);
    expect(malformed.status).toBe(400);
    const after = await call(api, 'GET', `/api/licences/${target!.licenceId}`, { token: ownerToken });
    expect(after.body).toEqual(before.body);
    expect((await call(api, 'GET', '/api/licences', { token: otherToken })).body.items).toHaveLength(1);
  });

  it('answers 500 with the error body, not a licence with a wrong field, when the stored licence item has drifted', async () => {
    // Prepare: the licence item as an older writer might have left it, its user count stored as text.
    const customer = await createCustomer(purchases(1));
    const token = await signIn(api, 'customer', customer.login);
    const [licence] = (await call(api, 'GET', '/api/licences', { token })).body.items as Listed[];
    const stored = await db().send(
      new GetCommand({ TableName: tableName(), Key: keys.licence(customer.account.accountId, licence!.licenceId) }),
    );
    await batchPut([{ ...stored.Item!, users: 'five' }]);
    // Act
    const response = await call(api, 'GET', `/api/licences/${licence!.licenceId}`, { token });
    // Assess
    expect(response.status).toBe(500);
    expect(response.body.error).toMatchObject({ code: 'INTERNAL', requestId: expect.any(String) });
    expect(JSON.stringify(response.body)).not.toContain(licence!.serial);
  });
});
