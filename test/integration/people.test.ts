// The people of a customer account: invitations (new and existing users, once, expiry, resend, withdraw), roles and
// the last owner, removal and leaving, and the account switch (the header, a foreign account).

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { ACCOUNT_HEADER } from '#shared/api/contract.ts';
import { resetClockForTests, shiftClockForTests } from '#shared/time.ts';
import { addMember, call, createCustomer, purchases, signIn, startTestApi, uniqueEmail, type TestApi } from '../support/api.ts';
import { awaitMailTo, mailsTo } from '../support/mailbox.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());
afterEach(() => resetClockForTests());

const NEW_PASSWORD = 'Invited-Person-42!';

async function ownerOfNewAccount() {
  const customer = await createCustomer(purchases(1));
  const token = await signIn(api, 'customer', customer.login);
  return { ...customer, token };
}

/** Invites `email` and reads the token from the invitation mail's link. */
async function invite(ownerToken: string, email: string, role: string, locale?: string) {
  const invited = await call(api, 'POST', '/api/me/people/invitations', {
    token: ownerToken,
    body: { email, role, ...(locale ? { locale } : {}) },
  });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  return { invitation: invited.body, token: await mailedToken(email) };
}

async function mailedToken(email: string): Promise<string> {
  const mail = (await mailsTo(inject('mailUrl'), email)).at(-1);
  const token = /\/invitation\?token=([A-Za-z0-9_-]+)/.exec(mail?.body.text ?? '')?.[1];
  if (!token) throw new Error(`No invitation link was mailed to ${email}`);
  return token;
}

async function ownerCount(accountId: string) {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: keys.account(accountId) }));
  return found.Item?.ownerCount;
}

