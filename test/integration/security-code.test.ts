// The one-time security code for phone support: set with the password (a wrong one counted in the sign-in lockout),
// stored hashed and never answered, the notice mail; staff verifying a code read on the phone (match or not, five wrong
// tries per person per hour, 404 for a foreign person) with an audit entry that records the result, never the code.

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { addMember, call, createCustomer, createStaff, purchases, randomIp, signIn, startTestApi, type TestApi } from '../support/api.ts';
import { mailsTo } from '../support/mailbox.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

const CODE_PATH = '/api/me/security/code';
const verifyPath = (accountId: string, personId: string) => `/api/admin/customers/${accountId}/people/${personId}/verify-security-code`;

async function storedItem(userId: string) {
  return (await db().send(new GetCommand({ TableName: tableName(), Key: keys.securityCode(userId), ConsistentRead: true }))).Item;
}

/** A customer with a code set, and a support agent's token. */
async function customerWithCode(code: string) {
  const customer = await createCustomer(purchases(1));
  const token = await signIn(api, 'customer', customer.login);
  const saved = await call(api, 'PUT', CODE_PATH, { token, body: { password: customer.login.password, code } });
  expect(saved.status).toBe(200);
  const support = await signIn(api, 'staff', await createStaff(['support']));
  return { customer, token, support, path: verifyPath(customer.account.accountId, customer.userId) };
}

describe('setting the security code', () => {
  it('needs the right password: a wrong one answers 400 WRONG_PASSWORD and stores nothing', async () => {
    const customer = await createCustomer(purchases(1));
    const token = await signIn(api, 'customer', customer.login);
    const before = await call(api, 'GET', CODE_PATH, { token });
    const refused = await call(api, 'PUT', CODE_PATH, { token, body: { password: 'not the password', code: 'ABC123' } });
    expect(before.body).toEqual({ set: false });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('WRONG_PASSWORD');
    expect(await storedItem(customer.userId)).toBeUndefined();
    expect((await call(api, 'GET', CODE_PATH, { token })).body).toEqual({ set: false });
  });

  it('counts wrong passwords in the sign-in lockout: after six, even the right one is refused for now', async () => {
    const customer = await createCustomer(purchases(1));
    const token = await signIn(api, 'customer', customer.login);
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const wrong = await call(api, 'PUT', CODE_PATH, {
        token,
        sourceIp: randomIp(),
        body: { password: `wrong ${attempt}`, code: 'ABC123' },
      });
      expect(wrong.status).toBe(400);
    }
    const locked = await call(api, 'PUT', CODE_PATH, { token, body: { password: customer.login.password, code: 'ABC123' } });
    const signInLocked = await call(api, 'POST', '/api/auth/customer/sign-in', { body: customer.login, sourceIp: randomIp() });
    expect(locked.status).toBe(429);
    expect(signInLocked.status).toBe(429);
    expect(await storedItem(customer.userId)).toBeUndefined();
  });

  it('stores only a salted hash, answers whether one is set and when, never the code, and mails the notice', async () => {
    const customer = await createCustomer(purchases(1));
    const token = await signIn(api, 'customer', customer.login);
    const saved = await call(api, 'PUT', CODE_PATH, { token, body: { password: customer.login.password, code: 'Tulip2024' } });
    const shown = await call(api, 'GET', CODE_PATH, { token });
    const item = await storedItem(customer.userId);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ set: true, setAt: expect.any(String) });
    expect(shown.body).toEqual(saved.body);
    expect(JSON.stringify(item)).not.toMatch(/tulip2024/i);
    expect(item?.codeHash).toMatch(/^scrypt\$/);
    const notices = (await mailsTo(inject('mailUrl'), customer.login.email)).filter((mail) => /security code was set/.test(mail.subject));
    expect(notices).toHaveLength(1);
    expect(JSON.stringify(notices[0])).not.toMatch(/tulip2024/i);
    // A second code replaces the first, with another salt.
    await call(api, 'PUT', CODE_PATH, { token, body: { password: customer.login.password, code: 'Tulip2024' } });
    expect((await storedItem(customer.userId))?.codeHash).not.toBe(item?.codeHash);
  });

  it('lets every role set their own code, and refuses a code that is not 6 to 12 letters or digits', async () => {
    const customer = await createCustomer(purchases(1));
    const reader = await addMember(customer.account.accountId, 'read-only');
    const token = await signIn(api, 'customer', reader);
    for (const code of ['ABC12', 'ABCDEFGHIJ123', 'ABC 123', 'ABC-123', '']) {
      const refused = await call(api, 'PUT', CODE_PATH, { token, body: { password: reader.password, code } });
      expect(refused.status).toBe(400);
    }
    const saved = await call(api, 'PUT', CODE_PATH, { token, body: { password: reader.password, code: '123456' } });
    expect(saved.status).toBe(200);
    expect(await storedItem(reader.userId)).toBeDefined();
  });
});

