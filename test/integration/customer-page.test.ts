// The staff's customer page through the local API Gateway: the account with the first page of each section, each
// section's further pages, a licence's activations, unknown accounts, and the sign-in history of the account's users.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createCustomer, createStaff, purchases, signIn, startTestApi, type TestApi } from '../support/api.ts';
import type { DemoAccount } from '#infra/local/seed.ts';

let api: TestApi;
let staffToken: string;
let supportToken: string;
let customer: DemoAccount;
let customerToken: string;
let other: DemoAccount;

beforeAll(async () => {
  api = await startTestApi();
  [staffToken, supportToken, customer, other] = await Promise.all([
    createStaff(['billing']).then((login) => signIn(api, 'staff', login)),
    createStaff(['support']).then((login) => signIn(api, 'staff', login)),
    createCustomer(purchases(13)),
    createCustomer(purchases(1)),
  ]);
  // A sign-in of the customer, which the page's sign-in history shows.
  customerToken = await signIn(api, 'customer', customer.login);
});
afterAll(() => api.stop());

const page = (accountId: string, token = staffToken) => call(api, 'GET', `/api/admin/customers/${accountId}`, { token });

describe('GET /api/admin/customers/{accountId}', () => {
  it('answers the account, its users, the first page of each section and the users’ sign-ins', async () => {
    const response = await page(customer.account.accountId);
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body.account).toMatchObject({ accountId: customer.account.accountId, name: customer.account.name });
    expect(body.account.activationKey).toBe(customer.account.activationKey);
    expect(body.users).toEqual([expect.objectContaining({ userId: customer.userId, email: customer.login.email, role: 'owner' })]);
    // 13 purchases: a first page of 10, newest first, and a cursor for the rest.
    expect(body.licences.items).toHaveLength(10);
    expect(body.licences.nextCursor).toEqual(expect.any(String));
    const purchased = body.licences.items.map((licence: { purchasedAt: string }) => licence.purchasedAt);
    expect(purchased).toEqual([...purchased].sort().reverse());
    expect(body.orders.items).toHaveLength(10);
    // Every other purchase came with a year of support: 7 subscriptions.
    expect(body.support.items).toHaveLength(7);
    expect(body.support.nextCursor).toBeUndefined();
    expect(body.contracts).toEqual([]);
    expect(body.signIns.length).toBeGreaterThanOrEqual(1);
    expect(body.signIns[0]).toMatchObject({ userId: customer.userId, email: customer.login.email, method: 'password' });
    // Nothing of the other account.
    expect(JSON.stringify(body)).not.toContain(other.account.accountId);
  });

  it('pages on through each section’s own route with its cursor, to the last item', async () => {
    const first = await page(customer.account.accountId);
    const licences = await call(
      api,
      'GET',
      `/api/admin/customers/${customer.account.accountId}/licences?cursor=${first.body.licences.nextCursor}&limit=10`,
      { token: supportToken },
    );
    expect(licences.status).toBe(200);
    expect(licences.body.items).toHaveLength(3);
    expect(licences.body.nextCursor).toBeUndefined();
    const all = [...first.body.licences.items, ...licences.body.items].map((licence: { licenceId: string }) => licence.licenceId);
    expect(new Set(all).size).toBe(13);

    const orders = await call(
      api,
      'GET',
      `/api/admin/customers/${customer.account.accountId}/orders?cursor=${first.body.orders.nextCursor}`,
      { token: staffToken },
    );
    expect(orders.status).toBe(200);
    expect(orders.body.items).toHaveLength(3);

    const support = await call(api, 'GET', `/api/admin/customers/${customer.account.accountId}/support?limit=5`, { token: staffToken });
    expect(support.status).toBe(200);
    expect(support.body.items).toHaveLength(5);
    expect(support.body.nextCursor).toEqual(expect.any(String));
  });

  it('shows a licence’s computer and activation history, and not through another account’s id', async () => {
    const first = await page(customer.account.accountId);
    const licenceId = first.body.licences.items[0].licenceId as string;
    const activated = await call(api, 'POST', '/api/licensing/activate', {
      body: { activationKey: customer.account.activationKey, computerId: 'PC-CUSTOMER-PAGE', licenceId },
    });
    expect(activated.status).toBe(200);
    const activations = await call(api, 'GET', `/api/admin/customers/${customer.account.accountId}/licences/${licenceId}/activations`, {
      token: supportToken,
    });
    expect(activations.status).toBe(200);
    expect(activations.body).toMatchObject({ licenceId, computerId: 'PC-CUSTOMER-PAGE', transfers: { remaining: 3 } });
    expect(activations.body.items).toEqual([expect.objectContaining({ action: 'activated', toComputerId: 'PC-CUSTOMER-PAGE' })]);

    const foreign = await call(api, 'GET', `/api/admin/customers/${other.account.accountId}/licences/${licenceId}/activations`, {
      token: supportToken,
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('NOT_FOUND');
  });

  it('answers 404 for an unknown account, on the page and on every section route', async () => {
    for (const path of ['', '/licences', '/support', '/orders']) {
      const response = await call(api, 'GET', `/api/admin/customers/acc-unknown${path}`, { token: staffToken });
      expect(response.status, path).toBe(404);
      expect(response.body.error).toMatchObject({ code: 'NOT_FOUND', requestId: expect.any(String) });
    }
  });

  it('refuses an account id that is not one (400) and customers (401)', async () => {
    const bad = await call(api, 'GET', `/api/admin/customers/${encodeURIComponent('a b')}`, { token: staffToken });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    const asCustomer = await page(customer.account.accountId, customerToken);
    expect(asCustomer.status).toBe(401);
  });
});
