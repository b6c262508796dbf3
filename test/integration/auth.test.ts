// Accounts and authentication through the API: sign-up with a contract, confirmation, the lockout, sessions kept in a
// cookie, sign-in records, order-number sign-in and the rate limits on account mail.

import { PutCommand, GetCommand } from '#shared/db/commands.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { hashActivationCode } from '#shared/contracts/activation.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { putLocalUser } from '#shared/identity/local.ts';
import { resetClockForTests, shiftClockForTests } from '#shared/time.ts';
import {
  call,
  createCustomer,
  createStaff,
  signIn,
  latestCodeFor,
  latestMailTo,
  purchases,
  randomIp,
  startTestApi,
  uniqueEmail,
  type TestApi,
} from '../support/api.ts';
import { awaitMailTo, mailsTo } from '../support/mailbox.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());
afterEach(() => resetClockForTests());

const PASSWORD = 'Correct-Horse-9-battery';
/** Reset links leave without the request waiting for them: tests wait for the mail. */
const RESET_SUBJECT = /Set a new password/;

async function putContract(contractNumber: string, activationCode: string) {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.contract(contractNumber),
        type: 'Contract',
        contractNumber,
        product: 'Remote Access Support',
        startsOn: '2026-01-01',
        endsOn: '2027-12-31',
        activationCodeHash: hashActivationCode(activationCode),
      },
    }),
  );
}

function linkCodeIn(text: string | undefined): string {
  const code = /code=(\d{6})/.exec(text ?? '')?.[1];
  if (!code) throw new Error('no link code in the mail');
  return code;
}

function cookieFrom(headers: Headers): string {
  const setCookie = headers.getSetCookie()[0] ?? '';
  return setCookie.split(';')[0]!;
}