describe('staff verifying a security code', () => {
  it('answers no match for a wrong code and match for the right one (letters in any case), audited without the code', async () => {
    const { customer, support, path } = await customerWithCode('Tulip2024');
    const wrong = await call(api, 'POST', path, { token: support, body: { code: 'Tulip2025' } });
    const right = await call(api, 'POST', path, { token: support, body: { code: 'TULIP2024', reason: 'Caller asked about an order.' } });
    expect(wrong.status).toBe(200);
    expect(wrong.body).toEqual({ match: false, set: true });
    expect(right.body).toEqual({ match: true, set: true });
    const audit = await call(api, 'GET', `/api/admin/customers/${customer.account.accountId}/audit`, { token: support });
    expect(audit.body.items.slice(0, 2)).toMatchObject([
      {
        action: 'account.verify-security-code',
        reason: 'Caller asked about an order.',
        changes: [{ field: 'securityCodeCheck', after: 'match' }],
      },
      { action: 'account.verify-security-code', changes: [{ field: 'securityCodeCheck', after: 'no match' }] },
    ]);
    expect(JSON.stringify(audit.body)).not.toMatch(/tulip202/i);
  });

  it('refuses with 429 after five wrong codes for the person in an hour, even the right code; right codes do not count', async () => {
    const { support, path } = await customerWithCode('ROSE77');
    expect((await call(api, 'POST', path, { token: support, body: { code: 'ROSE77' } })).body.match).toBe(true);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const wrong = await call(api, 'POST', path, { token: support, body: { code: `WRONG${attempt}` } });
      expect(wrong.body).toEqual({ match: false, set: true });
    }
    const sixth = await call(api, 'POST', path, { token: support, body: { code: 'WRONG9' } });
    const right = await call(api, 'POST', path, { token: support, body: { code: 'ROSE77' } });
    expect(sixth.status).toBe(429);
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('TOO_MANY_REQUESTS');
  });

  it('answers 404 for a person of another account, and set: false for a person with no code', async () => {
    const { customer, support } = await customerWithCode('ABCDEF');
    const stranger = await createCustomer(purchases(1));
    const colleague = await addMember(customer.account.accountId, 'billing');
    const foreign = await call(api, 'POST', verifyPath(customer.account.accountId, stranger.userId), {
      token: support,
      body: { code: 'ABCDEF' },
    });
    const unset = await call(api, 'POST', verifyPath(customer.account.accountId, colleague.userId), {
      token: support,
      body: { code: 'ABCDEF' },
    });
    expect(foreign.status).toBe(404);
    expect(unset.body).toEqual({ match: false, set: false });
  });

  it('is refused to a customer and to staff outside support and admin', async () => {
    const { token, path } = await customerWithCode('ABCDEF');
    const billing = await signIn(api, 'staff', await createStaff(['billing']));
    expect((await call(api, 'POST', path, { token, body: { code: 'ABCDEF' } })).status).toBe(401);
    expect((await call(api, 'POST', path, { token: billing, body: { code: 'ABCDEF' } })).status).toBe(403);
  });
});
