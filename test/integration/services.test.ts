// The services pages' routes (issue #15) through the local API Gateway against DynamoDB Local: the account's
// subscriptions a page at a time with filters, one with its history, auto-renew on and off (once, also under a double
// click), foreign ids, a distributor's client filter, and the staff's list and audited identifier.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { money } from '#shared/money.ts';
import { subscriptionEventPut } from '#shared/subscriptions/events.ts';
import { getSubscription, type Subscription } from '#shared/subscriptions/model.ts';
import { TransactWriteCommand } from '#shared/db/commands.ts';
import { db } from '#shared/db/client.ts';
import { addMember, call, createCustomer, createStaff, signIn, startTestApi, type TestApi } from '../support/api.ts';
import { putTestSubscription } from '../support/subscriptions.ts';

let api: TestApi;
let admin: string;
let support: string;
let billingStaff: string;

beforeAll(async () => {
  api = await startTestApi();
  const staffToken = (group: string) => createStaff([group]).then((login) => signIn(api, 'staff', login));
  [admin, support, billingStaff] = await Promise.all([staffToken('admin'), staffToken('support'), staffToken('billing')]);
});
afterAll(() => api.stop());

const DAY = 86_400_000;
/** `days` whole days and an hour from now: what the page shows as `days` days left. */
const inDays = (days: number) => new Date(Date.now() + days * DAY + 3_600_000).toISOString();

async function customerWithToken() {
  const customer = await createCustomer([]);
  return { accountId: customer.account.accountId, token: await signIn(api, 'customer', customer.login), customer };
}

describe('the services list', () => {
  it('pages through the account’s subscriptions newest first and filters by status and kind', async () => {
    const { accountId, token } = await customerWithToken();
    const written: Subscription[] = [];
    for (let index = 0; index < 5; index += 1) {
      written.push(
        await putTestSubscription(accountId, {
          paidUntil: inDays(10 + index),
          status: index === 1 ? 'due' : 'active',
          ...(index === 4 ? { kind: 'support' as const, identifier: { kind: 'serial' as const, value: 'S-4' } } : {}),
        }),
      );
    }
    const newestFirst = written
      .map((subscription) => subscription.subscriptionId)
      .sort()
      .reverse();

    const first = await call(api, 'GET', '/api/subscriptions?limit=3', { token });
    expect(first.status).toBe(200);
    expect(first.body.items.map((row: { subscriptionId: string }) => row.subscriptionId)).toEqual(newestFirst.slice(0, 3));
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call(api, 'GET', `/api/subscriptions?limit=3&cursor=${first.body.nextCursor}`, { token });
    expect(second.body.items.map((row: { subscriptionId: string }) => row.subscriptionId)).toEqual(newestFirst.slice(3));
    expect(second.body.nextCursor).toBeUndefined();

    const row = first.body.items.find((item: { subscriptionId: string }) => item.subscriptionId === written[3]!.subscriptionId);
    expect(row).toMatchObject({ plan: 'Business', price: { amountMinor: 4900, currency: 'PLN' }, daysLeft: 13, status: 'active' });
    expect(row.identifier).toEqual({ kind: 'ip', value: '203.0.113.10' });

    const due = await call(api, 'GET', '/api/subscriptions?status=due', { token });
    expect(due.body.items.map((item: { subscriptionId: string }) => item.subscriptionId)).toEqual([written[1]!.subscriptionId]);
    const supportKind = await call(api, 'GET', '/api/subscriptions?kind=support', { token });
    expect(supportKind.body.items.map((item: { subscriptionId: string }) => item.subscriptionId)).toEqual([written[4]!.subscriptionId]);
    expect((await call(api, 'GET', '/api/subscriptions?status=paused', { token })).status).toBe(400);
  });

  it('lets every role of the account read it', async () => {
    const { accountId } = await customerWithToken();
    await putTestSubscription(accountId);
    const technical = await signIn(api, 'customer', await addMember(accountId, 'technical'));
    const listed = await call(api, 'GET', '/api/subscriptions', { token: technical });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
  });
});

describe('the home page’s services tiles', () => {
  it('counts the running services and those due or overdue for renewal, and shows neither without services', async () => {
    const { accountId, token } = await customerWithToken();
    const before = (await call(api, 'GET', '/api/me/home', { token })).body.tiles;
    expect(before.activeServices).toBeUndefined();
    expect(before.renewalsDue).toBeUndefined();
    await Promise.all([
      putTestSubscription(accountId),
      putTestSubscription(accountId, { status: 'due', paidUntil: inDays(3) }),
      putTestSubscription(accountId, { status: 'overdue', paidUntil: inDays(-3) }),
      putTestSubscription(accountId, { status: 'ended', paidUntil: inDays(-40), endedAt: inDays(-40) }),
    ]);
    const technical = await signIn(api, 'customer', await addMember(accountId, 'technical'));
    for (const who of [token, technical]) {
      const home = await call(api, 'GET', '/api/me/home', { token: who });
      expect(home.status).toBe(200);
      expect(home.body.tiles.activeServices).toEqual({ count: 3, more: false });
      expect(home.body.tiles.renewalsDue).toEqual({ count: 2, more: false });
    }
  });
});

