// The change of a person's login e-mail through the local API Gateway: a code to the new address, the switch with it
// (memberships, the account's contact e-mail and its search entry, the mailing list), the notice to the old address,
// sign-in with the new address only; a taken address, the same address and too many requests are refused.

import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membershipItem } from '#shared/accounts/membership.ts';
import { db, tableName } from '#shared/db/client.ts';
import { GetCommand, PutCommand } from '#shared/db/commands.ts';
import { keys } from '#shared/db/keys.ts';
import { searchTermOf } from '#shared/search/search-entry.ts';
import { addMember, call, createCustomer, purchases, signIn, startTestApi, type TestApi, uniqueEmail } from '../support/api.ts';
import { awaitMailTo, codeIn, mailsTo } from '../support/mailbox.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

const CODE_SUBJECT = /code to confirm your new e-mail address/;

async function owner() {
  const customer = await createCustomer(purchases(1));
  return { ...customer, token: await signIn(api, 'customer', customer.login) };
}

const start = (token: string, newEmail: string) => call(api, 'POST', '/api/me/email', { token, body: { newEmail, locale: 'en' } });
const confirm = (token: string, newEmail: string, code: string) =>
  call(api, 'POST', '/api/me/email/confirm', { token, body: { newEmail, code } });

async function codeSentTo(email: string): Promise<string> {
  const code = codeIn(await awaitMailTo(inject('mailUrl'), email, CODE_SUBJECT));
  if (!code) throw new Error(`no code reached ${email}`);
  return code;
}

const get = async (Key: Record<string, string>) =>
  (await db().send(new GetCommand({ TableName: tableName(), Key, ConsistentRead: true }))).Item;

describe('changing the login e-mail', () => {
  it('switches the address everywhere with the right code only, tells the old address, and signs in with the new one alone', async () => {
    const me = await owner();
    const oldEmail = me.login.email;
    // A second account where the person is billing (its contact is someone else), and the mailing list.
    const other = await createCustomer(purchases(1));
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: membershipItem({
          accountId: other.account.accountId,
          userId: me.userId,
          email: oldEmail,
          role: 'billing',
          createdAt: new Date().toISOString(),
        }),
      }),
    );
    expect((await call(api, 'PUT', '/api/me/mailing-list', { token: me.token, body: { subscribed: true, locale: 'en' } })).status).toBe(
      200,
    );

    const newEmail = uniqueEmail('moved');
    const started = await start(me.token, newEmail.toUpperCase());
    expect(started).toMatchObject({ status: 200, body: { newEmail } });
    const code = await codeSentTo(newEmail);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');

    const refused = await confirm(me.token, newEmail, wrong);
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'CODE_MISMATCH' } } });
    expect((await get(keys.membership(me.account.accountId, me.userId)))?.email).toBe(oldEmail);

    const confirmed = await confirm(me.token, newEmail, code);
    expect(confirmed).toMatchObject({ status: 200, body: { email: newEmail } });

    expect((await get(keys.membership(me.account.accountId, me.userId)))?.email).toBe(newEmail);
    expect((await get(keys.membership(other.account.accountId, me.userId)))?.email).toBe(newEmail);
    expect((await get(keys.account(me.account.accountId)))?.contactEmail).toBe(newEmail);
    expect((await get(keys.account(other.account.accountId)))?.contactEmail).toBe(other.login.email);
    expect(await get(keys.searchEntry(searchTermOf(newEmail), 'email', me.account.accountId))).toBeDefined();
    expect(await get(keys.searchEntry(searchTermOf(oldEmail), 'email', me.account.accountId))).toBeUndefined();
    expect((await get(keys.mailingSubscription(me.userId, 'news')))?.email).toBe(newEmail);

    const notice = await awaitMailTo(inject('mailUrl'), oldEmail, /e-mail address was changed/);
    expect(notice.body.text).toContain(newEmail);

    const signInOld = await call(api, 'POST', '/api/auth/customer/sign-in', { body: { email: oldEmail, password: me.login.password } });
    expect(signInOld).toMatchObject({ status: 401, body: { error: { code: 'INVALID_CREDENTIALS' } } });
    const token = await signIn(api, 'customer', { email: newEmail, password: me.login.password });
    const mine = await call(api, 'GET', '/api/me/mailing-list', { token });
    expect(mine.status).toBe(200);
  });

  it('refuses an address another user signs in with (409 EMAIL_TAKEN) and mails no code', async () => {
    const me = await owner();
    const taken = await addMember(me.account.accountId, 'technical');
    const answer = await start(me.token, taken.email);
    expect(answer).toMatchObject({ status: 409, body: { error: { code: 'EMAIL_TAKEN' } } });
    expect((await mailsTo(inject('mailUrl'), taken.email)).filter((mail) => CODE_SUBJECT.test(mail.subject))).toHaveLength(0);
  });

  it('refuses the current address and a malformed one', async () => {
    const me = await owner();
    expect(await start(me.token, me.login.email)).toMatchObject({ status: 400, body: { error: { code: 'EMAIL_UNCHANGED' } } });
    expect((await start(me.token, 'not-an-address')).status).toBe(400);
    expect((await confirm(me.token, uniqueEmail('x'), '12ab56')).status).toBe(400);
  });

  it('lets any role change their own address', async () => {
    const me = await owner();
    const reader = await addMember(me.account.accountId, 'read-only');
    const token = await signIn(api, 'customer', reader);
    const newEmail = uniqueEmail('reader');
    expect((await start(token, newEmail)).status).toBe(200);
    expect((await confirm(token, newEmail, await codeSentTo(newEmail))).status).toBe(200);
    expect((await get(keys.membership(me.account.accountId, reader.userId)))?.email).toBe(newEmail);
    // The owner's contact e-mail was not the reader's: it stays.
    expect((await get(keys.account(me.account.accountId)))?.contactEmail).toBe(me.login.email);
  });

  it('mails at most 3 codes an hour per person (429 with Retry-After)', async () => {
    const me = await owner();
    for (let index = 0; index < 3; index += 1) expect((await start(me.token, uniqueEmail(`try${index}`))).status).toBe(200);
    const fourth = await start(me.token, uniqueEmail('try3'));
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
