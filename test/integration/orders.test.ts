// The customer's orders through the local API Gateway: newest or oldest first, paged, one order in full, and no way
// into another account's orders.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createCustomer, purchases, signIn, startTestApi, type TestApi } from '../support/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

type Listed = { orderId: string; reference: string; orderedAt: string };

async function everyPage(token: string, query: string): Promise<Listed[]> {
  const seen: Listed[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 10; pages += 1) {
    const response = await call(api, 'GET', `/api/orders?${query}${cursor ? `&cursor=${cursor}` : ''}`, { token });
    expect(response.status).toBe(200);
    seen.push(...response.body.items);
    cursor = response.body.nextCursor;
    if (!cursor) break;
  }
  return seen;
}

describe('GET /api/orders', () => {
  it('lists the orders newest first with date, reference and total, and nothing more', async () => {
    // Prepare
    const customer = await createCustomer(purchases(3, 2024));
    const token = await signIn(api, 'customer', customer.login);
    // Act
    const response = await call(api, 'GET', '/api/orders', { token });
    // Assess
    expect(response.status).toBe(200);
    expect(response.body.items.map((order: Listed) => order.orderedAt)).toEqual([
      '2024-03-15T10:30:00.000Z',
      '2024-02-15T10:30:00.000Z',
      '2024-01-15T10:30:00.000Z',
    ]);
    // The first purchase came with a year of support (20% of the price): two lines.
    expect(response.body.items[2]).toEqual({
      orderId: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/),
      reference: customer.purchases[0]!.reference,
      orderedAt: '2024-01-15T10:30:00.000Z',
      total: { amountMinor: 12_000, currency: 'EUR' },
    });
    expect(response.body.nextCursor).toBeUndefined();
  });

  it('pages through every order exactly once, newest first and with sort=asc oldest first', async () => {
    const customer = await createCustomer(purchases(7));
    const token = await signIn(api, 'customer', customer.login);

    const newestFirst = await everyPage(token, 'limit=3');
    const oldestFirst = await everyPage(token, 'limit=3&sort=asc');
    const explicitDesc = await everyPage(token, 'limit=2&sort=desc');

    const dates = customer.purchases.map((purchase) => `${purchase.date}T10:30:00.000Z`).sort();
    expect(oldestFirst.map((order) => order.orderedAt)).toEqual(dates);
    expect(newestFirst.map((order) => order.orderedAt)).toEqual([...dates].reverse());
    expect(explicitDesc.map((order) => order.orderId)).toEqual(newestFirst.map((order) => order.orderId));
    expect(new Set(newestFirst.map((order) => order.orderId)).size).toBe(7);
  });

  it("keeps a cursor copied from another account inside the caller's own orders", async () => {
    const victim = await createCustomer(purchases(4));
    const attacker = await createCustomer(purchases(1));
    const victimToken = await signIn(api, 'customer', victim.login);
    const attackerToken = await signIn(api, 'customer', attacker.login);
    const victimPage = await call(api, 'GET', '/api/orders?limit=1', { token: victimToken });

    const forged = await call(api, 'GET', `/api/orders?cursor=${victimPage.body.nextCursor}`, { token: attackerToken });

    expect(forged.status).toBe(200);
    const victimIds = new Set((await everyPage(victimToken, 'limit=100')).map((order) => order.orderId));
    for (const order of forged.body.items) expect(victimIds.has(order.orderId)).toBe(false);
  });

  it('refuses a bad sort, a licence cursor and unknown keys with 400, and no token with 401', async () => {
    const customer = await createCustomer(purchases(2));
    const token = await signIn(api, 'customer', customer.login);
    const licencePage = await call(api, 'GET', '/api/licences?limit=1', { token });
    for (const query of ['?sort=newest', `?cursor=${licencePage.body.nextCursor}`, '?status=open']) {
      const response = await call(api, 'GET', `/api/orders${query}`, { token });
      expect(response.status, query).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await call(api, 'GET', '/api/orders')).status).toBe(401);
  });
});

