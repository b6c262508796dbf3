// The Cognito identity adapter: Atrium's sign-in flows on the customer and staff user pools, with every Cognito error
// turned into Atrium's typed errors (shared/identity/errors.ts, the same as the local adapter's). identity() picks it in
// AWS; only the handlers that import identity() carry the Cognito client.
//
// Password sign-in is USER_PASSWORD_AUTH followed by the pool's required e-mail MFA (EMAIL_OTP). Sign-in with an order
// number is CUSTOM_AUTH through Atrium's challenge triggers (shared/identity/custom-auth.ts). Both end in a code the
// user types; the opaque session handed to the page says which challenge it answers.

import { randomBytes } from 'node:crypto';
import type {
  AdminCreateUserCommandOutput,
  AttributeType,
  AuthenticationResultType,
  InitiateAuthCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { config, type PoolName } from '#shared/config.ts';
import { maskEmail, normaliseEmail } from '#shared/email.ts';
import type { AppError } from '#shared/http/errors.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import { STAFF_GROUPS } from '#shared/accounts/groups.ts';
import { cognito, cognitoCommands as commands, cognitoErrorName } from '#shared/identity/cognito-client.ts';
import { CUSTOM_AUTH_STEPS, CUSTOM_CHALLENGE } from '#shared/identity/custom-auth.ts';
import { STAFF_INVITATION_PURPOSE } from '#shared/identity/custom-message.ts';
import { identityErrors } from '#shared/identity/errors.ts';
import { orderReferenceBelongsToUser } from '#shared/identity/order-sign-in.ts';
import { passwordPolicyProblems } from '#shared/identity/password-policy.ts';
import type { IdentityProvider, SignedIn, SignInChallenge, Tokens } from '#shared/identity/port.ts';
import { logger } from '#shared/observability/logger.ts';

const EMAIL_OTP = 'EMAIL_OTP';

/** The USER_PASSWORD_AUTH refusals that mean "not a password that signs this user in" (verifyPassword: false). */
const PASSWORD_REFUSALS = [
  'NotAuthorizedException',
  'UserNotFoundException',
  'PasswordResetRequiredException',
  'UserNotConfirmedException',
];

type CodeChallenge = typeof EMAIL_OTP | typeof CUSTOM_CHALLENGE;

// ---- Errors -------------------------------------------------------------------------------------------------------

/** Where in a flow a Cognito error happened: the same Cognito error means different things to the user. */
export type CognitoStep =
  | 'signUp'
  | 'confirmSignUp'
  | 'passwordSignIn'
  | 'orderNumberSignIn'
  | 'emailCode'
  | 'refresh'
  | 'finishPasswordReset'
  | 'changePassword'
  | 'staffAdmin'
  | 'emailChange'
  | 'other';

/** Cognito's throttles and lockouts: always "too many requests". */
const RATE_LIMITS = ['LimitExceededException', 'TooManyRequestsException', 'TooManyFailedAttemptsException'];

/**
 * Cognito exception name to Atrium error, per step. Anything not listed is not the user's doing (our configuration,
 * Cognito failing, a trigger failing): it is rethrown as it is and answered as a 500 with the request id.
 */
const ERRORS_BY_STEP: Record<CognitoStep, Partial<Record<string, () => AppError>>> = {
  signUp: {
    UsernameExistsException: identityErrors.alreadyRegistered,
    AliasExistsException: identityErrors.alreadyRegistered,
  },
  confirmSignUp: {
    CodeMismatchException: identityErrors.linkCodeMismatch,
    ExpiredCodeException: identityErrors.linkCodeExpired,
    UserNotFoundException: identityErrors.linkCodeMismatch,
    NotAuthorizedException: identityErrors.linkCodeMismatch,
    AliasExistsException: identityErrors.alreadyRegistered,
  },
  passwordSignIn: {
    NotAuthorizedException: identityErrors.invalidCredentials,
    UserNotFoundException: identityErrors.invalidCredentials,
    UserNotConfirmedException: identityErrors.notConfirmed,
    PasswordResetRequiredException: identityErrors.passwordResetRequired,
  },
  orderNumberSignIn: {
    NotAuthorizedException: identityErrors.invalidOrderCredentials,
    UserNotFoundException: identityErrors.invalidOrderCredentials,
    // Cognito can refuse an unconfirmed user before the order number is checked; saying so would tell anyone that
    // the e-mail has an account, so it gets the uniform answer.
    UserNotConfirmedException: identityErrors.invalidOrderCredentials,
    // Handled in startOrderNumberSignIn, which checks the order number first; uniform if it ever comes later.
    PasswordResetRequiredException: identityErrors.invalidOrderCredentials,
  },
  emailCode: {
    CodeMismatchException: identityErrors.signInCodeMismatch,
    ExpiredCodeException: identityErrors.signInCodeMismatch,
    // A session used already, expired, or out of tries.
    NotAuthorizedException: identityErrors.signInCodeMismatch,
    UserNotFoundException: identityErrors.signInCodeMismatch,
  },
  refresh: {
    NotAuthorizedException: identityErrors.sessionExpired,
    UserNotFoundException: identityErrors.sessionExpired,
  },
  finishPasswordReset: {
    CodeMismatchException: identityErrors.linkCodeMismatch,
    ExpiredCodeException: identityErrors.linkCodeExpired,
    UserNotFoundException: identityErrors.linkCodeMismatch,
    NotAuthorizedException: identityErrors.linkCodeMismatch,
  },
  changePassword: {
    // A wrong current password, or an access token Cognito has revoked.
    NotAuthorizedException: identityErrors.invalidCredentials,
    UserNotFoundException: identityErrors.invalidCredentials,
  },
  staffAdmin: {
    UserNotFoundException: identityErrors.userNotFound,
    UsernameExistsException: identityErrors.alreadyRegistered,
    AliasExistsException: identityErrors.alreadyRegistered,
  },
  // The caller's own access token: NotAuthorizedException is a token revoked or expired meanwhile.
  emailChange: {
    AliasExistsException: identityErrors.emailTaken,
    UsernameExistsException: identityErrors.emailTaken,
    CodeMismatchException: identityErrors.emailChangeCodeMismatch,
    ExpiredCodeException: identityErrors.emailChangeCodeExpired,
    NotAuthorizedException: identityErrors.sessionExpired,
  },
  other: {},
};

/** The Atrium error for a Cognito error at this step, or the error itself when it is not the user's doing. */
export function toAtriumError(error: unknown, step: CognitoStep): unknown {
  const name = cognitoErrorName(error);
  if (!name) return error;
  if (RATE_LIMITS.includes(name)) return identityErrors.tooManyRequests();
  return ERRORS_BY_STEP[step][name]?.() ?? error;
}

/** Sends one command; a Cognito error leaves as Atrium's error for this step. */
async function call<T>(step: CognitoStep, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    throw toAtriumError(error, step);
  }
}

