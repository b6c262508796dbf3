// The identity contract: what every identity adapter must do, written once. The local adapter runs it for real
// (test/integration/identity-contract-local.test.ts); the Cognito adapter runs it against a fake Cognito answering the
// AWS JSON client's calls (test/unit/identity-contract-cognito.test.ts, test/support/fake-cognito.ts).

import { describe, expect, it } from 'vitest';
import type { PoolName } from '#shared/config.ts';
import type { AppError } from '#shared/http/errors.ts';
import type { IdentityProvider } from '#shared/identity/port.ts';

export type MailPurpose = 'sign-in' | 'confirm' | 'reset' | 'invitation' | 'email-change';

export interface IdentityHarness {
  provider: IdentityProvider;
  /** A confirmed user with this password; returns the user's id. */
  givenUser(input: { pool: PoolName; email: string; password: string; groups?: string[] }): Promise<string>;
  /** A migrated user who must set a password before signing in with one; `password` is the old portal's. */
  givenMigratedUser(input: { email: string; password: string }): Promise<string>;
  /** A customer account owning an order with this reference, reached by this user. */
  givenOrder(input: { email: string; userId: string; orderReference: string }): Promise<void>;
  /** The newest code the adapter sent to this address for this purpose (from the mailbox, or Cognito's fake). */
  mailedCode(email: string, purpose: MailPurpose): Promise<string>;
  /** A fresh, unused e-mail address. */
  freshEmail(): string;
  /** The staff groups the identity provider has this staff user in now. */
  staffGroups(email: string): Promise<string[]>;
}

const IP = '203.0.113.7';
const PASSWORD = 'Correct-Horse-9-battery';
const OLD_PASSWORD = 'Old-Portal-Pass-7';

async function failure(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await promise;
  } catch (error) {
    const { statusCode, code } = error as AppError;
    return { status: statusCode, code };
  }
  throw new Error('expected the call to fail');
}

/** The second step of every sign-in: the newest code mailed to the address, for this challenge. */
async function answerMailedCode(h: IdentityHarness, email: string, session: string) {
  return h.provider.answerEmailCode({ pool: 'customer', email, session, code: await h.mailedCode(email, 'sign-in'), sourceIp: IP });
}

const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

