// The security centre's password and sessions: a new password (the current one checked and locked out like sign-in,
// the policy applied) ends every session and mails the notice; "sign out everywhere" ends every session, this one too.

import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { resetClockForTests, shiftClockForTests } from '#shared/time.ts';
import { call, createCustomer, latestCodeFor, purchases, randomIp, signIn, startTestApi, type TestApi } from '../support/api.ts';
import { mailsTo } from '../support/mailbox.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());
afterEach(() => resetClockForTests());

const PASSWORD = '/api/me/password';
const SIGN_OUT_OTHERS = '/api/me/sessions/sign-out-others';
const ME = '/api/me/security/ip-allow-list';
const NEW_PASSWORD = 'Brand-New-Pass-42!';

/** Password, then the code: the verify answer, whose cookie holds the refresh token. */
async function signInWithCookie(login: { email: string; password: string }) {
  const sourceIp = randomIp();
  const started = await call(api, 'POST', '/api/auth/customer/sign-in', { body: login, sourceIp });
  expect(started.status).toBe(200);
  const code = await latestCodeFor(login.email);
  const verified = await call(api, 'POST', '/api/auth/customer/verify-code', {
    body: { email: login.email, session: started.body.session, code },
    sourceIp,
  });
  expect(verified.status).toBe(200);
  return { token: verified.body.accessToken as string, cookie: verified.headers.getSetCookie()[0]!.split(';')[0]! };
}

describe('changing the password', () => {
  it('checks the current password, ends every session, lets only the new password in and mails the notice', async () => {
    // Prepare: two devices.
    const customer = await createCustomer(purchases(1));
    const { email, password } = customer.login;
    const laptop = await signInWithCookie(customer.login);
    const phone = await signInWithCookie(customer.login);
    // Tokens carry whole seconds: the change is a second later than the tokens it ends.
    shiftClockForTests(1_000);
    // Act
    const changed = await call(api, 'POST', PASSWORD, {
      token: laptop.token,
      body: { currentPassword: password, newPassword: NEW_PASSWORD },
    });
    // Assess
    expect(changed.status).toBe(204);
    expect(changed.headers.getSetCookie()[0]).toContain('Max-Age=0');
    for (const device of [laptop, phone]) {
      expect((await call(api, 'GET', ME, { token: device.token })).status).toBe(401);
      const refreshed = await call(api, 'POST', '/api/auth/customer/refresh', { cookie: device.cookie });
      expect(refreshed.status).toBe(401);
      expect(refreshed.body.error.code).toBe('SESSION_EXPIRED');
    }
    const withOld = await call(api, 'POST', '/api/auth/customer/sign-in', { body: { email, password } });
    expect(withOld.status).toBe(401);
    const fresh = await signIn(api, 'customer', { email, password: NEW_PASSWORD });
    expect((await call(api, 'GET', ME, { token: fresh })).status).toBe(200);
    const notices = (await mailsTo(inject('mailUrl'), email)).filter((mail) => /your password was changed/.test(mail.subject));
    expect(notices).toHaveLength(1);
  });

  it('refuses a wrong current password with 400 WRONG_PASSWORD and keeps the session and the password', async () => {
    const customer = await createCustomer(purchases(1));
    const token = await signIn(api, 'customer', customer.login);
    shiftClockForTests(1_000);
    const refused = await call(api, 'POST', PASSWORD, {
      token,
      body: { currentPassword: 'Not-The-Password-9', newPassword: NEW_PASSWORD },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('WRONG_PASSWORD');
    expect((await call(api, 'GET', ME, { token })).status).toBe(200);
    await expect(signIn(api, 'customer', customer.login)).resolves.toEqual(expect.any(String));
  });

  it('refuses a new password that breaks the policy with 400 WEAK_PASSWORD', async () => {
    const customer = await createCustomer(purchases(1));
    const token = await signIn(api, 'customer', customer.login);
    const refused = await call(api, 'POST', PASSWORD, { token, body: { currentPassword: customer.login.password, newPassword: 'short' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('WEAK_PASSWORD');
  });

  it('locks the e-mail after repeated wrong current passwords, as sign-in does', async () => {
    const customer = await createCustomer(purchases(1));
    const token = await signIn(api, 'customer', customer.login);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      const answer = await call(api, 'POST', PASSWORD, {
        token,
        body: { currentPassword: `Wrong-Guess-${attempt}!`, newPassword: NEW_PASSWORD },
      });
      statuses.push(answer.status);
    }
    // Five free failures, the sixth locks; even the right password waits now.
    expect(statuses).toEqual([400, 400, 400, 400, 400, 400, 429]);
    const right = await call(api, 'POST', PASSWORD, {
      token,
      body: { currentPassword: customer.login.password, newPassword: NEW_PASSWORD },
    });
    expect(right.status).toBe(429);
  });
});

describe('signing out everywhere', () => {
  it('revokes every refresh token and refuses every access token, this device’s too; a new sign-in works', async () => {
    const customer = await createCustomer(purchases(1));
    const laptop = await signInWithCookie(customer.login);
    const phone = await signInWithCookie(customer.login);
    shiftClockForTests(1_000);
    const signedOut = await call(api, 'POST', SIGN_OUT_OTHERS, { token: laptop.token });
    expect(signedOut.status).toBe(204);
    for (const device of [laptop, phone]) {
      expect((await call(api, 'GET', ME, { token: device.token })).status).toBe(401);
      expect((await call(api, 'POST', '/api/auth/customer/refresh', { cookie: device.cookie })).status).toBe(401);
    }
    const fresh = await signIn(api, 'customer', customer.login);
    expect((await call(api, 'GET', ME, { token: fresh })).status).toBe(200);
  });
});