describe('the manage page', () => {
  it('shows one subscription with its history newest first, and more of it a page at a time', async () => {
    const { accountId, token } = await customerWithToken();
    const subscription = await putTestSubscription(accountId, { paidUntil: inDays(5), status: 'due' });
    const events = Array.from({ length: 23 }, (_, index) =>
      subscriptionEventPut(accountId, {
        subscriptionId: subscription.subscriptionId,
        kind: 'reminded',
        at: new Date(Date.now() - (30 - index) * DAY).toISOString(),
        by: 'job',
        days: index,
      }),
    );
    for (let start = 0; start < events.length; start += 20) {
      await db().send(new TransactWriteCommand({ TransactItems: events.slice(start, start + 20) }));
    }

    const detail = await call(api, 'GET', `/api/subscriptions/${subscription.subscriptionId}`, { token });
    expect(detail.status).toBe(200);
    expect(detail.body.subscription).toMatchObject({ subscriptionId: subscription.subscriptionId, status: 'due', daysLeft: 5 });
    expect(detail.body.history.items).toHaveLength(20);
    expect(detail.body.history.items[0].days).toBe(22);
    expect(detail.body.client).toBeUndefined();

    const more = await call(
      api,
      'GET',
      `/api/subscriptions/${subscription.subscriptionId}/history?cursor=${detail.body.history.nextCursor}`,
      {
        token,
      },
    );
    expect(more.status).toBe(200);
    expect(more.body.items.map((event: { days: number }) => event.days)).toEqual([2, 1, 0]);
    expect(more.body.nextCursor).toBeUndefined();
  });

  it('answers 404 for another account’s subscription on every route, and changes nothing of it', async () => {
    const [own, other] = await Promise.all([customerWithToken(), customerWithToken()]);
    const foreign = await putTestSubscription(other.accountId);
    for (const [method, path, body] of [
      ['GET', `/api/subscriptions/${foreign.subscriptionId}`, undefined],
      ['GET', `/api/subscriptions/${foreign.subscriptionId}/history`, undefined],
      ['PUT', `/api/subscriptions/${foreign.subscriptionId}/auto-renew`, { autoRenew: true }],
    ] as const) {
      const answer = await call(api, method, path, { token: own.token, ...(body ? { body } : {}) });
      expect(answer.status, `${method} ${path}`).toBe(404);
    }
    expect((await getSubscription(other.accountId, foreign.subscriptionId)).autoRenew).toBe(false);
  });
});

describe('auto-renew', () => {
  it('turns on once under a double click, records one event, and off again', async () => {
    const { accountId, token } = await customerWithToken();
    const subscription = await putTestSubscription(accountId);
    const path = `/api/subscriptions/${subscription.subscriptionId}/auto-renew`;

    const clicks = await Promise.all(Array.from({ length: 20 }, () => call(api, 'PUT', path, { token, body: { autoRenew: true } })));
    expect(clicks.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    expect(clicks.every((answer) => answer.body.autoRenew === true)).toBe(true);
    const stored = await getSubscription(accountId, subscription.subscriptionId);
    expect(stored).toMatchObject({ autoRenew: true, version: subscription.version + 1 });

    const off = await call(api, 'PUT', path, { token, body: { autoRenew: false } });
    expect(off.body.autoRenew).toBe(false);
    const history = await call(api, 'GET', `/api/subscriptions/${subscription.subscriptionId}/history`, { token });
    expect(
      history.body.items.map((event: { kind: string; autoRenew: boolean; by: string }) => [event.kind, event.autoRenew, event.by]),
    ).toEqual([
      ['auto-renew-changed', false, 'customer'],
      ['auto-renew-changed', true, 'customer'],
    ]);
  });

  it('is for owner and billing only, and not for an ended subscription', async () => {
    const { accountId, token } = await customerWithToken();
    const [running, ended] = await Promise.all([
      putTestSubscription(accountId),
      putTestSubscription(accountId, { status: 'ended', endedAt: inDays(-1), paidUntil: inDays(-1) }),
    ]);
    const technical = await signIn(api, 'customer', await addMember(accountId, 'technical'));
    const billing = await signIn(api, 'customer', await addMember(accountId, 'billing'));
    const set = (id: string, who: string) =>
      call(api, 'PUT', `/api/subscriptions/${id}/auto-renew`, { token: who, body: { autoRenew: true } });

    expect((await set(running.subscriptionId, technical)).status).toBe(403);
    expect((await set(running.subscriptionId, billing)).status).toBe(200);
    const refused = await set(ended.subscriptionId, token);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('SUBSCRIPTION_ENDED');
  });
});

describe('a distributor’s client filter', () => {
  it('lists and opens a client’s subscriptions with the client named, and 404s for an account that is not its client', async () => {
    const [distributor, client, stranger] = await Promise.all([customerWithToken(), customerWithToken(), customerWithToken()]);
    expect(
      (await call(api, 'PUT', `/api/admin/customers/${distributor.accountId}/distributor`, { token: admin, body: { distributor: true } }))
        .status,
    ).toBe(200);
    expect(
      (
        await call(api, 'POST', `/api/admin/customers/${distributor.accountId}/clients`, {
          token: admin,
          body: { clientId: client.accountId },
        })
      ).status,
    ).toBe(200);
    const [clientSubscription, strangerSubscription] = await Promise.all([
      putTestSubscription(client.accountId, { price: money(1200, 'EUR') }),
      putTestSubscription(stranger.accountId),
      putTestSubscription(distributor.accountId),
    ]);

    const listed = await call(api, 'GET', `/api/subscriptions?clientId=${client.accountId}`, { token: distributor.token });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        subscriptionId: clientSubscription.subscriptionId,
        client: { accountId: client.accountId, name: client.customer.account.name },
      }),
    ]);
    const own = await call(api, 'GET', '/api/subscriptions', { token: distributor.token });
    expect(own.body.items).toHaveLength(1);
    expect(own.body.items[0].client).toBeUndefined();

    const opened = await call(api, 'GET', `/api/subscriptions/${clientSubscription.subscriptionId}?clientId=${client.accountId}`, {
      token: distributor.token,
    });
    expect(opened.status).toBe(200);
    expect(opened.body.client.accountId).toBe(client.accountId);

    expect((await call(api, 'GET', `/api/subscriptions?clientId=${stranger.accountId}`, { token: distributor.token })).status).toBe(404);
    expect(
      (
        await call(api, 'GET', `/api/subscriptions/${strangerSubscription.subscriptionId}?clientId=${stranger.accountId}`, {
          token: distributor.token,
        })
      ).status,
    ).toBe(404);
    // The client cannot read its distributor's through the filter either.
    expect((await call(api, 'GET', `/api/subscriptions?clientId=${distributor.accountId}`, { token: client.token })).status).toBe(404);
  });
});

