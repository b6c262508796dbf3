// The local identity adapter's password + e-mailed-code sign-in, against DynamoDB Local and the local SES server.

import { decodeJwt } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { resetClockForTests, shiftClockForTests } from '#shared/time.ts';
import {
  call,
  createCustomer,
  createStaff,
  latestCodeFor,
  latestMailTo,
  purchases,
  startTestApi,
  uniqueEmail,
  type TestApi,
} from '../support/api.ts';
import { mailsTo } from '../support/mailbox.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());
afterEach(() => resetClockForTests());

describe('password sign-in with an e-mailed code', () => {
  it('mails a six-digit code and trades it for Cognito-shaped tokens', async () => {
    // Prepare
    const customer = await createCustomer([]);
    // Act
    const started = await call(api, 'POST', '/api/auth/customer/sign-in', { body: { ...customer.login, locale: 'pl' } });
    const mail = await latestMailTo(customer.login.email);
    const code = await latestCodeFor(customer.login.email);
    const verified = await call(api, 'POST', '/api/auth/customer/verify-code', {
      body: { email: customer.login.email, session: started.body.session, code },
    });
    // Assess
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ challenge: 'EMAIL_OTP', destination: expect.stringMatching(/^c\*\*\*@example\.test$/) });
    expect(mail?.subject).toContain('Twój kod logowania');
    expect(verified.status).toBe(200);
    const access = decodeJwt(verified.body.accessToken);
    expect(access).toMatchObject({
      sub: customer.userId,
      token_use: 'access',
      client_id: 'atrium-local-customer',
      iss: `${api.url}/local-idp/customer`,
    });
    expect(access.exp! - access.iat!).toBe(900);
    const id = decodeJwt(verified.body.idToken);
    expect(id).toMatchObject({ token_use: 'id', aud: 'atrium-local-customer', email: customer.login.email });
  });

  it('answers a wrong password and an unknown e-mail alike', async () => {
    const customer = await createCustomer([]);
    const wrongPassword = await call(api, 'POST', '/api/auth/customer/sign-in', {
      body: { email: customer.login.email, password: 'not the password' },
    });
    const unknownEmail = await call(api, 'POST', '/api/auth/customer/sign-in', {
      body: { email: 'nobody@example.test', password: 'not the password' },
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const { requestId: _a, ...first } = wrongPassword.body.error;
    const { requestId: _b, ...second } = unknownEmail.body.error;
    expect(first).toEqual({ code: 'INVALID_CREDENTIALS', message: 'The e-mail or password is not right.' });
    expect(second).toEqual(first);
  });

  it('does not let a customer sign in to the staff pool with the same password', async () => {
    const customer = await createCustomer([]);
    const response = await call(api, 'POST', '/api/auth/staff/sign-in', { body: customer.login });
    expect(response.status).toBe(401);
  });

  it('accepts a code once only', async () => {
    const customer = await createCustomer([]);
    const started = await call(api, 'POST', '/api/auth/customer/sign-in', { body: customer.login });
    const code = await latestCodeFor(customer.login.email);
    const first = await call(api, 'POST', '/api/auth/customer/verify-code', {
      body: { email: customer.login.email, session: started.body.session, code },
    });
    const second = await call(api, 'POST', '/api/auth/customer/verify-code', {
      body: { email: customer.login.email, session: started.body.session, code },
    });
    expect(first.status).toBe(200);
    expect(second.status).toBe(401);
    expect(second.body.error.code).toBe('CODE_MISMATCH');
  });

  it('ends the sign-in after three wrong codes, even if the right one follows', async () => {
    const customer = await createCustomer([]);
    const started = await call(api, 'POST', '/api/auth/customer/sign-in', { body: customer.login });
    const code = await latestCodeFor(customer.login.email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const response = await call(api, 'POST', '/api/auth/customer/verify-code', {
        body: { email: customer.login.email, session: started.body.session, code: wrong },
      });
      expect(response.status).toBe(401);
    }
    const right = await call(api, 'POST', '/api/auth/customer/verify-code', {
      body: { email: customer.login.email, session: started.body.session, code },
    });
    expect(right.status).toBe(401);
  });

  it('refuses a code after ten minutes', async () => {
    const customer = await createCustomer([]);
    const started = await call(api, 'POST', '/api/auth/customer/sign-in', { body: customer.login });
    const code = await latestCodeFor(customer.login.email);
    shiftClockForTests(10 * 60 * 1000 + 1000);
    const response = await call(api, 'POST', '/api/auth/customer/verify-code', {
      body: { email: customer.login.email, session: started.body.session, code },
    });
    expect(response.status).toBe(401);
  });

  it('puts the staff groups into the staff access token', async () => {
    const staff = await createStaff(['support']);
    const started = await call(api, 'POST', '/api/auth/staff/sign-in', { body: staff });
    const code = await latestCodeFor(staff.email);
    const verified = await call(api, 'POST', '/api/auth/staff/verify-code', {
      body: { email: staff.email, session: started.body.session, code },
    });
    expect(decodeJwt(verified.body.accessToken)).toMatchObject({
      'cognito:groups': ['support'],
      client_id: 'atrium-local-staff',
      iss: `${api.url}/local-idp/staff`,
    });
  });

  it('refuses malformed sign-in input with a stable 400 body', async () => {
    const response = await call(api, 'POST', '/api/auth/customer/verify-code', { body: { session: 'x', code: '12ab', extra: 1 } });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual([
      'body',
      'body.code',
      'body.email',
      'body.session',
    ]);
  });
});

