// Staff users (admin): list, invite (the invitee sets a first password from the mailed link), change groups, disable
// and enable, sign out everywhere; the last active admin stays; every change is audited; staff see their own sign-ins.
// Against the local API, DynamoDB Local and the local mail server. The tests share one table and run in order: the
// first one needs the file's root admin to be the only active admin.

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decodeJwt, SignJWT } from 'jose';
import { listAuditEntries } from '#shared/audit/audit.ts';
import { localSigningKey, SIGNING_ALG } from '#shared/identity/local-keys.ts';
import { staffUserState } from '#shared/staff/staff-user.ts';
import { call, createStaffUser, latestCodeFor, signIn, startTestApi, type TestApi, uniqueEmail } from '../support/api.ts';
import { awaitMailTo } from '../support/mailbox.ts';

let api: TestApi;
let root: { email: string; password: string; userId: string };
let rootToken: string;
const PASSWORD = 'Invited-Staff-Pass-9!';

beforeAll(async () => {
  api = await startTestApi();
  root = await createStaffUser(['admin']);
  rootToken = await issuedEarlier(await signIn(api, 'staff', root));
});
afterAll(() => api.stop());

/** The invitation mailed to the address, and the code of its link to the staff reset page. */
async function invitationCode(email: string, subject: RegExp): Promise<{ code: string; text: string }> {
  const mail = await awaitMailTo(inject('mailUrl'), email, subject);
  const text = mail.body.text ?? '';
  const code = /\/admin\/reset-password\?email=[^&\s]+&code=(\d{6})/.exec(text)?.[1];
  if (!code) throw new Error(`No invitation link was mailed to ${email}: ${text}`);
  return { code, text };
}

/** Invites a staff user as `token`'s admin and lets them set their first password: their login and id. */
async function invitedAndActive(token: string, groups: string[]) {
  const email = uniqueEmail('invited');
  const invited = await call(api, 'POST', '/api/admin/staff', { token, body: { email, groups, locale: 'en' } });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  const { code } = await invitationCode(email, /invitation to the Atrium back office/);
  const reset = await call(api, 'POST', '/api/auth/staff/reset-password', { body: { email, code, newPassword: PASSWORD } });
  expect(reset.status, JSON.stringify(reset.body)).toBe(200);
  return { email, password: PASSWORD, userId: invited.body.userId as string };
}

async function staffRow(token: string, userId: string) {
  const listed = await call(api, 'GET', '/api/admin/staff?limit=100', { token });
  expect(listed.status).toBe(200);
  return (listed.body.items as Array<{ userId: string; status: string; groups: string[] }>).find((user) => user.userId === userId);
}

/**
 * The same access token issued a few seconds earlier (re-signed by the same key). Revocation works in whole seconds
 * (docs/authentication.md): a token from the very second of the revocation is let through, so the tests use tokens
 * that are clearly older than the change, as any session open before it is.
 */
async function issuedEarlier(token: string): Promise<string> {
  const { key, kid } = await localSigningKey(inject('keysDir'), 'staff');
  const { iat, ...claims } = decodeJwt(token);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: SIGNING_ALG, kid })
    .setIssuedAt((iat ?? 0) - 5)
    .sign(key);
}

const auditOf = async (userId: string) => (await listAuditEntries({ target: { kind: 'staff-user', id: userId } }, {})).items;

describe('the last active admin', () => {
  it('cannot remove their own admin group or disable themselves while no other admin is active; can once one is', async () => {
    const demote = () => call(api, 'PUT', `/api/admin/staff/${root.userId}/groups`, { token: rootToken, body: { groups: ['support'] } });
    const disable = () => call(api, 'POST', `/api/admin/staff/${root.userId}/disable`, { token: rootToken });
    for (const refused of [await demote(), await disable()]) {
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('LAST_ADMIN');
    }
    // An invited admin who has not chosen a password yet is not an active admin.
    const pending = uniqueEmail('pending');
    expect(
      (await call(api, 'POST', '/api/admin/staff', { token: rootToken, body: { email: pending, groups: ['admin'], locale: 'en' } })).status,
    ).toBe(201);
    expect((await demote()).body.error.code).toBe('LAST_ADMIN');
    expect((await staffRow(rootToken, root.userId))?.groups).toEqual(['admin']);
    expect(await auditOf(root.userId)).toEqual([]);

    const second = await invitedAndActive(rootToken, ['admin']);
    const demoted = await demote();
    expect(demoted.status, JSON.stringify(demoted.body)).toBe(200);
    expect(demoted.body).toMatchObject({ userId: root.userId, groups: ['support'], status: 'active' });
    // The group change ended root's sessions: the token that made it is refused now.
    expect((await call(api, 'GET', '/api/admin/me/sign-ins', { token: rootToken })).body.error.code).toBe('SESSION_EXPIRED');

    // Now `second` is the last active admin, and nobody may disable them either.
    const secondToken = await signIn(api, 'staff', second);
    const refused = await call(api, 'POST', `/api/admin/staff/${second.userId}/disable`, { token: secondToken });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('LAST_ADMIN');
    rootToken = secondToken;
  });
});