describe('GET /api/orders/{orderId}', () => {
  it('shows one order with its lines, total and the contact given at purchase', async () => {
    const customer = await createCustomer([
      {
        reference: 'JWT7001',
        date: '2025-06-03',
        product: 'Remote Access',
        edition: 'Enterprise',
        users: 10,
        serial: 'P65-1',
        unitPriceMinor: 60_180,
        supportYears: 1,
      },
    ]);
    const token = await signIn(api, 'customer', customer.login);
    const [listed] = (await call(api, 'GET', '/api/orders', { token })).body.items as Listed[];

    const response = await call(api, 'GET', `/api/orders/${listed!.orderId}`, { token });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      orderId: listed!.orderId,
      reference: 'JWT7001',
      orderedAt: '2025-06-03T10:30:00.000Z',
      total: { amountMinor: 72_216, currency: 'EUR' },
      lines: [
        {
          product: 'Remote Access',
          sku: 'REMOTE-ACCESS-ENTERPRISE-10U',
          edition: 'Enterprise',
          users: 10,
          quantity: 1,
          unitPrice: { amountMinor: 60_180, currency: 'EUR' },
          subtotal: { amountMinor: 60_180, currency: 'EUR' },
        },
        {
          product: 'Remote Access Support & Updates',
          sku: 'REMOTE-ACCESS-ENTERPRISE-10U-SUP1Y',
          edition: 'Enterprise',
          users: 10,
          quantity: 1,
          unitPrice: { amountMinor: 12_036, currency: 'EUR' },
          subtotal: { amountMinor: 12_036, currency: 'EUR' },
        },
      ],
      contact: { name: 'Test Person', email: customer.login.email, country: 'PL', city: 'Kraków' },
    });
  });

  it("answers 404 for another account's order and for an unknown id, and leaves that order as it was", async () => {
    // Prepare
    const owner = await createCustomer(purchases(2));
    const other = await createCustomer(purchases(1));
    const ownerToken = await signIn(api, 'customer', owner.login);
    const otherToken = await signIn(api, 'customer', other.login);
    const ownerOrders = (await call(api, 'GET', '/api/orders', { token: ownerToken })).body.items as Listed[];
    const before = await call(api, 'GET', `/api/orders/${ownerOrders[0]!.orderId}`, { token: ownerToken });
    // Act
    const foreign = await call(api, 'GET', `/api/orders/${ownerOrders[0]!.orderId}`, { token: otherToken });
    const unknown = await call(api, 'GET', '/api/orders/01JD3Q8W5M2K7Z9XG4R6T1V0BN', { token: otherToken });
    // Assess
    for (const response of [foreign, unknown]) {
      expect(response.status).toBe(404);
      expect(response.body.error).toMatchObject({ code: 'NOT_FOUND', message: 'The order was not found.' });
    }
    expect(JSON.stringify(foreign.body)).not.toContain(owner.account.accountId);
    const after = await call(api, 'GET', `/api/orders/${ownerOrders[0]!.orderId}`, { token: ownerToken });
    expect(after.body).toEqual(before.body);
    expect((await call(api, 'GET', '/api/orders', { token: ownerToken })).body.items).toEqual(ownerOrders);
    expect((await call(api, 'GET', '/api/orders', { token: otherToken })).body.items).toHaveLength(1);
  });

  it('refuses an id that cannot be an order id with 400', async () => {
    const customer = await createCustomer([]);
    const token = await signIn(api, 'customer', customer.login);
    for (const id of ['42', 'JWT1042', '01jd3q8w5m2k7z9xg4r6t1v0bn', '01JD3Q8W5M2K7Z9XG4R6T1V0BU']) {
      const response = await call(api, 'GET', `/api/orders/${id}`, { token });
      expect(response.status, id).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    }
  });
});
