// What a distributor does for its clients' subscriptions (issue #15's leftovers): "renew all due" over one client, or
// over its own account and every client (each renewal with the client as the licensee, at most one cart's worth).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '#shared/subscriptions/periods.ts';
import { call, signIn, startTestApi, type TestApi } from '../support/api.ts';
import { makeDistributor } from '../support/distributor-clients.ts';
import { customerWithCart } from '../support/shopper.ts';
import { putTestSubscription } from '../support/subscriptions.ts';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

type CartLine = { quantity: number; action?: { kind: string; subscriptionId: string; licenseeAccountId: string } };

/** The cart's renewals: subscription id -> the licensee it renews for. */
function renewalsIn(cart: { lines: CartLine[] }): Record<string, string> {
  return Object.fromEntries(
    cart.lines.flatMap((line) => (line.action ? [[line.action.subscriptionId, line.action.licenseeAccountId]] : [])),
  );
}

/** A distributor (Polish, buying in PLN) with two clients, and another distributor with a client of its own. */
async function distributorWithClients() {
  const [distributor, first, second, rival, rivalClient] = await Promise.all(Array.from({ length: 5 }, () => customerWithCart([])));
  await Promise.all([
    makeDistributor(distributor!.account.accountId, [first!.account.accountId, second!.account.accountId]),
    makeDistributor(rival!.account.accountId, [rivalClient!.account.accountId]),
  ]);
  return { distributor: distributor!, first: first!, second: second!, rivalClient: rivalClient! };
}

describe('renew all due for a distributor’s clients', () => {
  it('renews the due subscriptions of its own account and both clients, each for its licensee, and never another distributor’s client', async () => {
    const { distributor, first, second, rivalClient } = await distributorWithClients();
    const overdue = { status: 'overdue' as const, paidUntil: addDays(new Date(), -3).toISOString() };
    const [own, firstDue, firstOverdue, _firstActive, secondDue, rivalDue] = await Promise.all([
      putTestSubscription(distributor.account.accountId, { status: 'due' }),
      putTestSubscription(first.account.accountId, { status: 'due' }),
      putTestSubscription(first.account.accountId, overdue),
      putTestSubscription(first.account.accountId),
      putTestSubscription(second.account.accountId, { status: 'due' }),
      putTestSubscription(rivalClient.account.accountId, { status: 'due' }),
    ]);
    const token = await signIn(api, 'customer', distributor.login);

    // What the page offers: own first, each client's row naming its client.
    const listed = await call(api, 'GET', '/api/subscriptions/renew-due?allClients=true', { token });
    expect(listed.status).toBe(200);
    expect(listed.body.more).toBe(false);
    const rows = listed.body.items as Array<{ subscriptionId: string; client?: { accountId: string } }>;
    expect(Object.fromEntries(rows.map((row) => [row.subscriptionId, row.client?.accountId ?? 'own']))).toEqual({
      [own.subscriptionId]: 'own',
      [firstDue.subscriptionId]: first.account.accountId,
      [firstOverdue.subscriptionId]: first.account.accountId,
      [secondDue.subscriptionId]: second.account.accountId,
    });
    expect(rows[0]!.subscriptionId).toBe(own.subscriptionId);

    const renewed = await call(api, 'POST', '/api/subscriptions/renew-due', { token, body: { allClients: true } });
    expect(renewed.status).toBe(200);
    expect(renewed.body).toMatchObject({ added: 4, more: false });
    expect(renewalsIn(renewed.body.cart)).toEqual({
      [own.subscriptionId]: distributor.account.accountId,
      [firstDue.subscriptionId]: first.account.accountId,
      [firstOverdue.subscriptionId]: first.account.accountId,
      [secondDue.subscriptionId]: second.account.accountId,
    });
    expect(renewalsIn(renewed.body.cart)).not.toHaveProperty(rivalDue.subscriptionId);

    // Again: everything is in the cart already.
    const again = await call(api, 'POST', '/api/subscriptions/renew-due', { token, body: { allClients: true } });
    expect(again.body).toMatchObject({ added: 0, more: false });

    // Another distributor's client is no client of this one: 404 to read or renew, whatever it has due.
    for (const answer of [
      await call(api, 'GET', `/api/subscriptions/renew-due?clientId=${rivalClient.account.accountId}`, { token }),
      await call(api, 'POST', '/api/subscriptions/renew-due', { token, body: { clientId: rivalClient.account.accountId } }),
    ]) {
      expect(answer.status).toBe(404);
    }
  });

  it('filtered to one client renews only that client’s due subscriptions, into the distributor’s cart', async () => {
    const { distributor, first, second } = await distributorWithClients();
    const [own, firstDue, secondDue] = await Promise.all([
      putTestSubscription(distributor.account.accountId, { status: 'due' }),
      putTestSubscription(first.account.accountId, { status: 'due' }),
      putTestSubscription(second.account.accountId, { status: 'due' }),
    ]);
    const [token, clientToken] = await Promise.all([signIn(api, 'customer', distributor.login), signIn(api, 'customer', second.login)]);

    const renewed = await call(api, 'POST', '/api/subscriptions/renew-due', { token, body: { clientId: first.account.accountId } });

    expect(renewed.status).toBe(200);
    expect(renewalsIn(renewed.body.cart)).toEqual({ [firstDue.subscriptionId]: first.account.accountId });
    expect(renewalsIn(renewed.body.cart)).not.toHaveProperty(own.subscriptionId);
    expect(renewalsIn(renewed.body.cart)).not.toHaveProperty(secondDue.subscriptionId);
    // The client itself still may not: its distributor orders its renewals.
    const refused = await call(api, 'POST', '/api/subscriptions/renew-due', { token: clientToken, body: {} });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ORDERED_BY_DISTRIBUTOR');
  });

  it('puts at most one cart’s worth (20 lines) in the cart and says more are due', async () => {
    const { distributor, first, second } = await distributorWithClients();
    await Promise.all([
      ...Array.from({ length: 12 }, () => putTestSubscription(first.account.accountId, { status: 'due' })),
      ...Array.from({ length: 12 }, () => putTestSubscription(second.account.accountId, { status: 'due' })),
    ]);
    const token = await signIn(api, 'customer', distributor.login);

    const listed = await call(api, 'GET', '/api/subscriptions/renew-due?allClients=true', { token });
    const renewed = await call(api, 'POST', '/api/subscriptions/renew-due', { token, body: { allClients: true } });
    const full = await call(api, 'POST', '/api/subscriptions/renew-due', { token, body: { allClients: true } });

    expect(listed.body.items).toHaveLength(20);
    expect(listed.body.more).toBe(true);
    expect(renewed.body).toMatchObject({ added: 20, more: true });
    expect(renewed.body.cart.lines).toHaveLength(20);
    // The cart is full: nothing more goes in, and the answer still says some are waiting.
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject({ added: 0, more: true });
  });
});