export function describeIdentityContract(adapter: string, harness: () => IdentityHarness): void {
  describe(`identity contract: ${adapter}`, () => {
    describe('password sign-in', () => {
      it('trades the password and the e-mailed code for tokens of that user', async () => {
        const h = harness();
        const email = h.freshEmail();
        const userId = await h.givenUser({ pool: 'customer', email, password: PASSWORD });
        const challenge = await h.provider.startPasswordSignIn({ pool: 'customer', email, password: PASSWORD, locale: 'en', sourceIp: IP });
        expect(challenge.challenge).toBe('EMAIL_OTP');
        expect(challenge.destination).not.toContain(email.split('@')[0]!.slice(1));
        const signedIn = await answerMailedCode(h, email, challenge.session);
        expect(signedIn.userId).toBe(userId);
        expect(signedIn).toMatchObject({ tokenType: 'Bearer', accessToken: expect.any(String), refreshToken: expect.any(String) });
      });

      it('answers a wrong password and an unknown e-mail alike', async () => {
        const h = harness();
        const email = h.freshEmail();
        await h.givenUser({ pool: 'customer', email, password: PASSWORD });
        const wrong = await failure(
          h.provider.startPasswordSignIn({ pool: 'customer', email, password: 'Wrong-Password-1', locale: 'en', sourceIp: IP }),
        );
        const unknown = await failure(
          h.provider.startPasswordSignIn({ pool: 'customer', email: h.freshEmail(), password: PASSWORD, locale: 'en', sourceIp: IP }),
        );
        expect(wrong).toEqual({ status: 401, code: 'INVALID_CREDENTIALS' });
        expect(unknown).toEqual(wrong);
      });

      it('refuses a wrong code and a code used twice', async () => {
        const h = harness();
        const email = h.freshEmail();
        await h.givenUser({ pool: 'customer', email, password: PASSWORD });
        const challenge = await h.provider.startPasswordSignIn({ pool: 'customer', email, password: PASSWORD, locale: 'en', sourceIp: IP });
        const code = await h.mailedCode(email, 'sign-in');
        const wrong = await failure(
          h.provider.answerEmailCode({ pool: 'customer', email, session: challenge.session, code: otherCode(code), sourceIp: IP }),
        );
        expect(wrong).toEqual({ status: 401, code: 'CODE_MISMATCH' });
        await h.provider.answerEmailCode({ pool: 'customer', email, session: challenge.session, code, sourceIp: IP });
        const again = await failure(
          h.provider.answerEmailCode({ pool: 'customer', email, session: challenge.session, code, sourceIp: IP }),
        );
        expect(again.code).toBe('CODE_MISMATCH');
      });

      it('sends a migrated user to "forgot password" first, then lets them in', async () => {
        const h = harness();
        const email = h.freshEmail();
        await h.givenMigratedUser({ email, password: OLD_PASSWORD });
        const refused = await failure(
          h.provider.startPasswordSignIn({ pool: 'customer', email, password: OLD_PASSWORD, locale: 'en', sourceIp: IP }),
        );
        expect(refused).toEqual({ status: 403, code: 'PASSWORD_RESET_REQUIRED' });
        await h.provider.startPasswordReset({ pool: 'customer', email, locale: 'en' });
        await h.provider.finishPasswordReset({ pool: 'customer', email, code: await h.mailedCode(email, 'reset'), newPassword: PASSWORD });
        const challenge = await h.provider.startPasswordSignIn({ pool: 'customer', email, password: PASSWORD, locale: 'en', sourceIp: IP });
        expect(challenge.challenge).toBe('EMAIL_OTP');
      });

      it('answers a wrong password for a migrated user exactly as an unknown e-mail', async () => {
        const h = harness();
        const email = h.freshEmail();
        await h.givenMigratedUser({ email, password: OLD_PASSWORD });
        const wrong = await failure(
          h.provider.startPasswordSignIn({ pool: 'customer', email, password: 'Wrong-Password-1', locale: 'en', sourceIp: IP }),
        );
        const unknown = await failure(
          h.provider.startPasswordSignIn({
            pool: 'customer',
            email: h.freshEmail(),
            password: 'Wrong-Password-1',
            locale: 'en',
            sourceIp: IP,
          }),
        );
        expect(wrong).toEqual({ status: 401, code: 'INVALID_CREDENTIALS' });
        expect(unknown).toEqual(wrong);
      });
    });

    describe('password check', () => {
      it('says true for the right password only, false for a wrong one, an unknown e-mail and a migrated user', async () => {
        const h = harness();
        const email = h.freshEmail();
        await h.givenUser({ pool: 'customer', email, password: PASSWORD });
        const migrated = h.freshEmail();
        await h.givenMigratedUser({ email: migrated, password: OLD_PASSWORD });
        expect(await h.provider.verifyPassword({ pool: 'customer', email, password: PASSWORD })).toBe(true);
        expect(await h.provider.verifyPassword({ pool: 'customer', email: email.toUpperCase(), password: PASSWORD })).toBe(true);
        expect(await h.provider.verifyPassword({ pool: 'customer', email, password: 'Wrong-Password-1' })).toBe(false);
        expect(await h.provider.verifyPassword({ pool: 'customer', email: h.freshEmail(), password: PASSWORD })).toBe(false);
        expect(await h.provider.verifyPassword({ pool: 'customer', email: migrated, password: OLD_PASSWORD })).toBe(false);
      });
    });

    describe('invited customers', () => {
      it('finds a customer by e-mail, and nobody for an unknown address', async () => {
        const h = harness();
        const email = h.freshEmail();
        const userId = await h.givenUser({ pool: 'customer', email, password: PASSWORD });
        expect(await h.provider.findCustomerUser({ email: email.toUpperCase() })).toEqual({ userId });
        expect(await h.provider.findCustomerUser({ email: h.freshEmail() })).toBeUndefined();
      });

      it('creates a confirmed customer who signs in with the given password at once', async () => {
        const h = harness();
        const email = h.freshEmail();
        const { userId } = await h.provider.createConfirmedCustomer({ email, password: PASSWORD, locale: 'de' });
        expect(await h.provider.findCustomerUser({ email })).toEqual({ userId });
        const challenge = await h.provider.startPasswordSignIn({ pool: 'customer', email, password: PASSWORD, locale: 'en', sourceIp: IP });
        expect((await answerMailedCode(h, email, challenge.session)).userId).toBe(userId);
      });

      it('refuses a weak password, creating nothing, and an address that has a user', async () => {
        const h = harness();
        const email = h.freshEmail();
        expect(await failure(h.provider.createConfirmedCustomer({ email, password: 'short', locale: 'en' }))).toEqual({
          status: 400,
          code: 'WEAK_PASSWORD',
        });
        expect(await h.provider.findCustomerUser({ email })).toBeUndefined();
        await h.givenUser({ pool: 'customer', email, password: PASSWORD });
        expect(await failure(h.provider.createConfirmedCustomer({ email, password: PASSWORD, locale: 'en' }))).toEqual({
          status: 409,
          code: 'ALREADY_REGISTERED',
        });
      });
    });

    describe('imported (migrated) customers', () => {
      it('creates an imported customer whom no password lets in until one is set through "forgot password"', async () => {
        const h = harness();
        const email = h.freshEmail();
        const { userId, created } = await h.provider.ensureCustomerUser({ email, locale: 'pl', migrated: true });
        expect(created).toBe(true);
        expect(await h.provider.ensureCustomerUser({ email, locale: 'pl', migrated: true })).toEqual({ userId, created: false });
        const guess = await failure(
          h.provider.startPasswordSignIn({ pool: 'customer', email, password: PASSWORD, locale: 'en', sourceIp: IP }),
        );
        const unknown = await failure(
          h.provider.startPasswordSignIn({ pool: 'customer', email: h.freshEmail(), password: PASSWORD, locale: 'en', sourceIp: IP }),
        );
        expect(guess).toEqual({ status: 401, code: 'INVALID_CREDENTIALS' });
        expect(unknown).toEqual(guess);
        await h.provider.startPasswordReset({ pool: 'customer', email, locale: 'en' });
        const reset = await h.provider.finishPasswordReset({
          pool: 'customer',
          email,
          code: await h.mailedCode(email, 'reset'),
          newPassword: PASSWORD,
        });
        expect(reset.userId).toBe(userId);
        const challenge = await h.provider.startPasswordSignIn({ pool: 'customer', email, password: PASSWORD, locale: 'en', sourceIp: IP });
        const signedIn = await answerMailedCode(h, email, challenge.session);
        expect(signedIn.userId).toBe(userId);
      });
    });

    describe('sign-up and e-mail confirmation', () => {
      it('signs in only after the e-mail is confirmed with the mailed code', async () => {
        const h = harness();
        const email = h.freshEmail();
        const { userId } = await h.provider.signUp({ pool: 'customer', email, password: PASSWORD, locale: 'en' });
        const early = await failure(
          h.provider.startPasswordSignIn({ pool: 'customer', email, password: PASSWORD, locale: 'en', sourceIp: IP }),
        );
        expect(early).toEqual({ status: 403, code: 'EMAIL_NOT_CONFIRMED' });
        await h.provider.confirmSignUp({ pool: 'customer', email, code: await h.mailedCode(email, 'confirm') });
        const challenge = await h.provider.startPasswordSignIn({ pool: 'customer', email, password: PASSWORD, locale: 'en', sourceIp: IP });
        const signedIn = await answerMailedCode(h, email, challenge.session);
        expect(signedIn.userId).toBe(userId);
      });

      it('refuses a wrong confirmation code, and a second sign-up of the same e-mail', async () => {
        const h = harness();
        const email = h.freshEmail();
        await h.provider.signUp({ pool: 'customer', email, password: PASSWORD, locale: 'en' });
        const code = await h.mailedCode(email, 'confirm');
        expect(await failure(h.provider.confirmSignUp({ pool: 'customer', email, code: otherCode(code) }))).toEqual({
          status: 400,
          code: 'CODE_MISMATCH',
        });
        expect(await failure(h.provider.signUp({ pool: 'customer', email, password: PASSWORD, locale: 'en' }))).toEqual({
          status: 409,
          code: 'ALREADY_REGISTERED',
        });
      });

      it('refuses a password the policy does not accept', async () => {
        const h = harness();
        const weak = await failure(h.provider.signUp({ pool: 'customer', email: h.freshEmail(), password: 'short', locale: 'en' }));
        expect(weak).toEqual({ status: 400, code: 'WEAK_PASSWORD' });
      });

      it('mails a new confirmation code on request', async () => {
        const h = harness();
        const email = h.freshEmail();
        await h.provider.signUp({ pool: 'customer', email, password: PASSWORD, locale: 'en' });
        await h.provider.resendConfirmation({ pool: 'customer', email, locale: 'en' });
        await h.provider.confirmSignUp({ pool: 'customer', email, code: await h.mailedCode(email, 'confirm') });
        await expect(
          h.provider.startPasswordSignIn({ pool: 'customer', email, password: PASSWORD, locale: 'en', sourceIp: IP }),
        ).resolves.toMatchObject({
          challenge: 'EMAIL_OTP',
        });
      });
    });

    describe('sign-in with e-mail and order number', () => {
      it('signs in a customer who never chose a password', async () => {
        const h = harness();
        const email = h.freshEmail();
        const { userId, created } = await h.provider.ensureCustomerUser({ email, locale: 'en' });
        expect(created).toBe(true);
        expect(await h.provider.ensureCustomerUser({ email, locale: 'en' })).toEqual({ userId, created: false });
        await h.givenOrder({ email, userId, orderReference: 'JWT1001' });
        const challenge = await h.provider.startOrderNumberSignIn({
          pool: 'customer',
          email,
          orderReference: 'JWT1001',
          locale: 'en',
          sourceIp: IP,
        });
        const signedIn = await answerMailedCode(h, email, challenge.session);
        expect(signedIn.userId).toBe(userId);
      });

      it('answers a wrong order number and an unknown e-mail alike', async () => {
        const h = harness();
        const email = h.freshEmail();
        const { userId } = await h.provider.ensureCustomerUser({ email, locale: 'en' });
        await h.givenOrder({ email, userId, orderReference: 'JWT1002' });
        const wrong = await failure(
          h.provider.startOrderNumberSignIn({ pool: 'customer', email, orderReference: 'JWT9999', locale: 'en', sourceIp: IP }),
        );
        const unknown = await failure(
          h.provider.startOrderNumberSignIn({
            pool: 'customer',
            email: h.freshEmail(),
            orderReference: 'JWT1002',
            locale: 'en',
            sourceIp: IP,
          }),
        );
        expect(wrong).toEqual({ status: 401, code: 'INVALID_CREDENTIALS' });
        expect(unknown).toEqual(wrong);
      });

      it('tells a migrated user to reset the password only for the right order number', async () => {
        const h = harness();
        const email = h.freshEmail();
        const userId = await h.givenMigratedUser({ email, password: OLD_PASSWORD });
        await h.givenOrder({ email, userId, orderReference: 'JWT1003' });
        const wrong = await failure(
          h.provider.startOrderNumberSignIn({ pool: 'customer', email, orderReference: 'JWT9998', locale: 'en', sourceIp: IP }),
        );
        const right = await failure(
          h.provider.startOrderNumberSignIn({ pool: 'customer', email, orderReference: 'JWT1003', locale: 'en', sourceIp: IP }),
        );
        expect(wrong).toEqual({ status: 401, code: 'INVALID_CREDENTIALS' });
        expect(right).toEqual({ status: 403, code: 'PASSWORD_RESET_REQUIRED' });
      });
    });

    describe('sessions', () => {
      it('refreshes tokens until sign-out revokes the refresh token', async () => {
        const h = harness();
        const email = h.freshEmail();
        const userId = await h.givenUser({ pool: 'customer', email, password: PASSWORD });
        const challenge = await h.provider.startPasswordSignIn({ pool: 'customer', email, password: PASSWORD, locale: 'en', sourceIp: IP });
        const signedIn = await answerMailedCode(h, email, challenge.session);
        const refreshed = await h.provider.refresh({ pool: 'customer', refreshToken: signedIn.refreshToken });
        expect(refreshed.accessToken).toEqual(expect.any(String));
        // The owner's id, so the use case can refuse the access tokens issued so far; nobody for a dead token.
        expect(await h.provider.signOut({ pool: 'customer', refreshToken: signedIn.refreshToken })).toEqual({ userId });
        expect(await h.provider.signOut({ pool: 'customer', refreshToken: signedIn.refreshToken })).toEqual({ userId: undefined });
        expect(await failure(h.provider.refresh({ pool: 'customer', refreshToken: signedIn.refreshToken }))).toEqual({
          status: 401,
          code: 'SESSION_EXPIRED',
        });
      });
    });

    describe('staff administration', () => {
      const staffSignIn = async (h: IdentityHarness, email: string, password: string) => {
        const challenge = await h.provider.startPasswordSignIn({ pool: 'staff', email, password, locale: 'en', sourceIp: IP });
        return h.provider.answerEmailCode({
          pool: 'staff',
          email,
          session: challenge.session,
          code: await h.mailedCode(email, 'sign-in'),
          sourceIp: IP,
        });
      };

      it('invites a staff user who sets a first password with the mailed link, then signs in; a second invitation is refused', async () => {
        const h = harness();
        const email = h.freshEmail();
        const { userId } = await h.provider.inviteStaffUser({ email, groups: ['support', 'billing'], locale: 'pl' });
        expect(await h.staffGroups(email)).toEqual(['billing', 'support']);
        // No password works before the invitee chooses one.
        expect(
          await failure(h.provider.startPasswordSignIn({ pool: 'staff', email, password: PASSWORD, locale: 'en', sourceIp: IP })),
        ).toEqual({
          status: 401,
          code: 'INVALID_CREDENTIALS',
        });
        const code = await h.mailedCode(email, 'invitation');
        expect(await h.provider.finishPasswordReset({ pool: 'staff', email, code, newPassword: PASSWORD })).toEqual({ userId });
        expect((await staffSignIn(h, email, PASSWORD)).userId).toBe(userId);
        expect(await failure(h.provider.inviteStaffUser({ email, groups: ['admin'], locale: 'en' }))).toEqual({
          status: 409,
          code: 'ALREADY_REGISTERED',
        });
      });

      it('puts a staff user in exactly the given groups', async () => {
        const h = harness();
        const email = h.freshEmail();
        await h.provider.inviteStaffUser({ email, groups: ['admin'], locale: 'en' });
        await h.provider.setStaffGroups({ email, groups: ['billing', 'support'] });
        expect(await h.staffGroups(email)).toEqual(['billing', 'support']);
        await h.provider.setStaffGroups({ email, groups: ['support'] });
        expect(await h.staffGroups(email)).toEqual(['support']);
      });

      it('refuses a disabled user at sign-in and at refresh, and lets them sign in again once enabled', async () => {
        const h = harness();
        const email = h.freshEmail();
        await h.givenUser({ pool: 'staff', email, password: PASSWORD, groups: ['support'] });
        const signedIn = await staffSignIn(h, email, PASSWORD);
        await h.provider.setUserEnabled({ pool: 'staff', email, enabled: false });
        expect(
          await failure(h.provider.startPasswordSignIn({ pool: 'staff', email, password: PASSWORD, locale: 'en', sourceIp: IP })),
        ).toEqual({
          status: 401,
          code: 'INVALID_CREDENTIALS',
        });
        expect(await failure(h.provider.refresh({ pool: 'staff', refreshToken: signedIn.refreshToken }))).toEqual({
          status: 401,
          code: 'SESSION_EXPIRED',
        });
        await h.provider.setUserEnabled({ pool: 'staff', email, enabled: true });
        await expect(staffSignIn(h, email, PASSWORD)).resolves.toMatchObject({ tokenType: 'Bearer' });
        // Enabling does not bring the old session back.
        expect((await failure(h.provider.refresh({ pool: 'staff', refreshToken: signedIn.refreshToken }))).code).toBe('SESSION_EXPIRED');
      });

      it('ends every session of a user on "sign out everywhere"', async () => {
        const h = harness();
        const email = h.freshEmail();
        await h.givenUser({ pool: 'staff', email, password: PASSWORD, groups: ['admin'] });
        const first = await staffSignIn(h, email, PASSWORD);
        const second = await staffSignIn(h, email, PASSWORD);
        await h.provider.signOutEverywhere({ pool: 'staff', email });
        for (const session of [first, second]) {
          expect(await failure(h.provider.refresh({ pool: 'staff', refreshToken: session.refreshToken }))).toEqual({
            status: 401,
            code: 'SESSION_EXPIRED',
          });
        }
      });

      it('answers 404 for a user the pool does not have', async () => {
        const h = harness();
        const email = h.freshEmail();
        expect(await failure(h.provider.setStaffGroups({ email, groups: ['admin'] }))).toEqual({ status: 404, code: 'NOT_FOUND' });
        expect(await failure(h.provider.setUserEnabled({ pool: 'staff', email, enabled: false }))).toEqual({
          status: 404,
          code: 'NOT_FOUND',
        });
        expect(await failure(h.provider.signOutEverywhere({ pool: 'staff', email }))).toEqual({ status: 404, code: 'NOT_FOUND' });
      });
    });

    describe('change of e-mail', () => {
      async function signedIn(h: IdentityHarness) {
        const email = h.freshEmail();
        const userId = await h.givenUser({ pool: 'customer', email, password: PASSWORD });
        const challenge = await h.provider.startPasswordSignIn({ pool: 'customer', email, password: PASSWORD, locale: 'en', sourceIp: IP });
        const { accessToken } = await answerMailedCode(h, email, challenge.session);
        return { email, userId, accessToken };
      }
      const signInWith = (h: IdentityHarness, email: string) =>
        h.provider.startPasswordSignIn({ pool: 'customer', email, password: PASSWORD, locale: 'en', sourceIp: IP });

      it('mails a code to the new address and switches the login only when that code comes back', async () => {
        const h = harness();
        const me = await signedIn(h);
        const newEmail = h.freshEmail();
        await h.provider.startEmailChange({ ...me, newEmail, locale: 'en' });
        const code = await h.mailedCode(newEmail, 'email-change');
        // Until the code comes back, the original address is the login and the new one is nobody's.
        expect((await signInWith(h, me.email)).challenge).toBe('EMAIL_OTP');
        expect(await failure(signInWith(h, newEmail))).toEqual({ status: 401, code: 'INVALID_CREDENTIALS' });

        expect(await failure(h.provider.confirmEmailChange({ ...me, newEmail, code: otherCode(code) }))).toEqual({
          status: 400,
          code: 'CODE_MISMATCH',
        });
        await h.provider.confirmEmailChange({ ...me, newEmail, code });

        const challenge = await signInWith(h, newEmail);
        expect((await answerMailedCode(h, newEmail, challenge.session)).userId).toBe(me.userId);
        expect(await failure(signInWith(h, me.email))).toEqual({ status: 401, code: 'INVALID_CREDENTIALS' });
      });

      it('refuses an address another user signs in with (409 EMAIL_TAKEN) and keeps the login', async () => {
        const h = harness();
        const me = await signedIn(h);
        const other = h.freshEmail();
        await h.givenUser({ pool: 'customer', email: other, password: PASSWORD });
        expect(await failure(h.provider.startEmailChange({ ...me, newEmail: other.toUpperCase(), locale: 'en' }))).toEqual({
          status: 409,
          code: 'EMAIL_TAKEN',
        });
        expect((await signInWith(h, me.email)).challenge).toBe('EMAIL_OTP');
      });

      it('refuses the code once the address was taken by someone else meanwhile', async () => {
        const h = harness();
        const me = await signedIn(h);
        const newEmail = h.freshEmail();
        await h.provider.startEmailChange({ ...me, newEmail, locale: 'en' });
        const code = await h.mailedCode(newEmail, 'email-change');
        await h.givenUser({ pool: 'customer', email: newEmail, password: PASSWORD });
        expect(await failure(h.provider.confirmEmailChange({ ...me, newEmail, code }))).toEqual({ status: 409, code: 'EMAIL_TAKEN' });
        expect((await signInWith(h, me.email)).challenge).toBe('EMAIL_OTP');
      });
    });

    describe('change password', () => {
      const NEW_PASSWORD = 'Changed-Horse-7-staple';
      async function signedInCustomer(h: IdentityHarness, email: string, password: string) {
        const challenge = await h.provider.startPasswordSignIn({ pool: 'customer', email, password, locale: 'en', sourceIp: IP });
        return answerMailedCode(h, email, challenge.session);
      }

      it('checks the current password, then the new one signs in and the old one does not', async () => {
        const h = harness();
        const email = h.freshEmail();
        await h.givenUser({ pool: 'customer', email, password: PASSWORD });
        const { accessToken } = await signedInCustomer(h, email, PASSWORD);
        await h.provider.changePassword({ pool: 'customer', email, accessToken, currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
        expect(
          await failure(h.provider.startPasswordSignIn({ pool: 'customer', email, password: PASSWORD, locale: 'en', sourceIp: IP })),
        ).toEqual({ status: 401, code: 'INVALID_CREDENTIALS' });
        await expect(signedInCustomer(h, email, NEW_PASSWORD)).resolves.toMatchObject({ tokenType: 'Bearer' });
      });

      it('refuses a wrong current password and a weak new one, and keeps the password', async () => {
        const h = harness();
        const email = h.freshEmail();
        await h.givenUser({ pool: 'customer', email, password: PASSWORD });
        const { accessToken } = await signedInCustomer(h, email, PASSWORD);
        const change = (currentPassword: string, newPassword: string) =>
          failure(h.provider.changePassword({ pool: 'customer', email, accessToken, currentPassword, newPassword }));
        expect(await change('Not-The-Password-1', NEW_PASSWORD)).toEqual({ status: 401, code: 'INVALID_CREDENTIALS' });
        expect(await change(PASSWORD, 'weak')).toEqual({ status: 400, code: 'WEAK_PASSWORD' });
        await expect(signedInCustomer(h, email, PASSWORD)).resolves.toMatchObject({ tokenType: 'Bearer' });
      });
    });

    describe('forgot password', () => {
      it('sets a new password with the mailed code; the old one stops working', async () => {
        const h = harness();
        const email = h.freshEmail();
        const userId = await h.givenUser({ pool: 'customer', email, password: PASSWORD });
        await h.provider.startPasswordReset({ pool: 'customer', email, locale: 'en' });
        const code = await h.mailedCode(email, 'reset');
        expect(
          await failure(
            h.provider.finishPasswordReset({ pool: 'customer', email, code: otherCode(code), newPassword: 'Another-Pass-42!' }),
          ),
        ).toEqual({ status: 400, code: 'CODE_MISMATCH' });
        expect(await h.provider.finishPasswordReset({ pool: 'customer', email, code, newPassword: 'Another-Pass-42!' })).toEqual({
          userId,
        });
        const old = await failure(
          h.provider.startPasswordSignIn({ pool: 'customer', email, password: PASSWORD, locale: 'en', sourceIp: IP }),
        );
        expect(old.code).toBe('INVALID_CREDENTIALS');
        await expect(
          h.provider.startPasswordSignIn({ pool: 'customer', email, password: 'Another-Pass-42!', locale: 'en', sourceIp: IP }),
        ).resolves.toMatchObject({ challenge: 'EMAIL_OTP' });
      });

      it('answers an unknown e-mail as it answers a known one', async () => {
        const h = harness();
        await expect(h.provider.startPasswordReset({ pool: 'customer', email: h.freshEmail(), locale: 'en' })).resolves.toBeUndefined();
      });
    });
  });
}
