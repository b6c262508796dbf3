// The person's own password and sessions, from the security centre: a new password (the current one checked under the
// sign-in lockout) and "sign out everywhere". Both end every session of the person, this device's too: the identity
// provider revokes the refresh tokens, revokeSessions refuses the access tokens issued so far.

import type { CustomerCaller } from '#shared/accounts/caller.ts';
import { underLockout } from '#shared/auth/lockout.ts';
import { revokeSessions } from '#shared/auth/revocation.ts';
import { AppError } from '#shared/http/errors.ts';
import { identity } from '#shared/identity/index.ts';
import { IDENTITY_ERROR_CODES } from '#shared/identity/port.ts';
import { logger } from '#shared/observability/logger.ts';
import { sendSecurityNotice } from '#shared/security/notices.ts';

/** Ends every session of the person: refresh tokens at the identity provider, access tokens on their next call. */
export async function endAllSessions(customer: Pick<CustomerCaller, 'userId' | 'email'>): Promise<void> {
  const provider = await identity();
  await provider.signOutEverywhere({ pool: 'customer', email: customer.email });
  await revokeSessions({ pool: 'customer', userId: customer.userId });
}

/**
 * Changes the password after checking the current one; failures count towards the e-mail's and address's lockout as
 * at sign-in. A wrong current password answers 400 WRONG_PASSWORD, not 401: the session itself is fine, and a 401
 * would make the page drop it. Then every session ends and the person and the account's security recipients are told.
 */
export async function changeOwnPassword(
  customer: CustomerCaller,
  input: { accessToken: string; currentPassword: string; newPassword: string },
): Promise<void> {
  const provider = await identity();
  try {
    await underLockout({ pool: 'customer', email: customer.email, sourceIp: customer.sourceIp }, () =>
      provider.changePassword({ pool: 'customer', email: customer.email, ...input }),
    );
  } catch (error) {
    if ((error as AppError).code === IDENTITY_ERROR_CODES.invalidCredentials) {
      throw new AppError(400, 'WRONG_PASSWORD', 'The current password is not right.');
    }
    throw error;
  }
  await endAllSessions(customer);
  try {
    await sendSecurityNotice('passwordChanged', {
      userId: customer.userId,
      email: customer.email,
      locale: customer.person.locale,
      sourceIp: customer.sourceIp,
      accountId: customer.accountId,
    });
  } catch (error) {
    // The password is changed either way; a lost notice must not make the page say it was not.
    logger.warn('could not send the password-changed notice', { error: error as Error });
  }
}