describe('sign-up with a contract number and activation code', () => {
  it('creates the account with the contract, confirms the e-mail by the link, and signs in', async () => {
    // Prepare
    await putContract('CTR-1001', 'ABCD-EFGH-JKMN');
    const email = uniqueEmail('signup');
    // Act
    const signedUp = await call(api, 'POST', '/api/auth/customer/sign-up', {
      body: {
        email,
        password: PASSWORD,
        name: 'Kowalski IT',
        locale: 'pl',
        contract: { contractNumber: 'ctr-1001', activationCode: 'abcd efgh jkmn' },
      },
    });
    const beforeConfirm = await call(api, 'POST', '/api/auth/customer/sign-in', { body: { email, password: PASSWORD } });
    // Signing in before confirming mails the link again; the newest link is the one that works.
    const mail = await latestMailTo(email);
    const confirmed = await call(api, 'POST', '/api/auth/customer/confirm-email', { body: { email, code: linkCodeIn(mail?.body.text) } });
    const started = await call(api, 'POST', '/api/auth/customer/sign-in', { body: { email, password: PASSWORD } });
    // Assess
    expect(signedUp.status).toBe(201);
    const mails = await mailsTo(inject('mailUrl'), email);
    expect(mails.map((each) => each.subject).slice(0, 2)).toEqual([
      'Potwierdź swój adres e-mail w Atrium',
      'Confirm your e-mail address for Atrium',
    ]);
    expect(mail?.body.text).toContain(`${api.url}/confirm-email?email=${encodeURIComponent(email)}&code=`);
    expect(beforeConfirm.status).toBe(403);
    expect(beforeConfirm.body.error.code).toBe('EMAIL_NOT_CONFIRMED');
    expect(confirmed.status).toBe(200);
    expect(started.status).toBe(200);
    const contract = await db().send(new GetCommand({ TableName: tableName(), Key: keys.contract('CTR-1001') }));
    expect(contract.Item).toMatchObject({ accountId: expect.any(String), claimedAt: expect.any(String) });
    const owned = await db().send(
      new GetCommand({ TableName: tableName(), Key: keys.accountContract(contract.Item!.accountId, 'CTR-1001') }),
    );
    expect(owned.Item).toMatchObject({ contractNumber: 'CTR-1001', product: 'Remote Access Support' });
  });

  it('keeps the first confirmation link working after a sign-in before confirming mailed a newer one', async () => {
    // Prepare
    const email = uniqueEmail('early');
    await call(api, 'POST', '/api/auth/customer/sign-up', { body: { email, password: PASSWORD, name: 'Early Bird' } });
    const firstLink = linkCodeIn((await latestMailTo(email))?.body.text);
    // Act: signing in first mails the link again; then the person uses the first mail's link.
    const early = await call(api, 'POST', '/api/auth/customer/sign-in', { body: { email, password: PASSWORD } });
    const secondLink = linkCodeIn((await latestMailTo(email))?.body.text);
    const confirmed = await call(api, 'POST', '/api/auth/customer/confirm-email', { body: { email, code: firstLink } });
    const signedIn = await call(api, 'POST', '/api/auth/customer/sign-in', { body: { email, password: PASSWORD } });
    // Assess
    expect(early.body.error.code).toBe('EMAIL_NOT_CONFIRMED');
    expect((await mailsTo(inject('mailUrl'), email)).filter((mail) => /Confirm your e-mail/.test(mail.subject))).toHaveLength(2);
    expect(secondLink).not.toBe(firstLink);
    expect(confirmed.status).toBe(200);
    expect(signedIn.status).toBe(200);
  });

  it('refuses a confirmation link for another address, and spends every pending link of the address on confirming', async () => {
    const email = uniqueEmail('twice');
    await call(api, 'POST', '/api/auth/customer/sign-up', { body: { email, password: PASSWORD, name: 'Twice' } });
    const firstLink = linkCodeIn((await latestMailTo(email))?.body.text);
    await call(api, 'POST', '/api/auth/customer/resend-confirmation', { body: { email } });
    const secondLink = linkCodeIn((await latestMailTo(email))?.body.text);
    const other = uniqueEmail('other');
    const wrongAddress = await call(api, 'POST', '/api/auth/customer/confirm-email', { body: { email: other, code: firstLink } });
    const confirmed = await call(api, 'POST', '/api/auth/customer/confirm-email', { body: { email, code: secondLink } });
    expect(wrongAddress.status).toBe(400);
    expect(confirmed.status).toBe(200);
    const stored = await db().send(new GetCommand({ TableName: tableName(), Key: keys.localLinkCode('customer', email, 'confirm') }));
    // Confirming spends every pending code of the address.
    expect(stored.Item).toBeUndefined();
  });

  it('refuses a used activation code, and creates nothing for it', async () => {
    await putContract('CTR-1002', 'QQQQ-RRRR-SSSS');
    const first = await call(api, 'POST', '/api/auth/customer/sign-up', {
      body: {
        email: uniqueEmail('first'),
        password: PASSWORD,
        name: 'First',
        contract: { contractNumber: 'CTR-1002', activationCode: 'QQQQ-RRRR-SSSS' },
      },
    });
    const secondEmail = uniqueEmail('second');
    const second = await call(api, 'POST', '/api/auth/customer/sign-up', {
      body: {
        email: secondEmail,
        password: PASSWORD,
        name: 'Second',
        contract: { contractNumber: 'CTR-1002', activationCode: 'QQQQ-RRRR-SSSS' },
      },
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('ACTIVATION_CODE_USED');
    expect(await mailsTo(inject('mailUrl'), secondEmail)).toEqual([]);
    const user = await db().send(new GetCommand({ TableName: tableName(), Key: keys.localUser('customer', secondEmail) }));
    expect(user.Item).toBeUndefined();
  });

  it('lets only one of two simultaneous sign-ups with the same code have the contract', async () => {
    await putContract('CTR-1003', 'TTTT-VVVV-WWWW');
    const emails = [uniqueEmail('racer'), uniqueEmail('racer')];
    const results = await Promise.all(
      emails.map((email) =>
        call(api, 'POST', '/api/auth/customer/sign-up', {
          body: { email, password: PASSWORD, name: 'Racer', contract: { contractNumber: 'CTR-1003', activationCode: 'TTTT-VVVV-WWWW' } },
        }),
      ),
    );
    const statuses = results.map((result) => result.status).sort();
    expect(statuses).toEqual([201, 409]);
    const loser = emails[results.findIndex((result) => result.status === 409)]!;
    // The loser's half-made user was removed, so the address can sign up again.
    const user = await db().send(new GetCommand({ TableName: tableName(), Key: keys.localUser('customer', loser) }));
    expect(user.Item).toBeUndefined();
  });

  it('refuses a wrong activation code with a clear error', async () => {
    await putContract('CTR-1004', 'XXXX-YYYY-ZZZZ');
    const response = await call(api, 'POST', '/api/auth/customer/sign-up', {
      body: {
        email: uniqueEmail('wrong'),
        password: PASSWORD,
        name: 'Wrong',
        contract: { contractNumber: 'CTR-1004', activationCode: 'XXXX-YYYY-ZZZ0' },
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'ACTIVATION_CODE_INVALID', message: expect.stringContaining('activation code') });
  });

  it('answers a sign-up for a registered address as any other, and tells the owner by e-mail', async () => {
    const customer = await createCustomer([]);
    const response = await call(api, 'POST', '/api/auth/customer/sign-up', {
      body: { email: customer.login.email, password: PASSWORD, name: 'Someone' },
    });
    expect(response.status).toBe(201);
    expect((await latestMailTo(customer.login.email))?.subject).toBe('You already have an account for Atrium');
  });

  it('sends at most five mails to one address however often it signs up, with the same answer each time', async () => {
    const email = uniqueEmail('flood');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt += 1) {
      statuses.push((await call(api, 'POST', '/api/auth/customer/sign-up', { body: { email, password: PASSWORD, name: 'Flood' } })).status);
    }
    expect(statuses).toEqual(Array(10).fill(201));
    expect(await mailsTo(inject('mailUrl'), email)).toHaveLength(5);
  });

  it('stops one source IP signing up more than thirty addresses an hour, with the same answer and nothing created', async () => {
    const sourceIp = randomIp();
    const emails = Array.from({ length: 31 }, () => uniqueEmail('spree'));
    const responses = [];
    for (const email of emails) {
      responses.push(
        await call(api, 'POST', '/api/auth/customer/sign-up', { body: { email, password: PASSWORD, name: 'Spree' }, sourceIp }),
      );
    }
    const last = emails.at(-1)!;
    expect(responses.map((response) => response.status)).toEqual(Array(31).fill(201));
    expect(responses.at(-1)!.body).toEqual({ destination: expect.stringMatching(/^s\*\*\*@example\.test$/) });
    expect(await mailsTo(inject('mailUrl'), last)).toEqual([]);
    const user = await db().send(new GetCommand({ TableName: tableName(), Key: keys.localUser('customer', last) }));
    expect(user.Item).toBeUndefined();
    // 31 sign-ups one after another, each hashing a password: more than the default 30 s on a loaded 2-core machine.
  }, 120_000);

  it('refuses a weak password before anything is created', async () => {
    const response = await call(api, 'POST', '/api/auth/customer/sign-up', {
      body: { email: uniqueEmail('weak'), password: 'password', name: 'Weak' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('WEAK_PASSWORD');
  });
});

describe('lockout', () => {
  async function wrongCodes(email: string, password: string, count: number, sourceIp = randomIp()) {
    // Past the previous code mail's cooldown: a new sign-in may mail a new code.
    shiftClockForTests(31_000);
    const started = await call(api, 'POST', '/api/auth/customer/sign-in', { body: { email, password }, sourceIp });
    expect(started.status).toBe(200);
    const code = await latestCodeFor(email);
    const wrong = code === '000000' ? '111111' : '000000';
    const statuses: number[] = [];
    for (let attempt = 0; attempt < count; attempt += 1) {
      const response = await call(api, 'POST', '/api/auth/customer/verify-code', {
        body: { email, session: started.body.session, code: wrong },
        sourceIp,
      });
      statuses.push(response.status);
    }
    return statuses;
  }

  it('locks the account at the 6th wrong code in a row, even across new sign-ins, then lets it in after the wait', async () => {
    const customer = await createCustomer([]);
    const { email, password } = customer.login;
    // Two flows of three wrong codes each, from different IPs: the e-mail's count carries over.
    expect(await wrongCodes(email, password, 3)).toEqual([401, 401, 401]);
    expect(await wrongCodes(email, password, 3)).toEqual([401, 401, 401]);
    const locked = await call(api, 'POST', '/api/auth/customer/sign-in', { body: customer.login });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    shiftClockForTests(61_000);
    const afterWait = await call(api, 'POST', '/api/auth/customer/sign-in', { body: customer.login });
    expect(afterWait.status).toBe(200);
  });

  it('doubles the wait for each failure after a lock', async () => {
    const customer = await createCustomer([]);
    const { email, password } = customer.login;
    await wrongCodes(email, password, 3);
    await wrongCodes(email, password, 3);
    shiftClockForTests(61_000);
    await wrongCodes(email, password, 1);
    const locked = await call(api, 'POST', '/api/auth/customer/sign-in', { body: customer.login });
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(60);
  });

  it('counts wrong passwords and wrong order numbers towards the same lock', async () => {
    const customer = await createCustomer(purchases(1));
    const { email } = customer.login;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await call(api, 'POST', '/api/auth/customer/sign-in', { body: { email, password: 'Wrong-Password-1' } })).status).toBe(401);
      expect((await call(api, 'POST', '/api/auth/customer/order-sign-in', { body: { email, orderReference: 'NOPE1' } })).status).toBe(401);
    }
    const right = await call(api, 'POST', '/api/auth/customer/order-sign-in', {
      body: { email, orderReference: customer.purchases[0]!.reference },
    });
    expect(right.status).toBe(429);
  });

  it('answers wrong passwords and order numbers for a migrated user as for an unknown e-mail, and counts them', async () => {
    // Prepare: a user imported with the old portal's password, owning one order.
    const customer = await createCustomer(purchases(1));
    const { email } = customer.login;
    await putLocalUser({ pool: 'customer', email, password: 'Old-Portal-Pass-7', migrated: true, sub: customer.userId });
    const ghost = uniqueEmail('ghost');
    // Act
    const wrongPassword = await call(api, 'POST', '/api/auth/customer/sign-in', { body: { email, password: 'Wrong-Password-1' } });
    const unknownEmail = await call(api, 'POST', '/api/auth/customer/sign-in', { body: { email: ghost, password: 'Wrong-Password-1' } });
    const wrongOrder = await call(api, 'POST', '/api/auth/customer/order-sign-in', { body: { email, orderReference: 'NOPE1' } });
    const unknownOrder = await call(api, 'POST', '/api/auth/customer/order-sign-in', { body: { email: ghost, orderReference: 'NOPE1' } });
    const rightPassword = await call(api, 'POST', '/api/auth/customer/sign-in', { body: { email, password: 'Old-Portal-Pass-7' } });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await call(api, 'POST', '/api/auth/customer/sign-in', { body: { email, password: 'Wrong-Password-1' } });
    }
    const locked = await call(api, 'POST', '/api/auth/customer/sign-in', { body: { email, password: 'Old-Portal-Pass-7' } });
    // Assess
    const withoutId = (body: { error: Record<string, unknown> }) => ({ ...body.error, requestId: undefined });
    expect(wrongPassword.status).toBe(401);
    expect(withoutId(wrongPassword.body)).toEqual(withoutId(unknownEmail.body));
    expect(wrongOrder.status).toBe(401);
    expect(withoutId(wrongOrder.body)).toEqual(withoutId(unknownOrder.body));
    expect(rightPassword.status).toBe(403);
    expect(rightPassword.body.error.code).toBe('PASSWORD_RESET_REQUIRED');
    // Six failures (a wrong password, a wrong order number, the reset answer, three more wrong): the sixth locks.
    expect(locked.status).toBe(429);
  });

  it('locks a source IP that guesses across many accounts', async () => {
    const sourceIp = randomIp();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 32; attempt += 1) {
      const response = await call(api, 'POST', '/api/auth/customer/sign-in', {
        body: { email: uniqueEmail('spray'), password: 'Wrong-Password-1' },
        sourceIp,
      });
      statuses.push(response.status);
    }
    // Thirty failures are allowed; the 31st locks the IP, so the 32nd attempt is refused.
    expect(statuses.slice(0, 31).every((status) => status === 401)).toBe(true);
    expect(statuses[31]).toBe(429);
  });
});