/** Runs a call whose listed Cognito errors mean "nothing to do" (uniform answers, idempotent undo). */
async function ignoring(names: readonly string[], send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch (error) {
    const name = cognitoErrorName(error);
    if (name && names.includes(name)) {
      logger.info('Cognito answered with an error that needs no action', { cognitoError: name });
      return;
    }
    throw toAtriumError(error, 'other');
  }
}

// ---- Sessions and tokens -------------------------------------------------------------------------------------------

interface OpaqueSession {
  /** Which challenge the code answers. */
  c: CodeChallenge;
  /** Cognito's session for that challenge. */
  s: string;
  /** Cognito's own user name (a UUID in pools that sign in by e-mail), which challenge responses must carry. */
  u: string;
}

function encodeSession(session: OpaqueSession): string {
  return Buffer.from(JSON.stringify(session)).toString('base64url');
}

function decodeSession(value: string): OpaqueSession | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<OpaqueSession>;
    const known = parsed.c === EMAIL_OTP || parsed.c === CUSTOM_CHALLENGE;
    return known && typeof parsed.s === 'string' && typeof parsed.u === 'string' ? (parsed as OpaqueSession) : undefined;
  } catch {
    return undefined;
  }
}

/** The user name Cognito wants in the next challenge response: the one it named, else what the user typed. */
function cognitoUserName(parameters: Record<string, string> | undefined, email: string): string {
  return parameters?.USERNAME ?? parameters?.USER_ID_FOR_SRP ?? email;
}

