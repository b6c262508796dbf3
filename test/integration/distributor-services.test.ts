// What a distributor does for its clients' subscriptions (issue #15's leftovers): "renew all due" over one client, or
// over its own account and every client (each renewal with the client as the licensee, at most one cart's worth);
// auto-renew of a client's subscription, paid from the distributor's balance, and who may switch it; the job's
// reminder, overdue and suspension mails of a client's service (the client is pointed to its distributor, which is
// told too, with a link that names the client).

import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { getAccount } from '#shared/accounts/account.ts';
import { runSubscriptionJob } from '#shared/subscriptions/daily-job.ts';
import { listSubscriptionEvents } from '#shared/subscriptions/events.ts';
import { getSubscription } from '#shared/subscriptions/model.ts';
import { addDays, addPeriods } from '#shared/subscriptions/periods.ts';
import { dueSubscriptions } from '#shared/subscriptions/renew.ts';
import { call, signIn, startTestApi, type TestApi } from '../support/api.ts';
import { testBalance, giveBalance } from '../support/balances.ts';
import { makeDistributor } from '../support/distributor-clients.ts';
import { mailsTo, type StoredMail } from '../support/mailbox.ts';
import { customerWithCart } from '../support/shopper.ts';
import { putTestSubscription } from '../support/subscriptions.ts';
import { countingCommands } from '../support/commands.ts';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());
afterEach(() => vi.restoreAllMocks());

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
    // Bounded reads: the client list (one Query, one BatchGetItem of the clients' names), then one Query per account.
    const { result, commands } = await countingCommands(() => dueSubscriptions(distributor.account.accountId, { allClients: true }));
    expect(result.due).toHaveLength(20);
    expect(commands).toEqual({ QueryCommand: 4, BatchGetCommand: 1 });
    expect(renewed.body).toMatchObject({ added: 20, more: true });
    expect(renewed.body.cart.lines).toHaveLength(20);
    // The cart is full: nothing more goes in, and the answer still says some are waiting.
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject({ added: 0, more: true });
  });
});

/** Each test lives on its own days (the job reads everything due up to its day in this file's table). */
let base = new Date('2027-01-01T03:15:00.000Z');
function nextBase(): Date {
  base = addDays(base, 400);
  return base;
}

const mailsOf = (email: string): Promise<StoredMail[]> => mailsTo(inject('mailUrl'), email);

/** A distributor buying in PLN, its client, and the client's service with auto-renew on, falling due on `start`. */
async function clientWithAutoRenew(start: Date) {
  const [distributor, client] = await Promise.all([customerWithCart([]), customerWithCart([])]);
  await makeDistributor(distributor.account.accountId, [client.account.accountId]);
  const subscription = await putTestSubscription(client.account.accountId, {
    paidUntil: addDays(start, 7).toISOString(),
    remindersSent: [30, 7],
    autoRenew: true,
  });
  return { distributor, client, subscription };
}

