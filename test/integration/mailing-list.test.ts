// The mailing list through the local API Gateway: opting in stores the wording shown and the time; the signed
// one-click unsubscribe (page check and RFC 8058 POST) refuses a bad signature and is idempotent; every marketing mail
// carries the List-Unsubscribe headers; the admins' export lists the current subscribers only.

import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, tableName } from '#shared/db/client.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { keys } from '#shared/db/keys.ts';
import { deliverMail } from '#shared/mail/deliver.ts';
import { newsMail } from '#shared/mail/templates.ts';
import { consentWording } from '#shared/notifications/consent-wording.ts';
import { exportSubscribers } from '#shared/notifications/mailing.ts';
import { unsubscribeToken, unsubscribeUrls } from '#shared/notifications/unsubscribe-link.ts';
import { addMember, call, createCustomer, createStaff, purchases, signIn, startTestApi, type TestApi } from '../support/api.ts';

let api: TestApi;
let adminToken: string;
let supportToken: string;
beforeAll(async () => {
  api = await startTestApi();
  [adminToken, supportToken] = await Promise.all([
    createStaff(['admin']).then((login) => signIn(api, 'staff', login)),
    createStaff(['support']).then((login) => signIn(api, 'staff', login)),
  ]);
});
afterAll(() => api.stop());

/** A signed-in person of a new account (the owner). */
async function person() {
  const customer = await createCustomer(purchases(1));
  return { userId: customer.userId, email: customer.login.email, token: await signIn(api, 'customer', customer.login) };
}

function join(token: string, locale = 'en') {
  return call(api, 'PUT', '/api/me/mailing-list', { token, body: { subscribed: true, locale } });
}

/** The mail client's one-click POST (RFC 8058): a form body, no JSON. */
function oneClick(url: string) {
  return fetch(url.replace(/^https?:\/\/[^/]+/, api.url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
}

describe('opting in and out', () => {
  it('stores the wording shown in the person’s language and the time of the consent', async () => {
    const me = await person();
    const before = Date.now();
    const joined = await join(me.token, 'pl');
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({
      list: 'news',
      subscribed: true,
      wording: consentWording('pl', 'Atrium'),
      wordingVersion: '2026-11',
    });
    expect(Date.parse(joined.body.consentedAt)).toBeGreaterThanOrEqual(before - 1000);
    const stored = await db().send(new GetCommand({ TableName: tableName(), Key: keys.mailingSubscription(me.userId, 'news') }));
    expect(stored.Item).toMatchObject({ email: me.email, locale: 'pl', wording: consentWording('pl', 'Atrium'), GSI1PK: 'MAILING#news' });
    const read = await call(api, 'GET', '/api/me/mailing-list', { token: me.token });
    expect(read.body).toEqual(joined.body);
  });

  it('lets a person of any role leave from the page; the consent stays on record with its end', async () => {
    const owner = await createCustomer(purchases(1));
    const member = await addMember(owner.account.accountId, 'read-only');
    const token = await signIn(api, 'customer', member);
    await join(token);
    const left = await call(api, 'PUT', '/api/me/mailing-list', { token, body: { subscribed: false, locale: 'en' } });
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({ subscribed: false, wording: consentWording('en', 'Atrium') });
    expect(left.body.unsubscribedAt).toBeDefined();
    const stored = await db().send(new GetCommand({ TableName: tableName(), Key: keys.mailingSubscription(member.userId, 'news') }));
    expect(stored.Item?.GSI1PK).toBeUndefined();
  });

  it('answers not subscribed for a person who never joined, and refuses an unknown language', async () => {
    const me = await person();
    expect((await call(api, 'GET', '/api/me/mailing-list', { token: me.token })).body).toEqual({ list: 'news', subscribed: false });
    const bad = await call(api, 'PUT', '/api/me/mailing-list', { token: me.token, body: { subscribed: true, locale: 'xx' } });
    expect(bad.status).toBe(400);
  });
});

describe('one-click unsubscribe', () => {
  it('refuses a bad signature and another person’s id under someone’s signature, and changes nothing', async () => {
    const me = await person();
    await join(me.token);
    const token = await unsubscribeToken(me.userId, 'news');
    const forged = { ...token, s: `${token.s.slice(0, -2)}AA` === token.s ? `${token.s.slice(0, -2)}BB` : `${token.s.slice(0, -2)}AA` };
    for (const query of [forged, { ...token, u: `${me.userId}x` }]) {
      const search = new URLSearchParams(query).toString();
      const checked = await call(api, 'GET', `/api/mailing/unsubscribe?${search}`);
      expect(checked.status).toBe(400);
      expect(checked.body.error.code).toBe('INVALID_UNSUBSCRIBE_LINK');
      const posted = await call(api, 'POST', `/api/mailing/unsubscribe?${search}`);
      expect(posted.status).toBe(400);
    }
    const malformed = await call(api, 'POST', `/api/mailing/unsubscribe?u=${me.userId}&l=news&s=short`);
    expect(malformed.status).toBe(400);
    expect((await call(api, 'GET', '/api/me/mailing-list', { token: me.token })).body.subscribed).toBe(true);
  });

  it('unsubscribes with the mail client’s one-click POST, and a second POST answers the same', async () => {
    const me = await person();
    await join(me.token);
    const urls = await unsubscribeUrls('https://portal.example', me.userId, 'news');
    const page = new URL(urls.page);
    expect(page.pathname).toBe('/unsubscribe');
    const checked = await call(api, 'GET', `/api/mailing/unsubscribe${page.search}`);
    expect(checked.body).toEqual({ list: 'news', subscribed: true });

    const first = await oneClick(urls.oneClick);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ list: 'news', subscribed: false });
    const second = await oneClick(urls.oneClick);
    expect(second.status).toBe(200);
    expect((await call(api, 'GET', `/api/mailing/unsubscribe${page.search}`)).body).toEqual({ list: 'news', subscribed: false });
    expect((await call(api, 'GET', '/api/me/mailing-list', { token: me.token })).body.subscribed).toBe(false);
  });
});