describe('invitations', () => {
  it('invites a new person, who sees the invitation, chooses a password, joins with the role and signs in', async () => {
    // Prepare
    const owner = await ownerOfNewAccount();
    const email = uniqueEmail('invited');
    // Act
    const { invitation, token } = await invite(owner.token, email, 'billing', 'pl');
    const viewed = await call(api, 'POST', '/api/invitations/view', { body: { token } });
    const accepted = await call(api, 'POST', '/api/invitations/accept', { body: { token, password: NEW_PASSWORD } });
    // Assess
    expect(invitation).toMatchObject({ email, role: 'billing', locale: 'pl', invitedBy: owner.login.email });
    const mail = await awaitMailTo(inject('mailUrl'), email, /Zaproszenie/);
    expect(mail.body.text).toContain(owner.account.name);
    expect(viewed.body).toMatchObject({ email, accountName: owner.account.name, role: 'billing', hasUser: false });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toEqual({ email, accountName: owner.account.name, role: 'billing', createdUser: true });
    const memberToken = await signIn(api, 'customer', { email, password: NEW_PASSWORD });
    const orders = await call(api, 'GET', '/api/orders', { token: memberToken });
    const licences = await call(api, 'GET', '/api/licences', { token: memberToken });
    expect(orders.status).toBe(200);
    expect(orders.body.items).toHaveLength(1);
    expect(licences.status).toBe(403);
    expect(licences.body.error.code).toBe('ROLE_NOT_ALLOWED');
    const people = await call(api, 'GET', '/api/me/people', { token: owner.token });
    expect(people.body.people.map((person: { email: string; role: string }) => [person.email, person.role])).toEqual([
      [owner.login.email, 'owner'],
      [email, 'billing'],
    ]);
    expect(people.body.invitations).toEqual([]);
  });

  it('joins an existing user without a password, and the link works only once', async () => {
    const owner = await ownerOfNewAccount();
    const elsewhere = await ownerOfNewAccount();
    const { token } = await invite(owner.token, elsewhere.login.email, 'technical');

    const viewed = await call(api, 'POST', '/api/invitations/view', { body: { token } });
    const accepted = await call(api, 'POST', '/api/invitations/accept', { body: { token } });
    const again = await call(api, 'POST', '/api/invitations/accept', { body: { token } });

    expect(viewed.body.hasUser).toBe(true);
    expect(accepted.body).toMatchObject({ createdUser: false, role: 'technical' });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('INVITATION_INVALID');
    const accounts = await call(api, 'GET', '/api/me/accounts', { token: elsewhere.token });
    expect(accounts.body.accounts.map((account: { accountId: string; role: string }) => [account.accountId, account.role]).sort()).toEqual(
      [
        [owner.account.accountId, 'technical'],
        [elsewhere.account.accountId, 'owner'],
      ].sort(),
    );
  });

  it('refuses a new person without a password, or with a weak one, and creates nobody', async () => {
    const owner = await ownerOfNewAccount();
    const email = uniqueEmail('weak');
    const { token } = await invite(owner.token, email, 'read-only');

    const none = await call(api, 'POST', '/api/invitations/accept', { body: { token } });
    const weak = await call(api, 'POST', '/api/invitations/accept', { body: { token, password: 'short' } });
    const viewed = await call(api, 'POST', '/api/invitations/view', { body: { token } });

    expect(none.status).toBe(400);
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('WEAK_PASSWORD');
    expect(viewed.body.hasUser).toBe(false);
  });

  it('refuses an expired link', async () => {
    const owner = await ownerOfNewAccount();
    const email = uniqueEmail('late');
    const { token } = await invite(owner.token, email, 'billing');

    shiftClockForTests((7 * 24 + 1) * 3600 * 1000);
    const viewed = await call(api, 'POST', '/api/invitations/view', { body: { token } });
    const accepted = await call(api, 'POST', '/api/invitations/accept', { body: { token, password: NEW_PASSWORD } });

    expect(viewed.status).toBe(404);
    expect(accepted.status).toBe(404);
    expect(accepted.body.error.code).toBe('INVITATION_INVALID');
  });

  it('a resend replaces the link, a withdrawal ends it, and resends are limited', async () => {
    const owner = await ownerOfNewAccount();
    const email = uniqueEmail('resend');
    const { invitation, token: first } = await invite(owner.token, email, 'billing');
    const path = `/api/me/people/invitations/${invitation.invitationId}`;

    const resent = await call(api, 'POST', `${path}/resend`, { token: owner.token });
    const second = await mailedToken(email);
    const oldLink = await call(api, 'POST', '/api/invitations/view', { body: { token: first } });
    const newLink = await call(api, 'POST', '/api/invitations/view', { body: { token: second } });
    const statuses = [];
    for (let attempt = 0; attempt < 3; attempt += 1)
      statuses.push((await call(api, 'POST', `${path}/resend`, { token: owner.token })).status);
    const withdrawn = await call(api, 'DELETE', path, { token: owner.token });
    const afterWithdrawal = await call(api, 'POST', '/api/invitations/view', { body: { token: await mailedToken(email) } });

    expect(resent.status).toBe(200);
    expect(second).not.toBe(first);
    expect(oldLink.status).toBe(404);
    expect(newLink.status).toBe(200);
    expect(statuses).toEqual([200, 200, 429]);
    expect(withdrawn.status).toBe(204);
    expect(afterWithdrawal.status).toBe(404);
  });

  it('refuses inviting a person of the account, an address invited already, and other roles than owner', async () => {
    const owner = await ownerOfNewAccount();
    const billing = await addMember(owner.account.accountId, 'billing');
    const email = uniqueEmail('twice');
    await invite(owner.token, email, 'billing');

    const member = await call(api, 'POST', '/api/me/people/invitations', {
      token: owner.token,
      body: { email: billing.email, role: 'owner' },
    });
    const twice = await call(api, 'POST', '/api/me/people/invitations', { token: owner.token, body: { email, role: 'owner' } });
    const notOwner = await call(api, 'POST', '/api/me/people/invitations', {
      token: await signIn(api, 'customer', billing),
      body: { email: uniqueEmail('x'), role: 'owner' },
    });

    expect(member.body.error.code).toBe('ALREADY_A_MEMBER');
    expect(twice.body.error.code).toBe('ALREADY_INVITED');
    expect(notOwner.body.error.code).toBe('ROLE_NOT_ALLOWED');
  });

  it('refuses past 25 people and invitations in one account', async () => {
    const owner = await ownerOfNewAccount();
    await Promise.all(Array.from({ length: 20 }, () => addMember(owner.account.accountId, 'read-only')));
    for (let index = 0; index < 4; index += 1) await invite(owner.token, uniqueEmail(`full${index}`), 'read-only');

    const refused = await call(api, 'POST', '/api/me/people/invitations', {
      token: owner.token,
      body: { email: uniqueEmail('one-too-many'), role: 'read-only' },
    });

    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ACCOUNT_FULL');
  });
});