/**
 * The `sub` of an ID token, read without verifying its signature: it came straight from Cognito over TLS in the
 * response to our own call, so there is nothing to verify it against that we trust more.
 */
function subjectOf(idToken: string): string {
  const payload = idToken.split('.')[1];
  const sub = payload ? (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown }).sub : undefined;
  if (typeof sub !== 'string') throw new Error('Cognito returned an ID token without a sub claim.');
  return sub;
}

function tokensOf(result: AuthenticationResultType): Tokens {
  const { AccessToken, IdToken, ExpiresIn } = result;
  if (!AccessToken || !IdToken || ExpiresIn === undefined) throw new Error('Cognito returned an incomplete set of tokens.');
  return { accessToken: AccessToken, idToken: IdToken, expiresIn: ExpiresIn, tokenType: 'Bearer' };
}

function signedInOf(result: AuthenticationResultType): SignedIn {
  const tokens = tokensOf(result);
  if (!result.RefreshToken) throw new Error('Cognito returned no refresh token.');
  return { ...tokens, refreshToken: result.RefreshToken, userId: subjectOf(tokens.idToken) };
}

function unexpected(what: string, challengeName: string | undefined): Error {
  return new Error(`Cognito answered ${what} with ${challengeName ? `the challenge ${challengeName}` : 'no challenge'}.`);
}

// ---- Pools ---------------------------------------------------------------------------------------------------------

const clientId = (pool: PoolName) => config().clientIds[pool];

function userPoolId(pool: PoolName): string {
  const id = config().userPoolIds[pool];
  if (!id) throw new Error(`Missing required environment variable ${pool === 'customer' ? 'CUSTOMER' : 'STAFF'}_USER_POOL_ID`);
  return id;
}

const attribute = (attributes: AttributeType[] | undefined, name: string) => attributes?.find((a) => a.Name === name)?.Value;

/**
 * A password nobody knows, for users created without one: it meets the pool's policy (Cognito refuses it otherwise)
 * and is thrown away. The user signs in with an order number, or sets a password through "forgot password".
 */
function unusablePassword(): string {
  return `${randomBytes(32).toString('base64url')}aA1!`;
}

async function findUserId(email: string, pool: PoolName = 'customer'): Promise<string | undefined> {
  try {
    const user = await cognito().send(new commands.AdminGetUser({ UserPoolId: userPoolId(pool), Username: email }));
    return attribute(user.UserAttributes, 'sub');
  } catch (error) {
    if (cognitoErrorName(error) === 'UserNotFoundException') return undefined;
    throw toAtriumError(error, 'other');
  }
}

async function resendConfirmationCode(pool: PoolName, email: string, locale: Locale): Promise<void> {
  await ignoring(['UserNotFoundException', 'InvalidParameterException', 'NotAuthorizedException'], () =>
    cognito().send(new commands.ResendConfirmationCode({ ClientId: clientId(pool), Username: email, ClientMetadata: { locale } })),
  );
}

// ---- The adapter ---------------------------------------------------------------------------------------------------

