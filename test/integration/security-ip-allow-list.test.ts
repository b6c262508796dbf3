// The security centre's IP allow-list: saving it (bad lines named, a lock-out confirmed), enforcement on every customer
// call, at sign-in and at refresh, the security notice (at most one per person and address per hour, to the person and
// the account's security recipients), and staff clearing it.

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PutCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { getPerson } from '#shared/accounts/person.ts';
import { notificationRecipientsItem } from '#shared/notifications/recipients.ts';
import {
  addMember,
  call,
  createCustomer,
  createStaff,
  latestCodeFor,
  purchases,
  randomIp,
  signIn,
  startTestApi,
  type TestApi,
} from '../support/api.ts';
import { mailsTo } from '../support/mailbox.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

const LIST = '/api/me/security/ip-allow-list';
const NOTICE = /not on your allow-list was refused/;

async function notices(email: string) {
  return (await mailsTo(inject('mailUrl'), email)).filter((mail) => NOTICE.test(mail.subject));
}

/** Password, then the code, from one address: the verify answer (with its cookie). */
async function signInFrom(login: { email: string; password: string }, sourceIp: string) {
  const started = await call(api, 'POST', '/api/auth/customer/sign-in', { body: login, sourceIp });
  expect(started.status).toBe(200);
  const code = await latestCodeFor(login.email);
  return call(api, 'POST', '/api/auth/customer/verify-code', {
    body: { email: login.email, session: started.body.session, code },
    sourceIp,
  });
}

describe('saving the IP allow-list', () => {
  it('shows an empty list, the current address and that it is allowed', async () => {
    const customer = await createCustomer(purchases(1));
    const token = await signIn(api, 'customer', customer.login);
    const shown = await call(api, 'GET', LIST, { token, sourceIp: '198.51.100.20' });
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({ entries: [], currentAddress: '198.51.100.20', currentAddressAllowed: true, maxEntries: 50 });
  });

  it('refuses bad lines with a 400 naming each line, and stores nothing', async () => {
    const customer = await createCustomer(purchases(1));
    const token = await signIn(api, 'customer', customer.login);
    const saved = await call(api, 'PUT', LIST, { token, body: { lines: ['198.51.100.0/24', 'not-an-ip', '', '10.0.0.9-10.0.0.1'] } });
    expect(saved.status).toBe(400);
    expect(saved.body.error.code).toBe('VALIDATION_FAILED');
    expect(saved.body.error.message).toContain('Line 2 (not-an-ip)');
    expect(saved.body.error.message).toContain('Line 4 (10.0.0.9-10.0.0.1)');
    expect(saved.body.error.details.map((detail: { line: number }) => detail.line)).toEqual([2, 4]);
    expect((await getPerson(customer.userId)).ipAllowList).toBeUndefined();
  });

  it('asks to confirm a list that shuts out the current address, and saves it once confirmed', async () => {
    const customer = await createCustomer(purchases(1));
    const token = await signIn(api, 'customer', customer.login);
    const here = '198.51.100.30';
    const unconfirmed = await call(api, 'PUT', LIST, { token, sourceIp: here, body: { lines: ['203.0.113.0/24'] } });
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.error.code).toBe('LOCKOUT_NOT_CONFIRMED');
    expect((await getPerson(customer.userId)).ipAllowList).toBeUndefined();
    const confirmed = await call(api, 'PUT', LIST, { token, sourceIp: here, body: { lines: ['203.0.113.0/24'], confirmLockout: true } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ entries: ['203.0.113.0/24'], currentAddressAllowed: false });
    // The very next call from here is refused.
    const next = await call(api, 'GET', LIST, { token, sourceIp: here });
    expect(next.status).toBe(403);
    expect(next.body.error.code).toBe('IP_NOT_ALLOWED');
  });

  it('saves a list that includes the current address without asking, and an empty list lifts the restriction', async () => {
    const customer = await createCustomer(purchases(1));
    const token = await signIn(api, 'customer', customer.login);
    const here = '2001:db8::42';
    const saved = await call(api, 'PUT', LIST, { token, sourceIp: here, body: { lines: ['2001:db8::/64', ' 198.51.100.1 '] } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ entries: ['2001:db8::/64', '198.51.100.1'], currentAddressAllowed: true });
    expect((await call(api, 'GET', '/api/me', { token, sourceIp: '198.51.100.1' })).status).toBe(200);
    expect((await call(api, 'GET', '/api/me', { token, sourceIp: '198.51.100.2' })).status).toBe(403);
    const cleared = await call(api, 'PUT', LIST, { token, sourceIp: here, body: { lines: [] } });
    expect(cleared.body.entries).toEqual([]);
    expect((await getPerson(customer.userId)).ipAllowList).toBeUndefined();
    expect((await call(api, 'GET', '/api/me', { token, sourceIp: '198.51.100.2' })).status).toBe(200);
  });
});