describe('staff users', () => {
  it('invites a staff user in their language; they set a first password from the link, sign in and become active', async () => {
    const email = uniqueEmail('invitee');
    const invited = await call(api, 'POST', '/api/admin/staff', {
      token: rootToken,
      body: { email: ` ${email.toUpperCase()} `, groups: ['support', 'billing'], locale: 'pl' },
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    expect(invited.body).toMatchObject({ email: email, groups: ['support', 'billing'], status: 'invited', locale: 'pl' });
    const userId = invited.body.userId as string;

    const { code, text } = await invitationCode(email, /Zaproszenie do panelu obsługi Atrium/);
    expect(text).toContain('pierwsze hasło');
    // Before choosing a password, no password signs them in.
    const early = await call(api, 'POST', '/api/auth/staff/sign-in', { body: { email, password: PASSWORD } });
    expect(early.body.error.code).toBe('INVALID_CREDENTIALS');
    const reset = await call(api, 'POST', '/api/auth/staff/reset-password', { body: { email, code, newPassword: PASSWORD } });
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect((await staffRow(rootToken, userId))?.status).toBe('active');

    const token = await signIn(api, 'staff', { email, password: PASSWORD });
    const signIns = await call(api, 'GET', '/api/admin/me/sign-ins', { token });
    expect(signIns.status).toBe(200);
    expect(signIns.body.items).toHaveLength(1);
    expect(signIns.body.items[0]).toMatchObject({ method: 'password', sourceIp: expect.any(String) });

    const [entry] = await auditOf(userId);
    expect(entry).toMatchObject({
      action: 'staff-user.invite',
      target: { kind: 'staff-user', id: userId, label: email },
      changes: expect.arrayContaining([{ field: 'groups', after: '["support","billing"]' }]),
    });
  });

  it('refuses to invite an e-mail that already has a staff user, and leaves it as it was', async () => {
    const existing = await invitedAndActive(rootToken, ['support']);
    const again = await call(api, 'POST', '/api/admin/staff', {
      token: rootToken,
      body: { email: existing.email, groups: ['admin'], locale: 'en' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_REGISTERED');
    expect((await staffRow(rootToken, existing.userId))?.groups).toEqual(['support']);
    expect(await auditOf(existing.userId)).toHaveLength(1);
  });

  it('refuses a disabled staff user at sign-in and refuses their current token; enabled, they sign in again', async () => {
    const user = await invitedAndActive(rootToken, ['support']);
    const token = await signIn(api, 'staff', user);
    expect((await call(api, 'GET', '/api/admin/customers', { token })).status).toBe(200);

    const disabled = await call(api, 'POST', `/api/admin/staff/${user.userId}/disable`, { token: rootToken });
    expect(disabled.status, JSON.stringify(disabled.body)).toBe(200);
    expect(disabled.body.status).toBe('disabled');
    const refused = await call(api, 'GET', '/api/admin/customers', { token });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('SESSION_EXPIRED');
    const signInAgain = await call(api, 'POST', '/api/auth/staff/sign-in', { body: { email: user.email, password: user.password } });
    expect(signInAgain.body.error.code).toBe('INVALID_CREDENTIALS');

    const enabled = await call(api, 'POST', `/api/admin/staff/${user.userId}/enable`, { token: rootToken });
    expect(enabled.body.status).toBe('active');
    const fresh = await signIn(api, 'staff', user);
    expect((await call(api, 'GET', '/api/admin/customers', { token: fresh })).status).toBe(200);
    expect((await auditOf(user.userId)).map((entry) => entry.action)).toEqual([
      'staff-user.enable',
      'staff-user.disable',
      'staff-user.invite',
    ]);
  });

  it('signs a staff user out everywhere: their access tokens and their refresh cookie stop working', async () => {
    const user = await createStaffUser(['billing']);
    const started = await call(api, 'POST', '/api/auth/staff/sign-in', { body: { email: user.email, password: user.password } });
    const verified = await fetch(`${api.url}/api/auth/staff/verify-code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.9.9.9' },
      body: JSON.stringify({ email: user.email, session: started.body.session, code: await latestCodeFor(user.email) }),
    });
    const token = await issuedEarlier(((await verified.json()) as { accessToken: string }).accessToken);
    const cookie = verified.headers.getSetCookie()[0]!.split(';')[0]!;

    const signedOut = await call(api, 'POST', `/api/admin/staff/${user.userId}/sign-out`, { token: rootToken });
    expect(signedOut.status, JSON.stringify(signedOut.body)).toBe(200);
    expect((await call(api, 'GET', '/api/admin/orders', { token })).body.error.code).toBe('SESSION_EXPIRED');
    const refreshed = await call(api, 'POST', '/api/auth/staff/refresh', { cookie });
    expect(refreshed.status).toBe(401);
    const [entry] = await auditOf(user.userId);
    expect(entry).toMatchObject({ action: 'staff-user.sign-out', actor: { groups: ['admin'] } });
  });

  it('ends the sessions of a user whose groups change; their next sign-in carries the new groups', async () => {
    const user = await createStaffUser(['support']);
    const token = await issuedEarlier(await signIn(api, 'staff', user));
    expect((await call(api, 'GET', '/api/admin/catalogue', { token })).status).toBe(403);

    const changed = await call(api, 'PUT', `/api/admin/staff/${user.userId}/groups`, {
      token: rootToken,
      body: { groups: ['billing'] },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.groups).toEqual(['billing']);
    expect((await call(api, 'GET', '/api/admin/customers', { token })).body.error.code).toBe('SESSION_EXPIRED');
    const fresh = await signIn(api, 'staff', user);
    expect((await call(api, 'GET', '/api/admin/catalogue', { token: fresh })).status).toBe(200);
    const [entry] = await auditOf(user.userId);
    expect(entry).toMatchObject({
      action: 'staff-user.set-groups',
      changes: [{ field: 'groups', before: '["support"]', after: '["billing"]' }],
    });
  });

  it('lists staff users by e-mail to admins only, with their groups and status', async () => {
    const support = await createStaffUser(['support']);
    const listed = await call(api, 'GET', '/api/admin/staff?limit=100', { token: rootToken });
    expect(listed.status).toBe(200);
    const emails = (listed.body.items as Array<{ email: string }>).map((user) => user.email);
    expect(emails).toEqual([...emails].sort());
    expect(listed.body.items).toContainEqual(expect.objectContaining({ userId: support.userId, groups: ['support'], status: 'active' }));
    const supportToken = await signIn(api, 'staff', support);
    expect((await call(api, 'GET', '/api/admin/staff', { token: supportToken })).status).toBe(403);
    // Every staff group sees its own sign-ins.
    expect((await call(api, 'GET', '/api/admin/me/sign-ins', { token: supportToken })).body.items).toHaveLength(1);
  });

  it('answers 404 for a staff user that does not exist and 400 for a malformed id or groups', async () => {
    const unknown = '11111111-2222-4333-8444-555555555555';
    for (const action of ['disable', 'enable', 'sign-out']) {
      const answer = await call(api, 'POST', `/api/admin/staff/${unknown}/${action}`, { token: rootToken });
      expect(answer.status, action).toBe(404);
    }
    expect((await call(api, 'POST', '/api/admin/staff/not-an-id/disable', { token: rootToken })).status).toBe(400);
    const noGroups = await call(api, 'PUT', `/api/admin/staff/${root.userId}/groups`, { token: rootToken, body: { groups: [] } });
    expect(noGroups.status).toBe(400);
    const twice = await call(api, 'PUT', `/api/admin/staff/${root.userId}/groups`, {
      token: rootToken,
      body: { groups: ['admin', 'admin'] },
    });
    expect(twice.status).toBe(400);
  });
});

describe('two admins at the same moment', () => {
  it('cannot both give up being an admin: one of them stays an active admin', async () => {
    // The active admins are now `second` (rootToken) and this one.
    const other = await invitedAndActive(rootToken, ['admin']);
    const otherToken = await signIn(api, 'staff', other);
    const secondId = (await call(api, 'GET', '/api/admin/staff?limit=100', { token: rootToken })).body.items.find(
      (user: { groups: string[]; status: string; userId: string }) =>
        user.groups.includes('admin') && user.status === 'active' && user.userId !== other.userId,
    ).userId as string;
    const answers = await Promise.all([
      call(api, 'POST', `/api/admin/staff/${secondId}/disable`, { token: rootToken }),
      call(api, 'POST', `/api/admin/staff/${other.userId}/disable`, { token: otherToken }),
    ]);
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses, JSON.stringify(answers.map((answer) => answer.body))).not.toEqual([200, 200]);
    for (const answer of answers.filter((each) => each.status !== 200)) {
      expect(answer.status).toBe(409);
      expect(['LAST_ADMIN', 'STAFF_USER_CHANGED']).toContain(answer.body.error.code);
    }
    const states = await Promise.all([secondId, other.userId].map((id) => staffUserState(id)));
    expect(states.filter((state) => state.user?.status === 'active')).not.toHaveLength(0);
  });
});