export const cognitoIdentity: IdentityProvider = {
  async signUp({ pool, email, password, locale }) {
    const Username = normaliseEmail(email);
    try {
      const created = await cognito().send(
        new commands.SignUp({
          ClientId: clientId(pool),
          Username,
          Password: password,
          UserAttributes: [
            { Name: 'email', Value: Username },
            { Name: 'locale', Value: locale },
          ],
          // The custom message trigger writes the confirmation e-mail in this language.
          ClientMetadata: { locale },
        }),
      );
      if (!created.UserSub) throw new Error('Cognito signed a user up without returning its sub.');
      return { userId: created.UserSub };
    } catch (error) {
      if (cognitoErrorName(error) === 'InvalidPasswordException') throw identityErrors.weakPassword(passwordPolicyProblems(password));
      throw toAtriumError(error, 'signUp');
    }
  },

  async confirmSignUp({ pool, email, code }) {
    try {
      await cognito().send(
        new commands.ConfirmSignUp({ ClientId: clientId(pool), Username: normaliseEmail(email), ConfirmationCode: code }),
      );
    } catch (error) {
      // "User cannot be confirmed. Current status is CONFIRMED": confirming twice is not an error.
      if (cognitoErrorName(error) === 'NotAuthorizedException' && /status is CONFIRMED/i.test((error as Error).message)) return;
      throw toAtriumError(error, 'confirmSignUp');
    }
  },

  async resendConfirmation({ pool, email, locale }) {
    await resendConfirmationCode(pool, normaliseEmail(email), locale);
  },

  async startPasswordSignIn({ pool, email, password, locale }): Promise<SignInChallenge> {
    const Username = normaliseEmail(email);
    let started: InitiateAuthCommandOutput;
    try {
      started = await cognito().send(
        new commands.InitiateAuth({
          ClientId: clientId(pool),
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: Username, PASSWORD: password },
        }),
      );
    } catch (error) {
      // Cognito says "not confirmed" only after the password matched; like the local adapter, mail the link again.
      // Best effort: the answer stays "confirm your e-mail" even if the resend is refused (too many, for one).
      if (cognitoErrorName(error) === 'UserNotConfirmedException') {
        await resendConfirmationCode(pool, Username, locale).catch((resendError: unknown) =>
          logger.warn('could not mail the confirmation link again', { error: resendError as Error }),
        );
      }
      throw toAtriumError(error, 'passwordSignIn');
    }
    if (started.ChallengeName === EMAIL_OTP && started.Session) {
      const parameters = started.ChallengeParameters;
      return {
        session: encodeSession({ c: EMAIL_OTP, s: started.Session, u: cognitoUserName(parameters, Username) }),
        challenge: 'EMAIL_OTP',
        destination: parameters?.CODE_DELIVERY_DESTINATION ?? maskEmail(Username),
      };
    }
    // A user an operator created with a temporary password: the portal has no "choose your first password" step.
    if (started.ChallengeName === 'NEW_PASSWORD_REQUIRED') throw identityErrors.passwordResetRequired();
    throw unexpected('a password sign-in', started.ChallengeName);
  },

  async verifyPassword({ pool, email, password }) {
    // Cognito has no "check this password" call: a USER_PASSWORD_AUTH start is the simplest honest check. The right
    // password gets the pool's e-mail code challenge (Cognito mails a sign-in code nobody uses; its session lapses
    // after three minutes); a wrong one, an unknown user, one to reset or unconfirmed are refused before any code.
    try {
      const started = await cognito().send(
        new commands.InitiateAuth({
          ClientId: clientId(pool),
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: normaliseEmail(email), PASSWORD: password },
        }),
      );
      return started.ChallengeName === EMAIL_OTP || started.AuthenticationResult !== undefined;
    } catch (error) {
      if (PASSWORD_REFUSALS.includes(cognitoErrorName(error) ?? '')) return false;
      throw toAtriumError(error, 'passwordSignIn');
    }
  },

  async startOrderNumberSignIn({ pool, email, orderReference, locale }): Promise<SignInChallenge> {
    const Username = normaliseEmail(email);
    const ClientMetadata = { locale };
    let started: InitiateAuthCommandOutput;
    try {
      started = await cognito().send(
        new commands.InitiateAuth({
          ClientId: clientId(pool),
          AuthFlow: 'CUSTOM_AUTH',
          AuthParameters: { USERNAME: Username },
          ClientMetadata,
        }),
      );
    } catch (error) {
      // Cognito refuses a user who must reset the password before any challenge runs, so the order number is checked
      // here: only the right one may learn that a reset is needed; a wrong one answers as an unknown e-mail.
      if (cognitoErrorName(error) === 'PasswordResetRequiredException') {
        const userId = await findUserId(Username);
        if (userId && (await orderReferenceBelongsToUser(orderReference, userId))) throw identityErrors.passwordResetRequired();
        throw identityErrors.invalidOrderCredentials();
      }
      throw toAtriumError(error, 'orderNumberSignIn');
    }
    if (started.ChallengeName !== CUSTOM_CHALLENGE || started.ChallengeParameters?.step !== CUSTOM_AUTH_STEPS.orderNumber) {
      throw unexpected('an order-number sign-in', started.ChallengeName);
    }
    const userName = cognitoUserName(started.ChallengeParameters, Username);
    const answered = await call('orderNumberSignIn', () =>
      cognito().send(
        new commands.RespondToAuthChallenge({
          ClientId: clientId(pool),
          ChallengeName: CUSTOM_CHALLENGE,
          Session: started.Session,
          ChallengeResponses: { USERNAME: userName, ANSWER: orderReference },
          // The create-challenge trigger mails the code in the page's language.
          ClientMetadata,
        }),
      ),
    );
    const parameters = answered.ChallengeParameters;
    if (answered.ChallengeName !== CUSTOM_CHALLENGE || parameters?.step !== CUSTOM_AUTH_STEPS.emailCode || !answered.Session) {
      throw unexpected('an order number', answered.ChallengeName);
    }
    return {
      session: encodeSession({ c: CUSTOM_CHALLENGE, s: answered.Session, u: cognitoUserName(parameters, userName) }),
      challenge: 'EMAIL_OTP',
      destination: parameters.CODE_DELIVERY_DESTINATION ?? parameters.destination ?? maskEmail(Username),
    };
  },

  async answerEmailCode({ pool, email, session, code }): Promise<SignedIn> {
    const opaque = decodeSession(session);
    if (!opaque) throw identityErrors.signInCodeMismatch();
    const USERNAME = opaque.u || normaliseEmail(email);
    const answered = await call('emailCode', () =>
      cognito().send(
        new commands.RespondToAuthChallenge({
          ClientId: clientId(pool),
          ChallengeName: opaque.c,
          Session: opaque.s,
          ChallengeResponses: opaque.c === EMAIL_OTP ? { USERNAME, EMAIL_OTP_CODE: code } : { USERNAME, ANSWER: code },
        }),
      ),
    );
    if (answered.AuthenticationResult) return signedInOf(answered.AuthenticationResult);
    // A wrong code in the custom flow is not an error to Cognito: it asks again, with a new session. The page retries
    // with that session (the local adapter keeps the same one).
    if (opaque.c === CUSTOM_CHALLENGE && answered.ChallengeName === CUSTOM_CHALLENGE && answered.Session) {
      throw identityErrors.signInCodeMismatch({ session: encodeSession({ ...opaque, s: answered.Session }) });
    }
    throw unexpected('an e-mailed code', answered.ChallengeName);
  },

  async refresh({ pool, refreshToken }) {
    const refreshed = await call('refresh', () =>
      cognito().send(
        new commands.InitiateAuth({
          ClientId: clientId(pool),
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: refreshToken },
        }),
      ),
    );
    if (!refreshed.AuthenticationResult) throw unexpected('a refresh', refreshed.ChallengeName);
    return tokensOf(refreshed.AuthenticationResult);
  },

  async signOut({ pool, refreshToken }) {
    // Whose token it is, so their access tokens issued so far can be refused too: RevokeToken does not say, a refresh
    // does (its ID token's sub). A token that no longer refreshes has no sessions left to end.
    const userId = await cognitoIdentity.refresh({ pool, refreshToken }).then(
      (tokens) => subjectOf(tokens.idToken),
      () => undefined,
    );
    // A token Cognito does not know (malformed, of another client, revoked already) has nothing left to revoke.
    await ignoring(['UnsupportedTokenTypeException', 'InvalidParameterException', 'UnauthorizedException', 'NotAuthorizedException'], () =>
      cognito().send(new commands.RevokeToken({ ClientId: clientId(pool), Token: refreshToken })),
    );
    return { userId };
  },

  async startPasswordReset({ pool, email, locale }) {
    // Unknown e-mails, users without a verified e-mail and users in a state that cannot reset all get the same answer.
    await ignoring(['UserNotFoundException', 'InvalidParameterException', 'NotAuthorizedException'], () =>
      cognito().send(
        new commands.ForgotPassword({ ClientId: clientId(pool), Username: normaliseEmail(email), ClientMetadata: { locale } }),
      ),
    );
  },

  async changePassword({ accessToken, currentPassword, newPassword }) {
    try {
      await cognito().send(
        new commands.ChangePassword({ AccessToken: accessToken, PreviousPassword: currentPassword, ProposedPassword: newPassword }),
      );
    } catch (error) {
      if (cognitoErrorName(error) === 'InvalidPasswordException') throw identityErrors.weakPassword(passwordPolicyProblems(newPassword));
      throw toAtriumError(error, 'changePassword');
    }
  },

  async finishPasswordReset({ pool, email, code, newPassword }) {
    const Username = normaliseEmail(email);
    try {
      await cognito().send(
        new commands.ConfirmForgotPassword({ ClientId: clientId(pool), Username, ConfirmationCode: code, Password: newPassword }),
      );
    } catch (error) {
      if (cognitoErrorName(error) === 'InvalidPasswordException') throw identityErrors.weakPassword(passwordPolicyProblems(newPassword));
      throw toAtriumError(error, 'finishPasswordReset');
    }
    // Whoever knew the old password may still hold a refresh token: end every session of the user.
    await call('other', () => cognito().send(new commands.AdminUserGlobalSignOut({ UserPoolId: userPoolId(pool), Username })));
    const userId = await findUserId(Username, pool);
    if (!userId) throw new Error('Cognito lost a user whose password was just reset.');
    return { userId };
  },

  // `migrated` changes nothing here (see the port): AdminResetUserPassword would mail each imported user a code now.
  async ensureCustomerUser({ email, locale }) {
    const Username = normaliseEmail(email);
    const existing = await findUserId(Username);
    if (existing) return { userId: existing, created: false };

    const UserPoolId = userPoolId('customer');
    let created: AdminCreateUserCommandOutput;
    try {
      created = await cognito().send(
        new commands.AdminCreateUser({
          UserPoolId,
          Username,
          // No invitation: the customer hears from us through the order's own e-mail and signs in with its number.
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'email', Value: Username },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'locale', Value: locale },
          ],
        }),
      );
    } catch (error) {
      // Created by a concurrent request a moment ago: that user is the one.
      if (cognitoErrorName(error) !== 'UsernameExistsException') throw toAtriumError(error, 'other');
      const raced = await findUserId(Username);
      if (raced) return { userId: raced, created: false };
      throw error;
    }
    const userId = attribute(created.User?.Attributes, 'sub');
    if (!userId) throw new Error('Cognito created a user without returning its sub.');
    // A permanent password makes the user CONFIRMED, which the custom auth flow and "forgot password" require.
    await call('other', () =>
      cognito().send(new commands.AdminSetUserPassword({ UserPoolId, Username, Password: unusablePassword(), Permanent: true })),
    );
    return { userId, created: true };
  },

  async findCustomerUser({ email }) {
    const userId = await findUserId(normaliseEmail(email));
    return userId ? { userId } : undefined;
  },

  async createConfirmedCustomer({ email, password, locale }) {
    // Checked first, so a weak password creates nothing (AdminSetUserPassword would refuse it after the user exists).
    const problems = passwordPolicyProblems(password);
    if (problems.length) throw identityErrors.weakPassword(problems);
    const Username = normaliseEmail(email);
    const UserPoolId = userPoolId('customer');
    const created = await call('signUp', () =>
      cognito().send(
        new commands.AdminCreateUser({
          UserPoolId,
          Username,
          // The invitation's link proved the mailbox: no Cognito invitation, the address is verified.
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'email', Value: Username },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'locale', Value: locale },
          ],
        }),
      ),
    );
    const userId = attribute(created.User?.Attributes, 'sub');
    if (!userId) throw new Error('Cognito created a user without returning its sub.');
    try {
      // Permanent: the user is CONFIRMED and signs in with this password at once.
      await cognito().send(new commands.AdminSetUserPassword({ UserPoolId, Username, Password: password, Permanent: true }));
    } catch (error) {
      // The policy of the pool refused what ours let through: take the half-made user away again.
      await ignoring(['UserNotFoundException'], () => cognito().send(new commands.AdminDeleteUser({ UserPoolId, Username })));
      if (cognitoErrorName(error) === 'InvalidPasswordException') throw identityErrors.weakPassword(passwordPolicyProblems(password));
      throw toAtriumError(error, 'other');
    }
    return { userId };
  },

  async startEmailChange({ accessToken, newEmail, locale }) {
    // The pool keeps the original e-mail until the new one is verified (keepOriginal, infra/constructs/portal-user-pool.ts):
    // Cognito mails the code to the new address (CustomMessage_UpdateUserAttribute) and the old one still signs in.
    await call('emailChange', () =>
      cognito().send(
        new commands.UpdateUserAttributes({
          AccessToken: accessToken,
          UserAttributes: [{ Name: 'email', Value: normaliseEmail(newEmail) }],
          ClientMetadata: { locale },
        }),
      ),
    );
  },

  async confirmEmailChange({ accessToken, code }) {
    // Verifies the pending address Cognito holds (the one startEmailChange set): only then does it become the login.
    await call('emailChange', () =>
      cognito().send(new commands.VerifyUserAttribute({ AccessToken: accessToken, AttributeName: 'email', Code: code })),
    );
  },

  async deleteUser({ pool, email }) {
    await ignoring(['UserNotFoundException'], () =>
      cognito().send(new commands.AdminDeleteUser({ UserPoolId: userPoolId(pool), Username: normaliseEmail(email) })),
    );
  },

  async inviteStaffUser({ email, groups, locale }) {
    const Username = normaliseEmail(email);
    const UserPoolId = userPoolId('staff');
    // Not Cognito's invitation (a temporary password, then NEW_PASSWORD_REQUIRED, which the portal has no step for):
    // created confirmed with a password nobody knows, then "forgot password", whose mail the staff pool's custom
    // message trigger writes as the invitation (ClientMetadata.purpose) with the link to the staff reset page.
    const created = await call('staffAdmin', () =>
      cognito().send(
        new commands.AdminCreateUser({
          UserPoolId,
          Username,
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'email', Value: Username },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'locale', Value: locale },
          ],
        }),
      ),
    );
    const userId = attribute(created.User?.Attributes, 'sub');
    if (!userId) throw new Error('Cognito created a user without returning its sub.');
    try {
      await call('staffAdmin', () =>
        cognito().send(new commands.AdminSetUserPassword({ UserPoolId, Username, Password: unusablePassword(), Permanent: true })),
      );
      for (const GroupName of groups) {
        await call('staffAdmin', () => cognito().send(new commands.AdminAddUserToGroup({ UserPoolId, Username, GroupName })));
      }
      await call('staffAdmin', () =>
        cognito().send(
          new commands.ForgotPassword({
            ClientId: clientId('staff'),
            Username,
            ClientMetadata: { locale, purpose: STAFF_INVITATION_PURPOSE },
          }),
        ),
      );
    } catch (error) {
      // Half an invitation helps nobody: undo, so the admin can simply invite again.
      await cognitoIdentity
        .deleteUser({ pool: 'staff', email: Username })
        .catch((undoError: unknown) => logger.error('could not undo a failed staff invitation', { error: undoError as Error }));
      throw error;
    }
    return { userId };
  },

  async setStaffGroups({ email, groups }) {
    const Username = normaliseEmail(email);
    const UserPoolId = userPoolId('staff');
    // Each staff group once, added or removed: both calls are idempotent, so no read of the current groups is needed.
    for (const GroupName of STAFF_GROUPS) {
      const command = groups.includes(GroupName)
        ? new commands.AdminAddUserToGroup({ UserPoolId, Username, GroupName })
        : new commands.AdminRemoveUserFromGroup({ UserPoolId, Username, GroupName });
      await call('staffAdmin', () => cognito().send(command));
    }
  },

  async setUserEnabled({ pool, email, enabled }) {
    const input = { UserPoolId: userPoolId(pool), Username: normaliseEmail(email) };
    // AdminDisableUser also revokes the user's tokens; a disabled user's sign-in answers NotAuthorizedException.
    await call('staffAdmin', () => cognito().send(enabled ? new commands.AdminEnableUser(input) : new commands.AdminDisableUser(input)));
  },

  async signOutEverywhere({ pool, email }) {
    await call('staffAdmin', () =>
      cognito().send(new commands.AdminUserGlobalSignOut({ UserPoolId: userPoolId(pool), Username: normaliseEmail(email) })),
    );
  },
};