describe('sign-in code mails: a cooldown and an hourly cap per address', () => {
  const signInCodeMails = async (email: string) =>
    (await mailsTo(inject('mailUrl'), email)).filter((mail) => /sign-in code/.test(mail.subject));

  it('mails one code for eight quick sign-ins, answers the rest 429 with the wait, and mails again after it', async () => {
    // Prepare
    const customer = await createCustomer([]);
    // Act
    const responses = [];
    for (let attempt = 0; attempt < 8; attempt += 1)
      responses.push(await call(api, 'POST', '/api/auth/customer/sign-in', { body: customer.login }));
    shiftClockForTests(31_000);
    const afterWait = await call(api, 'POST', '/api/auth/customer/sign-in', { body: customer.login });
    // Assess
    expect(responses.map((response) => response.status)).toEqual([200, 429, 429, 429, 429, 429, 429, 429]);
    expect(responses[0]!.body.resendAfterSeconds).toBe(30);
    const refused = responses[1]!;
    expect(refused.body.error.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.body.error.details.retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(refused.headers.get('retry-after')).toBe(String(refused.body.error.details.retryAfterSeconds));
    expect(afterWait.status).toBe(200);
    expect(await signInCodeMails(customer.login.email)).toHaveLength(2);
  });

  it('applies the same cooldown to the order-number path and across both paths', async () => {
    const customer = await createCustomer(purchases(1));
    const byPassword = await call(api, 'POST', '/api/auth/customer/sign-in', { body: customer.login });
    const byOrder = await call(api, 'POST', '/api/auth/customer/order-sign-in', {
      body: { email: customer.login.email, orderReference: customer.purchases[0]!.reference },
    });
    expect(byPassword.status).toBe(200);
    expect(byOrder.status).toBe(429);
    expect(await signInCodeMails(customer.login.email)).toHaveLength(1);
  });

  it('does not hold the cooldown after a wrong password, and lets a new sign-in start once a code was used', async () => {
    const customer = await createCustomer([]);
    const wrong = await call(api, 'POST', '/api/auth/customer/sign-in', {
      body: { email: customer.login.email, password: 'Wrong-Password-1' },
    });
    const right = await call(api, 'POST', '/api/auth/customer/sign-in', { body: customer.login });
    const code = await latestCodeFor(customer.login.email);
    const verified = await call(api, 'POST', '/api/auth/customer/verify-code', {
      body: { email: customer.login.email, session: right.body.session, code },
    });
    const again = await call(api, 'POST', '/api/auth/customer/sign-in', { body: customer.login });
    expect([wrong.status, right.status, verified.status, again.status]).toEqual([401, 200, 200, 200]);
  });

  it('holds no cooldown for an unknown e-mail, which answers as a wrong password every time', async () => {
    const ghost = uniqueEmail('ghost');
    const first = await call(api, 'POST', '/api/auth/customer/sign-in', { body: { email: ghost, password: 'Wrong-Password-1' } });
    const second = await call(api, 'POST', '/api/auth/customer/sign-in', { body: { email: ghost, password: 'Wrong-Password-1' } });
    // Nothing was mailed, so nothing holds the address: both are the plain wrong-credentials answer.
    expect([first.status, second.status]).toEqual([401, 401]);
  });

  it('mails an unconfirmed address its confirmation link again at most once per cooldown', async () => {
    const email = uniqueEmail('unconfirmed');
    await call(api, 'POST', '/api/auth/customer/sign-up', { body: { email, password: 'Correct-Horse-9-battery', name: 'Not Yet' } });
    const first = await call(api, 'POST', '/api/auth/customer/sign-in', { body: { email, password: 'Correct-Horse-9-battery' } });
    const second = await call(api, 'POST', '/api/auth/customer/sign-in', { body: { email, password: 'Correct-Horse-9-battery' } });
    expect(first.body.error.code).toBe('EMAIL_NOT_CONFIRMED');
    expect(second.status).toBe(429);
    // The sign-up's link and the one the first sign-in sent.
    expect(await mailsTo(inject('mailUrl'), email)).toHaveLength(2);
  });

  it('stops after ten unused code mails in an hour, even past each cooldown', async () => {
    const customer = await createCustomer([]);
    // Start at the beginning of a clock hour, so the eleven tries below stay in one window.
    const nowMs = Date.now();
    shiftClockForTests(3_600_000 - (nowMs % 3_600_000) + 1_000);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      statuses.push((await call(api, 'POST', '/api/auth/customer/sign-in', { body: customer.login })).status);
      shiftClockForTests(31_000);
    }
    expect(statuses).toEqual([...Array(10).fill(200), 429]);
    expect(await signInCodeMails(customer.login.email)).toHaveLength(10);
  });
});