describe('enforcing the IP allow-list', () => {
  it('refuses every customer call from another address with 403 IP_NOT_ALLOWED', async () => {
    // Prepare: the owner allows one address; a technical person receives the account's security mail.
    const customer = await createCustomer(purchases(1));
    const technical = await addMember(customer.account.accountId, 'technical');
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: notificationRecipientsItem(customer.account.accountId, { security: [technical.userId] }),
      }),
    );
    const token = await signIn(api, 'customer', customer.login);
    await call(api, 'PUT', LIST, { token, sourceIp: '198.51.100.40', body: { lines: ['198.51.100.40'] } });
    const blocked = randomIp();
    // Act
    const first = await call(api, 'GET', '/api/licences', { token, sourceIp: blocked });
    const second = await call(api, 'GET', '/api/orders', { token, sourceIp: blocked });
    const elsewhere = await call(api, 'GET', '/api/orders', { token, sourceIp: randomIp() });
    const allowed = await call(api, 'GET', '/api/orders', { token, sourceIp: '198.51.100.40' });
    // Assess
    expect([first.status, second.status, elsewhere.status, allowed.status]).toEqual([403, 403, 403, 200]);
    expect(first.body.error.code).toBe('IP_NOT_ALLOWED');
    expect(first.body.error.message).toContain(blocked);
  });

  it('refuses a sign-in from another address after the code, ends that session, records the failure and the last sign-in', async () => {
    const customer = await createCustomer(purchases(1));
    const technical = await addMember(customer.account.accountId, 'technical');
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: notificationRecipientsItem(customer.account.accountId, { security: [technical.userId] }),
      }),
    );
    const token = await signIn(api, 'customer', customer.login);
    await call(api, 'PUT', LIST, { token, sourceIp: '198.51.100.50', body: { lines: ['198.51.100.50'] } });
    const blocked = randomIp();
    // Act
    const refused = await signInFrom(customer.login, blocked);
    const again = await signInFrom(customer.login, blocked);
    const accepted = await signInFrom(customer.login, '198.51.100.50');
    // Assess
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('IP_NOT_ALLOWED');
    expect(refused.headers.getSetCookie()).toEqual([]);
    expect(again.status).toBe(403);
    // One notice for the address within the hour, to the person and to the account's security recipient.
    const mine = await notices(customer.login.email);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body.text).toContain(blocked);
    expect(await notices(technical.email)).toHaveLength(1);
    expect(accepted.status).toBe(200);
    const history = await call(api, 'GET', '/api/me/sign-ins', { token: accepted.body.accessToken, sourceIp: '198.51.100.50' });
    expect(
      history.body.items
        .slice(0, 2)
        .map((signIn: { sourceIp: string; outcome: string; failure?: string }) => [signIn.sourceIp, signIn.outcome, signIn.failure]),
    ).toEqual([
      ['198.51.100.50', 'success', undefined],
      [blocked, 'failure', 'ip-not-allowed'],
    ]);
    expect((await getPerson(customer.userId)).lastSignIn?.sourceIp).toBe('198.51.100.50');
  });

  it('refuses a refresh from another address and keeps the cookie for an allowed one', async () => {
    const customer = await createCustomer(purchases(1));
    const signedIn = await signInFrom(customer.login, '198.51.100.60');
    const cookie = signedIn.headers.getSetCookie()[0]!.split(';')[0]!;
    await call(api, 'PUT', LIST, { token: signedIn.body.accessToken, sourceIp: '198.51.100.60', body: { lines: ['198.51.100.60'] } });
    const refused = await call(api, 'POST', '/api/auth/customer/refresh', { cookie, sourceIp: randomIp() });
    const refreshed = await call(api, 'POST', '/api/auth/customer/refresh', { cookie, sourceIp: '198.51.100.60' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('IP_NOT_ALLOWED');
    expect(refused.headers.getSetCookie()).toEqual([]);
    expect(refreshed.status).toBe(200);
    expect(await notices(customer.login.email)).toHaveLength(1);
  });
});