describe('roles, removal and the last owner', () => {
  it('changes a role and mails the person; the new role applies on the next call', async () => {
    const owner = await ownerOfNewAccount();
    const member = await addMember(owner.account.accountId, 'billing');
    const memberToken = await signIn(api, 'customer', member);
    expect((await call(api, 'GET', '/api/licences', { token: memberToken })).status).toBe(403);

    const changed = await call(api, 'PUT', `/api/me/people/${member.userId}/role`, { token: owner.token, body: { role: 'technical' } });

    expect(changed.body).toMatchObject({ userId: member.userId, role: 'technical', isYou: false });
    expect((await call(api, 'GET', '/api/licences', { token: memberToken })).status).toBe(200);
    const notice = await awaitMailTo(inject('mailUrl'), member.email, /role changed/);
    expect(notice.body.text).toContain('Technical');
  });

  it('keeps the last owner: cannot be demoted, removed or leave; a second owner makes it possible', async () => {
    const owner = await ownerOfNewAccount();
    const accountId = owner.account.accountId;

    const demoted = await call(api, 'PUT', `/api/me/people/${owner.userId}/role`, { token: owner.token, body: { role: 'billing' } });
    const removed = await call(api, 'DELETE', `/api/me/people/${owner.userId}`, { token: owner.token });
    const left = await call(api, 'POST', '/api/me/accounts/leave', { token: owner.token, body: { accountId } });
    expect([demoted.body.error.code, removed.body.error.code, left.body.error.code]).toEqual(['LAST_OWNER', 'LAST_OWNER', 'LAST_OWNER']);
    expect(await ownerCount(accountId)).toBeUndefined();

    // An account from before the count: promoting someone initialises it from the memberships.
    const second = await addMember(accountId, 'read-only');
    await call(api, 'PUT', `/api/me/people/${second.userId}/role`, { token: owner.token, body: { role: 'owner' } });
    expect(await ownerCount(accountId)).toBe(2);
    const nowDemoted = await call(api, 'PUT', `/api/me/people/${owner.userId}/role`, { token: owner.token, body: { role: 'billing' } });
    expect(nowDemoted.body.role).toBe('billing');
    expect(await ownerCount(accountId)).toBe(1);
    const secondToken = await signIn(api, 'customer', second);
    const lastLeaves = await call(api, 'POST', '/api/me/accounts/leave', { token: secondToken, body: { accountId } });
    expect(lastLeaves.body.error.code).toBe('LAST_OWNER');
  });

  it('two owners demoting each other at the same moment leave one owner', async () => {
    const owner = await ownerOfNewAccount();
    const accountId = owner.account.accountId;
    const second = await addMember(accountId, 'read-only');
    await call(api, 'PUT', `/api/me/people/${second.userId}/role`, { token: owner.token, body: { role: 'owner' } });
    const secondToken = await signIn(api, 'customer', second);

    const answers = await Promise.all([
      call(api, 'PUT', `/api/me/people/${second.userId}/role`, { token: owner.token, body: { role: 'billing' } }),
      call(api, 'PUT', `/api/me/people/${owner.userId}/role`, { token: secondToken, body: { role: 'billing' } }),
    ]);

    // One wins. The other is either refused by the owner count's condition (409 LAST_OWNER or changed meanwhile) or,
    // when the winner finished before its caller check ran, as no longer an owner (403 ROLE_NOT_ALLOWED).
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    expect(await ownerCount(accountId)).toBe(1);
    const people = await call(api, 'GET', '/api/me/people', { token: answers[0]!.status === 200 ? owner.token : secondToken });
    expect(people.body.people.filter((person: { role: string }) => person.role === 'owner')).toHaveLength(1);
  });

  it('a removed person is refused on their next call, and is mailed', async () => {
    const owner = await ownerOfNewAccount();
    const member = await addMember(owner.account.accountId, 'technical');
    const memberToken = await signIn(api, 'customer', member);
    expect((await call(api, 'GET', '/api/licences', { token: memberToken })).status).toBe(200);

    const removed = await call(api, 'DELETE', `/api/me/people/${member.userId}`, { token: owner.token });
    const next = await call(api, 'GET', '/api/licences', { token: memberToken, headers: { [ACCOUNT_HEADER]: owner.account.accountId } });
    const nextWithoutHeader = await call(api, 'GET', '/api/licences', { token: memberToken });

    expect(removed.status).toBe(204);
    // They acted for no other account: no account is linked any more (with one, the header would be NOT_A_MEMBER).
    expect(next.status).toBe(403);
    expect(nextWithoutHeader.status).toBe(403);
    expect(nextWithoutHeader.body.error.message).toMatch(/No customer account/);
    await awaitMailTo(inject('mailUrl'), member.email, /removed/);
  });

  it('a person leaves an account they act for, named again in the body', async () => {
    const owner = await ownerOfNewAccount();
    const member = await addMember(owner.account.accountId, 'read-only');
    const memberToken = await signIn(api, 'customer', member);

    const wrong = await call(api, 'POST', '/api/me/accounts/leave', { token: memberToken, body: { accountId: 'acc-someone-else' } });
    const left = await call(api, 'POST', '/api/me/accounts/leave', { token: memberToken, body: { accountId: owner.account.accountId } });

    expect(wrong.body.error.code).toBe('ACCOUNT_MISMATCH');
    expect(left.status).toBe(204);
    const people = await call(api, 'GET', '/api/me/people', { token: owner.token });
    expect(people.body.people.map((person: { userId: string }) => person.userId)).toEqual([owner.userId]);
  });

  it('answers 404 for a person of another account', async () => {
    const owner = await ownerOfNewAccount();
    const other = await ownerOfNewAccount();
    const changed = await call(api, 'PUT', `/api/me/people/${other.userId}/role`, { token: owner.token, body: { role: 'billing' } });
    const removed = await call(api, 'DELETE', `/api/me/people/${other.userId}`, { token: owner.token });
    expect([changed.status, removed.status]).toEqual([404, 404]);
  });
});