describe('sessions', () => {
  async function signInWithCookie(login: { email: string; password: string }, sourceIp = randomIp()) {
    const started = await call(api, 'POST', '/api/auth/customer/sign-in', { body: login, sourceIp });
    const code = await latestCodeFor(login.email);
    return call(api, 'POST', '/api/auth/customer/verify-code', {
      body: { email: login.email, session: started.body.session, code },
      sourceIp,
    });
  }

  it('keeps the refresh token in an HttpOnly, Secure, SameSite=Strict cookie and never in the body', async () => {
    const customer = await createCustomer([]);
    const verified = await signInWithCookie(customer.login);
    const setCookie = verified.headers.getSetCookie();
    expect(setCookie).toHaveLength(1);
    expect(setCookie[0]).toMatch(
      /^atrium_refresh_customer=[^;]+; Path=\/api\/auth\/customer; Max-Age=2592000; HttpOnly; Secure; SameSite=Strict$/,
    );
    expect(Object.keys(verified.body).sort()).toEqual(['accessToken', 'expiresIn', 'idToken', 'tokenType']);
  });

  it('refreshes the session from the cookie until sign-out revokes it', async () => {
    const customer = await createCustomer([]);
    const cookie = cookieFrom((await signInWithCookie(customer.login)).headers);
    const refreshed = await call(api, 'POST', '/api/auth/customer/refresh', { cookie });
    const me = await call(api, 'GET', '/api/me', { token: refreshed.body.accessToken });
    const signedOut = await call(api, 'POST', '/api/auth/customer/sign-out', { cookie });
    const afterSignOut = await call(api, 'POST', '/api/auth/customer/refresh', { cookie });
    expect(refreshed.status).toBe(200);
    expect(me.body.email).toBe(customer.login.email);
    expect(signedOut.status).toBe(204);
    expect(signedOut.headers.getSetCookie()[0]).toContain('Max-Age=0');
    expect(afterSignOut.status).toBe(401);
    expect(afterSignOut.body.error.code).toBe('SESSION_EXPIRED');
    expect(afterSignOut.headers.getSetCookie()[0]).toContain('Max-Age=0');
  });

  it('refuses the old access token on the next call after sign-out, while a new sign-in works', async () => {
    // Prepare
    const customer = await createCustomer([]);
    const signedIn = await signInWithCookie(customer.login);
    const cookie = cookieFrom(signedIn.headers);
    const before = await call(api, 'GET', '/api/me', { token: signedIn.body.accessToken });
    // Tokens carry whole seconds: the sign-out is a second later than the token it ends.
    shiftClockForTests(1_000);
    // Act
    await call(api, 'POST', '/api/auth/customer/sign-out', { cookie });
    const after = await call(api, 'GET', '/api/me', { token: signedIn.body.accessToken });
    const again = await signInWithCookie(customer.login);
    const fresh = await call(api, 'GET', '/api/me', { token: again.body.accessToken });
    // Assess
    expect(before.status).toBe(200);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('SESSION_EXPIRED');
    expect(fresh.status).toBe(200);
  });

  it("refuses every access token issued before a password reset, and another device's token after a sign-out refreshes", async () => {
    const customer = await createCustomer([]);
    const email = customer.login.email;
    const laptop = await signInWithCookie(customer.login);
    const phone = await signInWithCookie(customer.login);
    shiftClockForTests(1_000);
    // Signing out on the laptop ends the phone's access token too, but the phone's refresh token still works.
    await call(api, 'POST', '/api/auth/customer/sign-out', { cookie: cookieFrom(laptop.headers) });
    const phoneRefused = await call(api, 'GET', '/api/me', { token: phone.body.accessToken });
    const phoneRefreshed = await call(api, 'POST', '/api/auth/customer/refresh', { cookie: cookieFrom(phone.headers) });
    const phoneAgain = await call(api, 'GET', '/api/me', { token: phoneRefreshed.body.accessToken });
    shiftClockForTests(1_000);
    await call(api, 'POST', '/api/auth/customer/forgot-password', { body: { email } });
    const code = linkCodeIn((await awaitMailTo(inject('mailUrl'), email, RESET_SUBJECT)).body.text);
    const reset = await call(api, 'POST', '/api/auth/customer/reset-password', { body: { email, code, newPassword: PASSWORD } });
    const afterReset = await call(api, 'GET', '/api/me', { token: phoneRefreshed.body.accessToken });
    expect([phoneRefused.status, phoneRefreshed.status, phoneAgain.status]).toEqual([401, 200, 200]);
    expect(reset.status).toBe(200);
    expect(afterReset.status).toBe(401);
  });

  it('refuses a staff access token after sign-out', async () => {
    const staff = await createStaff(['admin']);
    const started = await call(api, 'POST', '/api/auth/staff/sign-in', { body: staff });
    const code = await latestCodeFor(staff.email);
    const verified = await call(api, 'POST', '/api/auth/staff/verify-code', {
      body: { email: staff.email, session: started.body.session, code },
    });
    const before = await call(api, 'GET', '/api/admin/orders', { token: verified.body.accessToken });
    shiftClockForTests(1_000);
    await call(api, 'POST', '/api/auth/staff/sign-out', { cookie: cookieFrom(verified.headers) });
    const after = await call(api, 'GET', '/api/admin/orders', { token: verified.body.accessToken });
    expect(before.status).toBe(200);
    expect(after.status).toBe(401);
  });

  it('does not take a customer cookie for the staff pool', async () => {
    const customer = await createCustomer([]);
    const cookie = cookieFrom((await signInWithCookie(customer.login)).headers).replace('atrium_refresh_customer', 'atrium_refresh_staff');
    const response = await call(api, 'POST', '/api/auth/staff/refresh', { cookie });
    expect(response.status).toBe(401);
  });

  it('records each sign-in with its time, source IP and method for the profile', async () => {
    const customer = await createCustomer(purchases(1));
    await signInWithCookie(customer.login, '10.9.8.7');
    const started = await call(api, 'POST', '/api/auth/customer/order-sign-in', {
      body: { email: customer.login.email, orderReference: customer.purchases[0]!.reference.toLowerCase() },
      sourceIp: '10.9.8.6',
    });
    const code = await latestCodeFor(customer.login.email);
    const verified = await call(api, 'POST', '/api/auth/customer/verify-code', {
      body: { email: customer.login.email, session: started.body.session, code },
      sourceIp: '10.9.8.6',
    });
    const signIns = await call(api, 'GET', '/api/me/sign-ins', { token: verified.body.accessToken });
    expect(signIns.status).toBe(200);
    expect(signIns.body.items.map((item: { sourceIp: string; method: string }) => [item.sourceIp, item.method])).toEqual([
      ['10.9.8.6', 'order-number'],
      ['10.9.8.7', 'password'],
    ]);
    expect(signIns.body.items[0].at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('answers 500 with the error body, not a sign-in of an unknown method, when a stored sign-in record has drifted', async () => {
    // Prepare: a record as an older writer might have left it, with a method the profile cannot show.
    const customer = await createCustomer([]);
    const token = await signIn(api, 'customer', customer.login);
    const user = await db().send(new GetCommand({ TableName: tableName(), Key: keys.localUser('customer', customer.login.email) }));
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...keys.signIn(String(user.Item!.sub), '01JD3Q8W5M2K7Z9XG4R6T1V0ZZ'),
          type: 'SignIn',
          at: '2025-11-21T12:00:00.000Z',
          sourceIp: '10.1.1.1',
          method: 'sms',
          expiresAt: 4_000_000_000,
        },
      }),
    );
    // Act
    const response = await call(api, 'GET', '/api/me/sign-ins', { token });
    // Assess
    expect(response.status).toBe(500);
    expect(response.body.error).toMatchObject({ code: 'INTERNAL', requestId: expect.any(String) });
    expect(JSON.stringify(response.body)).not.toContain('10.1.1.1');
  });

  it('mails no sign-in code to a local user whose stored status has drifted, and answers 500 instead', async () => {
    // Prepare: the user item with a status no branch of the adapter knows.
    const customer = await createCustomer([]);
    const Key = keys.localUser('customer', customer.login.email);
    const user = await db().send(new GetCommand({ TableName: tableName(), Key }));
    await db().send(new PutCommand({ TableName: tableName(), Item: { ...user.Item, status: 'ACTIVE' } }));
    // Act
    const response = await call(api, 'POST', '/api/auth/customer/sign-in', { body: customer.login, sourceIp: randomIp() });
    // Assess
    expect(response.status).toBe(500);
    expect(response.body.error).toMatchObject({ code: 'INTERNAL', requestId: expect.any(String) });
    expect(response.body).not.toHaveProperty('session');
  });
});