describe('auto-renew of a distributor’s client', () => {
  it('the job renews it from the distributor’s balance, once under two runs at once, and the client pays nothing', async () => {
    const start = nextBase();
    const { distributor, client, subscription } = await clientWithAutoRenew(start);
    await Promise.all([giveBalance(distributor.account.accountId, 20_000), giveBalance(client.account.accountId, 20_000)]);

    const [first, second] = await Promise.all([runSubscriptionJob({ at: start }), runSubscriptionJob({ at: start })]);
    await runSubscriptionJob({ at: start });

    expect(first.autoRenewed + second.autoRenewed).toBe(1);
    expect(await getSubscription(client.account.accountId, subscription.subscriptionId)).toMatchObject({
      status: 'active',
      paidUntil: addPeriods(subscription.paidUntil, subscription.period, 1).toISOString(),
    });
    // 49.00 net + 23 % VAT, once, from the distributor (the buyer, invoiced); the client's balance untouched.
    expect(await testBalance(distributor.account.accountId)).toBe(20_000 - 6_027);
    expect(await testBalance(client.account.accountId)).toBe(20_000);
    const renewed = (await listSubscriptionEvents(client.account.accountId, subscription.subscriptionId, { limit: 10 })).items;
    expect(renewed.map((event) => event.kind)).toEqual(['renewed']);
    expect((await mailsOf(client.login.email)).filter((mail) => /could not renew/.test(mail.subject))).toHaveLength(0);
  });

  it('a short distributor balance mails the distributor (which client, top up or renew) and tells the client its distributor was asked', async () => {
    const start = nextBase();
    const { distributor, client, subscription } = await clientWithAutoRenew(start);
    await giveBalance(distributor.account.accountId, 1_000);

    const result = await runSubscriptionJob({ at: start });
    await runSubscriptionJob({ at: start });

    expect(result.autoRenewFailed).toBeGreaterThanOrEqual(1);
    expect(await getSubscription(client.account.accountId, subscription.subscriptionId)).toMatchObject({
      status: 'due',
      autoRenewFailedOn: start.toISOString().slice(0, 10),
    });
    const [toDistributor, ...moreToDistributor] = await mailsOf(distributor.login.email);
    expect(moreToDistributor).toHaveLength(0);
    expect(toDistributor!.subject).toBe(
      `We could not renew Managed Hosting Business (203.0.113.10) of your client ${client.account.name} automatically`,
    );
    expect(toDistributor!.body.text).toMatch(/your balance does not cover it/);
    expect(toDistributor!.body.text).toContain('/balance');
    expect(toDistributor!.body.text).toContain(`/services/${subscription.subscriptionId}?clientId=${client.account.accountId}`);
    const [toClient, ...moreToClient] = await mailsOf(client.login.email);
    expect(moreToClient).toHaveLength(0);
    expect(toClient!.body.text).toContain(`Your distributor, ${distributor.account.name}, renews it automatically`);
    expect(toClient!.body.text).toContain(`We have asked ${distributor.account.name}`);
    expect(toClient!.body.text).not.toMatch(/top up your balance/);
    expect(await testBalance(distributor.account.accountId)).toBe(1_000);

    // Overdue: one more try; the distributor hears again, the client gets the overdue notice without "your balance".
    await runSubscriptionJob({ at: addDays(start, 7) });
    expect(await mailsOf(distributor.login.email)).toHaveLength(2);
    const clientMails = await mailsOf(client.login.email);
    expect(clientMails).toHaveLength(2);
    expect(clientMails[1]!.subject).toMatch(/the paid period has ended/);
    expect(clientMails[1]!.body.text).not.toMatch(/from your balance/);
  });

  it('the distributor switches auto-renew of its client’s subscription; the client sees it read-only (403); another distributor gets 404', async () => {
    const start = nextBase();
    const { distributor, client, subscription } = await clientWithAutoRenew(start);
    const rival = await customerWithCart([]);
    await makeDistributor(rival.account.accountId, []);
    const [token, clientToken, rivalToken] = await Promise.all([
      signIn(api, 'customer', distributor.login),
      signIn(api, 'customer', client.login),
      signIn(api, 'customer', rival.login),
    ]);
    const path = `/api/subscriptions/${subscription.subscriptionId}/auto-renew`;
    const clientId = client.account.accountId;

    const off = await call(api, 'PUT', path, { token, body: { autoRenew: false, clientId } });
    const refused = await call(api, 'PUT', path, { token: clientToken, body: { autoRenew: true } });
    const foreign = await call(api, 'PUT', path, { token: rivalToken, body: { autoRenew: true, clientId } });
    const own = await call(api, 'PUT', path, { token, body: { autoRenew: true } });

    expect(off.status).toBe(200);
    expect(off.body.autoRenew).toBe(false);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ORDERED_BY_DISTRIBUTOR');
    expect(foreign.status).toBe(404);
    expect(own.status).toBe(404);
    expect(await getSubscription(clientId, subscription.subscriptionId)).toMatchObject({ autoRenew: false });
  });
});

describe('the job’s mails of a distributor’s client’s service', () => {
  it('tell the client who renews it (no renew link) and the distributor which client’s service to renew, with ?clientId=', async () => {
    const start = nextBase();
    const [distributor, client] = await Promise.all([customerWithCart([]), customerWithCart([])]);
    await makeDistributor(distributor.account.accountId, [client.account.accountId]);
    const clientId = client.account.accountId;
    const paidUntil = addDays(start, 30);
    const subscription = await putTestSubscription(clientId, { paidUntil: paidUntil.toISOString() });
    const contact = (await getAccount(distributor.account.accountId))!;

    // 30 days ahead (a reminder), at paid-until (overdue), 14 days later (suspended): one mail each, to each side.
    await runSubscriptionJob({ at: start });
    await runSubscriptionJob({ at: paidUntil });
    await runSubscriptionJob({ at: addDays(paidUntil, 14) });

    const page = `/services/${subscription.subscriptionId}`;
    const toClient = await mailsOf(client.login.email);
    expect(toClient.map((mail) => mail.subject)).toEqual([
      expect.stringMatching(/: paid until /),
      expect.stringMatching(/: the paid period has ended$/),
      expect.stringMatching(/ is suspended$/),
    ]);
    for (const mail of toClient) {
      expect(mail.body.text).toContain(`Your distributor, ${contact.name} (${contact.contactEmail}), orders its renewals`);
      expect(mail.body.text).not.toMatch(/renew it|renew now/i);
      expect(mail.body.text).toContain(`${page}\n`);
      expect(mail.body.text).not.toContain('clientId=');
    }

    const toDistributor = await mailsOf(distributor.login.email);
    expect(toDistributor.map((mail) => mail.subject)).toEqual([
      expect.stringMatching(new RegExp(`of your client ${client.account.name}: paid until `)),
      `Managed Hosting Business (203.0.113.10) of your client ${client.account.name}: the paid period has ended`,
      `Managed Hosting Business (203.0.113.10) of your client ${client.account.name} is suspended`,
    ]);
    for (const mail of toDistributor) expect(mail.body.text).toContain(`${page}?clientId=${clientId}`);
    expect(toDistributor[1]!.body.text).toContain('Please renew it for them');
  });
});