describe('switching accounts', () => {
  it('acts for the account the header names, and refuses one the person does not act for', async () => {
    const first = await ownerOfNewAccount();
    const second = await createCustomer(purchases(2));
    const stranger = await createCustomer(purchases(1));
    const { token } = await invite(await signIn(api, 'customer', second.login), first.login.email, 'technical');
    await call(api, 'POST', '/api/invitations/accept', { body: { token } });

    const withoutHeader = await call(api, 'GET', '/api/me/accounts', { token: first.token });
    const secondLicences = await call(api, 'GET', '/api/licences', {
      token: first.token,
      headers: { [ACCOUNT_HEADER]: second.account.accountId },
    });
    const firstLicences = await call(api, 'GET', '/api/licences', {
      token: first.token,
      headers: { [ACCOUNT_HEADER]: first.account.accountId },
    });
    const foreign = await call(api, 'GET', '/api/licences', {
      token: first.token,
      headers: { [ACCOUNT_HEADER]: stranger.account.accountId },
    });
    const switched = await call(api, 'GET', '/api/me/accounts', {
      token: first.token,
      headers: { [ACCOUNT_HEADER]: second.account.accountId },
    });

    expect(withoutHeader.body.accounts).toHaveLength(2);
    expect(withoutHeader.body.accounts).toContainEqual({
      accountId: second.account.accountId,
      name: second.account.name,
      role: 'technical',
    });
    expect(secondLicences.body.items).toHaveLength(2);
    expect(firstLicences.body.items).toHaveLength(1);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('NOT_A_MEMBER');
    expect(switched.body.current).toBe(second.account.accountId);
  });
});