describe('staff', () => {
  it('lists a customer’s subscriptions for every staff group, and 404s for no such account', async () => {
    const { accountId } = await customerWithToken();
    const subscription = await putTestSubscription(accountId);
    for (const token of [admin, support, billingStaff]) {
      const listed = await call(api, 'GET', `/api/admin/customers/${accountId}/subscriptions`, { token });
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((item: { subscriptionId: string }) => item.subscriptionId)).toEqual([subscription.subscriptionId]);
    }
    expect((await call(api, 'GET', '/api/admin/customers/no-such-account/subscriptions', { token: support })).status).toBe(404);
  });

  it('sets the identifier with a reason, audited, in the history; refuses a value not of its kind and billing staff', async () => {
    const { accountId, token } = await customerWithToken();
    const subscription = await putTestSubscription(accountId);
    const path = `/api/admin/customers/${accountId}/subscriptions/${subscription.subscriptionId}/identifier`;

    const set = await call(api, 'PUT', path, {
      token: support,
      body: { kind: 'ip', value: ' 198.51.100.7 ', reason: 'Moved to a new server.' },
    });
    expect(set.status).toBe(200);
    expect(set.body.identifier).toEqual({ kind: 'ip', value: '198.51.100.7' });
    const host = await call(api, 'PUT', path, {
      token: admin,
      body: { kind: 'host', value: 'Web1.Example.COM', reason: 'Named the host.' },
    });
    expect(host.body.identifier).toEqual({ kind: 'host', value: 'web1.example.com' });

    const bad = await call(api, 'PUT', path, { token: admin, body: { kind: 'ip', value: '300.1.1.1', reason: 'Typo test.' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect((await call(api, 'PUT', path, { token: admin, body: { kind: 'ip', value: '198.51.100.8' } })).status).toBe(400);
    expect((await call(api, 'PUT', path, { token: billingStaff, body: { kind: 'ip', value: '198.51.100.8', reason: 'No.' } })).status).toBe(
      403,
    );

    const audit = await call(api, 'GET', `/api/admin/customers/${accountId}/audit`, { token: support });
    expect(
      audit.body.items
        .filter((entry: { action: string }) => entry.action === 'subscription.set-identifier')
        .map((entry: { reason: string; target: { kind: string; id: string }; changes: unknown[] }) => [
          entry.reason,
          entry.target.kind,
          entry.target.id,
          entry.changes,
        ]),
    ).toEqual([
      [
        'Named the host.',
        'subscription',
        subscription.subscriptionId,
        [{ field: 'identifier', before: 'ip:198.51.100.7', after: 'host:web1.example.com' }],
      ],
      [
        'Moved to a new server.',
        'subscription',
        subscription.subscriptionId,
        [{ field: 'identifier', before: 'ip:203.0.113.10', after: 'ip:198.51.100.7' }],
      ],
    ]);
    const history = await call(api, 'GET', `/api/subscriptions/${subscription.subscriptionId}/history`, { token });
    expect(
      history.body.items.map((event: { kind: string; by: string; identifier: unknown }) => [event.kind, event.by, event.identifier]),
    ).toEqual([
      ['identifier-changed', 'staff', { kind: 'host', from: '198.51.100.7', to: 'web1.example.com' }],
      ['identifier-changed', 'staff', { kind: 'ip', from: '203.0.113.10', to: '198.51.100.7' }],
    ]);
  });
});