describe('forgot password', () => {
  it('sets a new password from the mailed link and refuses the old one', async () => {
    const customer = await createCustomer([]);
    const email = customer.login.email;
    const asked = await call(api, 'POST', '/api/auth/customer/forgot-password', { body: { email } });
    const code = linkCodeIn((await awaitMailTo(inject('mailUrl'), email, RESET_SUBJECT)).body.text);
    const mismatch = await call(api, 'POST', '/api/auth/customer/reset-password', { body: { email, code, newPassword: 'short' } });
    const changed = await call(api, 'POST', '/api/auth/customer/reset-password', { body: { email, code, newPassword: PASSWORD } });
    const old = await call(api, 'POST', '/api/auth/customer/sign-in', { body: customer.login });
    const fresh = await call(api, 'POST', '/api/auth/customer/sign-in', { body: { email, password: PASSWORD } });
    expect(asked.status).toBe(202);
    expect(mismatch.body.error.code).toBe('WEAK_PASSWORD');
    expect(changed.status).toBe(200);
    expect(old.status).toBe(401);
    expect(fresh.status).toBe(200);
  });

  it('answers an unknown address exactly as a known one, and mails nobody', async () => {
    const email = uniqueEmail('ghost');
    const response = await call(api, 'POST', '/api/auth/customer/forgot-password', { body: { email } });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ sent: true });
    expect(await mailsTo(inject('mailUrl'), email)).toEqual([]);
  });

  it('does the same table write for an unknown address as for a known one, and leaves the mail to go on its own', async () => {
    // Prepare
    const customer = await createCustomer([]);
    const ghost = uniqueEmail('ghost');
    // Act
    await call(api, 'POST', '/api/auth/customer/forgot-password', { body: { email: customer.login.email } });
    await call(api, 'POST', '/api/auth/customer/forgot-password', { body: { email: ghost } });
    // Assess: an item of the same shape for both (the unknown one's code was never mailed to anybody).
    const stored = await Promise.all(
      [customer.login.email, ghost].map(async (email) => {
        const found = await db().send(new GetCommand({ TableName: tableName(), Key: keys.localLinkCode('customer', email, 'reset') }));
        return Object.keys(found.Item ?? {}).sort();
      }),
    );
    expect(stored[0]).toContain('codes');
    expect(stored[1]).toEqual(stored[0]);
    await awaitMailTo(inject('mailUrl'), customer.login.email, RESET_SUBJECT);
    expect(await mailsTo(inject('mailUrl'), ghost)).toEqual([]);
  });

  it('stops mailing one address after five requests in an hour', async () => {
    const customer = await createCustomer([]);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      statuses.push((await call(api, 'POST', '/api/auth/customer/forgot-password', { body: { email: customer.login.email } })).status);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    await awaitMailTo(inject('mailUrl'), customer.login.email, RESET_SUBJECT);
    await expect.poll(async () => (await mailsTo(inject('mailUrl'), customer.login.email)).length).toBe(5);
  });
});