describe('marketing mail', () => {
  it('carries List-Unsubscribe (the one-click URL) and List-Unsubscribe-Post to SES, and the link in its text', async () => {
    // The local SES server drops custom headers, so the SendEmail input is read from a mocked client.
    const ses = mockClient(SESv2Client).on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    try {
      const links = await unsubscribeUrls('https://portal.example', 'user-1', 'news');
      await deliverMail(newsMail('reader@example.test', { subject: 'News', text: 'Version 5 is out.' }, links, 'de'));
      const input = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
      expect(input.Content?.Simple?.Headers).toEqual([
        { Name: 'List-Unsubscribe', Value: `<${links.oneClick}>` },
        { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
      ]);
      expect(input.Content?.Simple?.Body?.Text?.Data).toContain(`Mit einem Klick abmelden: ${links.page}`);
    } finally {
      ses.restore();
    }
  });
});

describe('staff export of the subscribers', () => {
  it('lists the current subscribers only, with e-mail, language, consent time and wording; admins only', async () => {
    const [stays, leaves, polish] = await Promise.all([person(), person(), person()]);
    await Promise.all([join(stays.token), join(leaves.token), join(polish.token, 'pl')]);
    await oneClick((await unsubscribeUrls(api.url, leaves.userId, 'news')).oneClick);

    const response = await fetch(`${api.url}/api/admin/mailing/subscribers`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const csv = await response.text();
    expect(csv.split('\r\n')[0]).toBe('email,first_name,last_name,language,consented_at,wording_version,wording');
    expect(csv).toContain(`"${stays.email}","","","en","`);
    expect(csv).toContain(`"${polish.email}","","","pl","`);
    expect(csv).toContain(`"${consentWording('pl', 'Atrium')}"`);
    expect(csv).not.toContain(leaves.email);

    const refused = await call(api, 'GET', '/api/admin/mailing/subscribers', { token: supportToken });
    expect(refused.status).toBe(403);
  });

  it('splits a long list into parts with a cursor, each part bounded, together every subscriber once', async () => {
    const people = await Promise.all([person(), person(), person()]);
    await Promise.all(people.map((someone) => join(someone.token)));
    const seen: string[] = [];
    let cursor: string | undefined;
    let parts = 0;
    do {
      const part = await exportSubscribers('news', cursor, 1);
      expect(part.rows).toBeLessThanOrEqual(5);
      seen.push(...part.csv.split('\r\n').slice(1, -1));
      cursor = part.nextCursor;
      parts += 1;
    } while (cursor && parts < 1000);
    for (const someone of people) expect(seen.filter((line) => line.startsWith(`"${someone.email}"`))).toHaveLength(1);
    expect(parts).toBeGreaterThan(1);
    const badCursor = await call(api, 'GET', '/api/admin/mailing/subscribers?cursor=nonsense', { token: adminToken });
    expect(badCursor.status).toBe(400);
  });
});