describe('staff clearing a person’s IP allow-list', () => {
  it('clears the list with a reason, audited, after which the person may call from anywhere', async () => {
    const customer = await createCustomer(purchases(1));
    const token = await signIn(api, 'customer', customer.login);
    await call(api, 'PUT', LIST, { token, sourceIp: '198.51.100.70', body: { lines: ['198.51.100.70'] } });
    const support = await signIn(api, 'staff', await createStaff(['support']));
    const path = `/api/admin/customers/${customer.account.accountId}/people/${customer.userId}/clear-ip-allow-list`;
    // Act
    const withoutReason = await call(api, 'POST', path, { token: support, body: {} });
    const cleared = await call(api, 'POST', path, { token: support, body: { reason: 'Locked out, called from the office.' } });
    // Assess
    expect(withoutReason.status).toBe(400);
    expect(cleared.status).toBe(200);
    expect((await getPerson(customer.userId)).ipAllowList).toBeUndefined();
    expect((await call(api, 'GET', '/api/me', { token, sourceIp: randomIp() })).status).toBe(200);
    const audit = await call(api, 'GET', `/api/admin/customers/${customer.account.accountId}/audit`, { token: support });
    expect(audit.body.items[0]).toMatchObject({
      action: 'account.clear-ip-allow-list',
      reason: 'Locked out, called from the office.',
      changes: [{ field: 'ipAllowList', before: '["198.51.100.70"]', after: '[]' }],
    });
  });

  it('answers 404 for a person of another account', async () => {
    const customer = await createCustomer(purchases(1));
    const stranger = await createCustomer(purchases(1));
    const support = await signIn(api, 'staff', await createStaff(['support']));
    const path = `/api/admin/customers/${customer.account.accountId}/people/${stranger.userId}/clear-ip-allow-list`;
    const answer = await call(api, 'POST', path, { token: support, body: { reason: 'Wrong person on purpose.' } });
    expect(answer.status).toBe(404);
  });
});

describe('the sign-in history', () => {
  it('shows the device parsed from the user agent and the country CloudFront names', async () => {
    const customer = await createCustomer(purchases(1));
    const started = await call(api, 'POST', '/api/auth/customer/sign-in', { body: customer.login });
    const code = await latestCodeFor(customer.login.email);
    const verified = await fetch(`${api.url}/api/auth/customer/verify-code`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': '198.51.100.80',
        'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0',
        'cloudfront-viewer-country': 'PL',
      },
      body: JSON.stringify({ email: customer.login.email, session: started.body.session, code }),
    });
    const { accessToken } = (await verified.json()) as { accessToken: string };
    const history = await call(api, 'GET', '/api/me/sign-ins', { token: accessToken });
    expect(history.body.items[0]).toMatchObject({
      sourceIp: '198.51.100.80',
      method: 'password',
      device: 'Firefox 120 · Windows 10 · desktop',
      country: 'PL',
      outcome: 'success',
    });
  });
});
