// The local identity adapter: Cognito's user pool flows (sign-up and confirmation, password + e-mailed code, order
// number + e-mailed code, refresh and revocation, forgot password) emulated on DynamoDB Local and the local mail server.

import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '#shared/db/commands.ts';
import { SignJWT } from 'jose';
import { config, type PoolName } from '#shared/config.ts';
import { db, tableName } from '#shared/db/client.ts';
import { maskEmail, normaliseEmail } from '#shared/email.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import { identityErrors } from '#shared/identity/errors.ts';
import {
  localChallengeFromItem,
  localChallengeItem,
  localChallengeKey,
  localLinkCodeFromItem,
  localLinkCodeItem,
  localLinkCodeKey,
  localRefreshTokenFromItem,
  localRefreshTokenItem,
  localRefreshTokenKey,
  localUserFromItem,
  localUserItem,
  localUserKey,
  type LinkPurpose,
  type LocalChallenge,
  type LocalLinkCode,
  type LocalRefreshToken,
  type LocalUser,
  type StoredLocalUser,
} from '#shared/identity/local-entities.ts';
import { localSigningKey, SIGNING_ALG } from '#shared/identity/local-keys.ts';
import { newEmailCode, orderReferenceBelongsToUser } from '#shared/identity/order-sign-in.ts';
import { hashPassword, UNKNOWN_USER_HASH, verifyPassword } from '#shared/identity/password.ts';
import { passwordPolicyProblems } from '#shared/identity/password-policy.ts';
import type { IdentityProvider, SignedIn, SignInChallenge, Tokens } from '#shared/identity/port.ts';
import { sendMail } from '#shared/mail/send.ts';
import { logger } from '#shared/observability/logger.ts';
import {
  accountLink,
  confirmEmailMail,
  emailChangeCodeMail,
  passwordResetMail,
  signInCodeMail,
  staffInvitationMail,
} from '#shared/mail/templates.ts';
import { now, nowEpochSeconds, nowIso } from '#shared/time.ts';

export const CODE_TTL_SECONDS = 10 * 60;
export const MAX_CODE_ATTEMPTS_PER_CHALLENGE = 3;
const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;
/**
 * As the Cognito pool: confirmation links for a day, reset links and codes for a new e-mail address for an hour, five
 * tries at a link's code.
 */
const LINK_CODE_TTL_SECONDS = { confirm: 24 * 3600, reset: 3600, 'email-change': 3600 } as const;
const MAX_LINK_CODE_ATTEMPTS = 5;

/**
 * Confirmation links sent earlier keep working until they expire (several mails can be in flight: sign-up, a resend,
 * a sign-in before confirming), up to this many; a reset link replaces the one before, so only the newest works.
 */
const PENDING_LINK_CODES = { confirm: 5, reset: 1, 'email-change': 1 } as const;

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

function sameHash(expected: string, actual: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function issuerOf(pool: PoolName): string {
  return `${config().local.issuerBase}/${pool}`;
}

async function getUser(pool: PoolName, email: string): Promise<StoredLocalUser | undefined> {
  const found = await db().send(
    new GetCommand({ TableName: tableName(), Key: localUserKey(pool, normaliseEmail(email)), ConsistentRead: true }),
  );
  return found.Item ? localUserFromItem(found.Item) : undefined;
}

async function updateUser(pool: PoolName, email: string, set: Partial<LocalUser>): Promise<void> {
  const fields = Object.entries(set);
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: localUserKey(pool, normaliseEmail(email)),
      ConditionExpression: 'attribute_exists(PK)',
      UpdateExpression: `SET ${fields.map(([name]) => `#${name} = :${name}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(fields.map(([name]) => [`#${name}`, name])),
      ExpressionAttributeValues: Object.fromEntries(fields.map(([name, value]) => [`:${name}`, value])),
    }),
  );
}

async function signJwt(claims: Record<string, unknown>, user: Pick<LocalUser, 'pool' | 'sub'>, audience?: string) {
  const { key, kid } = await localSigningKey(config().local.keysDir, user.pool);
  const issuedAt = nowEpochSeconds();
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: SIGNING_ALG, kid })
    .setSubject(user.sub)
    .setIssuer(issuerOf(user.pool))
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ACCESS_TOKEN_TTL_SECONDS)
    .setJti(randomUUID());
  return (audience ? jwt.setAudience(audience) : jwt).sign(key);
}

async function issueTokens(user: Pick<LocalUser, 'pool' | 'sub' | 'email' | 'groups'>): Promise<Tokens> {
  const clientId = config().clientIds[user.pool];
  const common = { 'cognito:groups': user.groups, auth_time: nowEpochSeconds(), origin_jti: randomUUID() };
  const accessToken = await signJwt(
    { ...common, token_use: 'access', client_id: clientId, scope: 'aws.cognito.signin.user.admin', username: user.sub },
    user,
  );
  const idToken = await signJwt(
    { ...common, token_use: 'id', email: user.email, email_verified: true, 'cognito:username': user.sub },
    user,
    clientId,
  );
  return { accessToken, idToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS, tokenType: 'Bearer' };
}

async function issueRefreshToken(pool: PoolName, email: string): Promise<string> {
  const token = randomBytes(48).toString('base64url');
  const stored: LocalRefreshToken = { pool, email, issuedAtMs: now().getTime(), expiresAt: nowEpochSeconds() + REFRESH_TOKEN_TTL_SECONDS };
  await db().send(new PutCommand({ TableName: tableName(), Item: localRefreshTokenItem(sha256(token), stored) }));
  return token;
}

/** Stores a one-time code for a sign-in and mails it; the session is the challenge's key. */
async function startCodeChallenge(user: LocalUser, locale: Locale): Promise<SignInChallenge> {
  const session = randomBytes(32).toString('base64url');
  const code = newEmailCode();
  const challenge: LocalChallenge = {
    pool: user.pool,
    sub: user.sub,
    email: user.email,
    groups: user.groups,
    codeHash: sha256(`${session}:${code}`),
    attempts: 0,
    expiresAt: nowEpochSeconds() + CODE_TTL_SECONDS,
  };
  await db().send(new PutCommand({ TableName: tableName(), Item: localChallengeItem(session, challenge) }));
  await sendMail(signInCodeMail(user.email, code, locale ?? user.locale));
  return { session, challenge: 'EMAIL_OTP', destination: maskEmail(user.email) };
}

/** Stores a fresh code for a confirmation or reset link (beside the pending ones, see PENDING_LINK_CODES) and mails the link. */
async function sendLinkCode(
  user: LocalUser,
  purpose: LinkPurpose,
  locale: Locale,
  options: { deliverLater?: boolean; invitation?: boolean } = {},
): Promise<void> {
  const code = newEmailCode();
  const Key = localLinkCodeKey(user.pool, user.email, purpose);
  const now = nowEpochSeconds();
  const pendingItem =
    PENDING_LINK_CODES[purpose] > 1
      ? (await db().send(new GetCommand({ TableName: tableName(), Key, ConsistentRead: true }))).Item
      : undefined;
  const pending = pendingItem ? localLinkCodeFromItem(pendingItem).codes : [];
  const codes = [
    ...pending.filter((each) => each.expiresAt > now),
    { hash: sha256(code), expiresAt: now + LINK_CODE_TTL_SECONDS[purpose] },
  ].slice(-PENDING_LINK_CODES[purpose]);
  const linkCode: LocalLinkCode = { codes, attempts: 0, expiresAt: Math.max(...codes.map((each) => each.expiresAt)), nonce: randomUUID() };
  await db().send(new PutCommand({ TableName: tableName(), Item: localLinkCodeItem(user.pool, user.email, purpose, linkCode) }));
  const portalUrl = config().portalUrl;
  const resetLink = () => accountLink(portalUrl, user.pool === 'staff' ? 'admin/reset-password' : 'reset-password', user.email, code);
  const mail =
    purpose === 'confirm'
      ? confirmEmailMail(user.email, accountLink(portalUrl, 'confirm-email', user.email, code), locale)
      : options.invitation
        ? staffInvitationMail(user.email, resetLink(), portalUrl, locale)
        : passwordResetMail(user.email, resetLink(), locale);
  if (!options.deliverLater) {
    await sendMail(mail);
    return;
  }
  // Handed over without waiting, as a queue would take it: the answer must not take longer because a mail goes out.
  // On the next turn of the event loop, so that not even its first steps run before the answer is written.
  setTimeout(
    () => void sendMail(mail).catch((error: unknown) => logger.error('could not deliver a reset link', { error: error as Error })),
    0,
  );
}

/**
 * What "forgot password" writes for an address that gets no mail (unknown, or not confirmed): a reset code item
 * like a real one, whose code nobody ever sees, so that both answers cost the same table write.
 */
async function writeUnusedResetCode(pool: PoolName, email: string): Promise<void> {
  const now = nowEpochSeconds();
  const linkCode: LocalLinkCode = {
    codes: [{ hash: sha256(randomBytes(32).toString('base64url')), expiresAt: now + LINK_CODE_TTL_SECONDS.reset }],
    attempts: 0,
    expiresAt: now + LINK_CODE_TTL_SECONDS.reset,
    nonce: randomUUID(),
  };
  await db().send(new PutCommand({ TableName: tableName(), Item: localLinkCodeItem(pool, email, 'reset', linkCode) }));
}

/**
 * Spends a link code: right and fresh, the address's pending codes are all deleted (single use); wrong, it counts a
 * try, and five wrong tries end them all.
 */
async function spendLinkCode(pool: PoolName, email: string, purpose: LinkPurpose, code: string): Promise<void> {
  const Key = localLinkCodeKey(pool, email, purpose);
  const found = await db().send(new GetCommand({ TableName: tableName(), Key, ConsistentRead: true }));
  if (!found.Item) throw identityErrors.linkCodeMismatch();
  const stored = localLinkCodeFromItem(found.Item);
  const now = nowEpochSeconds();
  const given = sha256(code);
  // Items written before links were kept side by side read with no codes: they count as expired.
  const codes = stored.codes;
  const matching = codes.find((each) => sameHash(each.hash, given));
  if (matching && matching.expiresAt <= now) throw identityErrors.linkCodeExpired();
  if (!matching) {
    if (codes.every((each) => each.expiresAt <= now)) throw identityErrors.linkCodeExpired();
    await countFailedTry(Key, stored.attempts, MAX_LINK_CODE_ATTEMPTS);
    throw identityErrors.linkCodeMismatch();
  }
  try {
    await db().send(
      new DeleteCommand({
        TableName: tableName(),
        Key,
        ConditionExpression: 'nonce = :nonce',
        ExpressionAttributeValues: { ':nonce': stored.nonce },
      }),
    );
  } catch {
    throw identityErrors.linkCodeMismatch();
  }
}

/** The signed-in customer changing their e-mail: the user behind the current address, who must be the caller. */
async function emailChangingUser(userId: string, email: string): Promise<StoredLocalUser> {
  const user = await getUser('customer', email);
  if (!user || user.sub !== userId) throw identityErrors.userNotFound();
  return user;
}

/** The code of a change of e-mail is hashed with the new address, so a code only ever confirms the address it went to. */
const emailChangeSecret = (newEmail: string, code: string) => `${normaliseEmail(newEmail)}:${code}`;

/** One more wrong try at a code: the item goes when the tries are used up, so the next try finds nothing. */
async function countFailedTry(Key: Record<string, string>, attempts: number, maxAttempts: number): Promise<void> {
  if (attempts + 1 >= maxAttempts) {
    await db().send(new DeleteCommand({ TableName: tableName(), Key }));
    return;
  }
  await db()
    .send(
      new UpdateCommand({
        TableName: tableName(),
        Key,
        UpdateExpression: 'ADD attempts :one',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    )
    .catch(() => undefined);
}

/**
 * A new user with a password that meets the policy, written only if the address has none yet (409
 * ALREADY_REGISTERED otherwise): sign-up's (unconfirmed until the mailed link) and an accepted invitation's (confirmed:
 * the invitation link proved the mailbox).
 */
async function createUserWithPassword(input: {
  pool: PoolName;
  email: string;
  password: string;
  locale: Locale;
  status: 'UNCONFIRMED' | 'CONFIRMED';
}): Promise<LocalUser> {
  const problems = passwordPolicyProblems(input.password);
  if (problems.length) throw identityErrors.weakPassword(problems);
  const user: LocalUser = {
    sub: randomUUID(),
    email: normaliseEmail(input.email),
    pool: input.pool,
    passwordHash: await hashPassword(input.password),
    status: input.status,
    groups: [],
    locale: input.locale,
  };
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: localUserItem({ ...user, createdAt: nowIso() }),
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') throw identityErrors.alreadyRegistered();
    throw error;
  }
  return user;
}

export const localIdentity: IdentityProvider = {
  async signUp({ pool, email, password, locale }) {
    const user = await createUserWithPassword({ pool, email, password, locale, status: 'UNCONFIRMED' });
    await sendLinkCode(user, 'confirm', locale);
    return { userId: user.sub };
  },

  async confirmSignUp({ pool, email, code }) {
    const user = await getUser(pool, email);
    if (!user) throw identityErrors.linkCodeMismatch();
    if (user.status === 'CONFIRMED') return;
    await spendLinkCode(pool, user.email, 'confirm', code);
    await updateUser(pool, user.email, { status: 'CONFIRMED' });
  },

  async resendConfirmation({ pool, email, locale }) {
    const user = await getUser(pool, email);
    if (user?.status === 'UNCONFIRMED') await sendLinkCode(user, 'confirm', locale);
  },

  async startPasswordSignIn({ pool, email, password, locale }) {
    const user = await getUser(pool, email);
    // Hash even for an unknown e-mail or a user without a password, so every failure takes the same time.
    const passwordMatches = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    // A disabled user is refused as Cognito refuses them ("User is disabled."): as a wrong password.
    if (!user || !user.passwordHash || !passwordMatches || user.disabled) throw identityErrors.invalidCredentials();
    // Only the right password may learn that a reset is needed (as Cognito): a wrong one answers as an unknown e-mail.
    if (user.status === 'RESET_REQUIRED') throw identityErrors.passwordResetRequired();
    if (user.status === 'UNCONFIRMED') {
      await sendLinkCode(user, 'confirm', locale);
      throw identityErrors.notConfirmed();
    }
    return startCodeChallenge(user, locale);
  },

  async verifyPassword({ pool, email, password }) {
    const user = await getUser(pool, email);
    // Hashed for an unknown e-mail too, as the sign-in: the answer takes the same time.
    const matches = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    return Boolean(user?.passwordHash && matches && !user.disabled && user.status === 'CONFIRMED');
  },

  async startOrderNumberSignIn({ pool, email, orderReference, locale }) {
    const user = await getUser(pool, email);
    // The order is looked up for an unknown e-mail too, so that it answers in the same time as a wrong order number.
    const belongs = await orderReferenceBelongsToUser(orderReference, user?.sub ?? 'unknown-user');
    if (!user || !belongs || user.disabled) throw identityErrors.invalidOrderCredentials();
    if (user.status === 'RESET_REQUIRED') throw identityErrors.passwordResetRequired();
    if (user.status === 'UNCONFIRMED') {
      await sendLinkCode(user, 'confirm', locale);
      throw identityErrors.notConfirmed();
    }
    return startCodeChallenge(user, locale);
  },

  async answerEmailCode({ pool, email, session, code }): Promise<SignedIn> {
    const Key = localChallengeKey(session);
    const found = await db().send(new GetCommand({ TableName: tableName(), Key, ConsistentRead: true }));
    const challenge = found.Item ? localChallengeFromItem(found.Item) : undefined;
    // DynamoDB's TTL deletes late (and not at all locally): expiry is checked here.
    if (!challenge || challenge.pool !== pool || challenge.email !== normaliseEmail(email) || challenge.expiresAt <= nowEpochSeconds()) {
      throw identityErrors.signInCodeMismatch();
    }
    if (!sameHash(challenge.codeHash, sha256(`${session}:${code}`))) {
      await countFailedTry(Key, challenge.attempts, MAX_CODE_ATTEMPTS_PER_CHALLENGE);
      throw identityErrors.signInCodeMismatch();
    }
    // Single use: only the request that deletes the challenge gets tokens.
    try {
      await db().send(new DeleteCommand({ TableName: tableName(), Key, ConditionExpression: 'attribute_exists(PK)' }));
    } catch {
      throw identityErrors.signInCodeMismatch();
    }
    // Disabled (or given other groups) while the code was on its way: the user as they are now decides.
    const user = await getUser(pool, challenge.email);
    if (!user || user.disabled) throw identityErrors.signInCodeMismatch();
    const tokens = await issueTokens(user);
    return { ...tokens, refreshToken: await issueRefreshToken(pool, challenge.email), userId: challenge.sub };
  },

  async refresh({ pool, refreshToken }) {
    const found = await db().send(
      new GetCommand({ TableName: tableName(), Key: localRefreshTokenKey(sha256(refreshToken)), ConsistentRead: true }),
    );
    const stored = found.Item ? localRefreshTokenFromItem(found.Item) : undefined;
    if (!stored || stored.pool !== pool || stored.expiresAt <= nowEpochSeconds()) throw identityErrors.sessionExpired();
    const user = await getUser(pool, stored.email);
    if (!user || user.status !== 'CONFIRMED' || user.disabled || stored.issuedAtMs <= (user.tokensRevokedAtMs ?? 0)) {
      throw identityErrors.sessionExpired();
    }
    return issueTokens(user);
  },

  async signOut({ pool, refreshToken }) {
    const removed = await db().send(
      new DeleteCommand({ TableName: tableName(), Key: localRefreshTokenKey(sha256(refreshToken)), ReturnValues: 'ALL_OLD' }),
    );
    const stored = removed.Attributes ? localRefreshTokenFromItem(removed.Attributes) : undefined;
    if (!stored || stored.pool !== pool || stored.expiresAt <= nowEpochSeconds()) return { userId: undefined };
    return { userId: (await getUser(pool, stored.email))?.sub };
  },

  async startPasswordReset({ pool, email, locale }) {
    const user = await getUser(pool, email);
    // Cognito mails reset codes only to confirmed (or migrated) users; others get the same answer and nothing. Both
    // do the same work before answering (one read, one write; the mail leaves without being waited for), so the
    // time of the answer does not tell which addresses are registered (`npm run bench` shows both medians).
    if (user && user.status !== 'UNCONFIRMED') await sendLinkCode(user, 'reset', locale, { deliverLater: true });
    else await writeUnusedResetCode(pool, normaliseEmail(email));
  },

  async changePassword({ pool, email, currentPassword, newPassword }) {
    const user = await getUser(pool, email);
    // Hash even without a user or password, so every failure takes the same time (as at sign-in).
    const matches = await verifyPassword(currentPassword, user?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!user || !user.passwordHash || !matches || user.disabled) throw identityErrors.invalidCredentials();
    const problems = passwordPolicyProblems(newPassword);
    if (problems.length) throw identityErrors.weakPassword(problems);
    await updateUser(pool, user.email, { passwordHash: await hashPassword(newPassword) });
  },

  async finishPasswordReset({ pool, email, code, newPassword }) {
    const problems = passwordPolicyProblems(newPassword);
    if (problems.length) throw identityErrors.weakPassword(problems);
    const user = await getUser(pool, email);
    if (!user) throw identityErrors.linkCodeMismatch();
    await spendLinkCode(pool, user.email, 'reset', code);
    await updateUser(pool, user.email, {
      passwordHash: await hashPassword(newPassword),
      status: 'CONFIRMED',
      tokensRevokedAtMs: now().getTime(),
    });
    return { userId: user.sub };
  },

  async ensureCustomerUser({ email, locale, migrated }) {
    const existing = await getUser('customer', email);
    if (existing) return { userId: existing.sub, created: false };
    const status = migrated ? 'RESET_REQUIRED' : 'CONFIRMED';
    const user: LocalUser = { sub: randomUUID(), email: normaliseEmail(email), pool: 'customer', status, groups: [], locale };
    try {
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: localUserItem({ ...user, createdAt: nowIso() }),
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      // Created by a concurrent request a moment ago: that user is the one.
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      const raced = await getUser('customer', email);
      if (raced) return { userId: raced.sub, created: false };
      throw error;
    }
    return { userId: user.sub, created: true };
  },

  async findCustomerUser({ email }) {
    const user = await getUser('customer', email);
    return user ? { userId: user.sub } : undefined;
  },

  async createConfirmedCustomer({ email, password, locale }) {
    const user = await createUserWithPassword({ pool: 'customer', email, password, locale, status: 'CONFIRMED' });
    return { userId: user.sub };
  },

  async startEmailChange({ userId, email, newEmail, locale }) {
    const user = await emailChangingUser(userId, email);
    const target = normaliseEmail(newEmail);
    if (await getUser('customer', target)) throw identityErrors.emailTaken();
    const code = newEmailCode();
    const expiresAt = nowEpochSeconds() + LINK_CODE_TTL_SECONDS['email-change'];
    // One pending change per person: a new request replaces the code (and the address) of the one before.
    const linkCode: LocalLinkCode = {
      codes: [{ hash: sha256(emailChangeSecret(target, code)), expiresAt }],
      attempts: 0,
      expiresAt,
      nonce: randomUUID(),
    };
    await db().send(new PutCommand({ TableName: tableName(), Item: localLinkCodeItem('customer', user.email, 'email-change', linkCode) }));
    await sendMail(emailChangeCodeMail(target, code, locale));
  },

  async confirmEmailChange({ userId, email, newEmail, code }) {
    const user = await emailChangingUser(userId, email);
    const target = normaliseEmail(newEmail);
    try {
      await spendLinkCode('customer', user.email, 'email-change', emailChangeSecret(target, code));
    } catch (error) {
      const { code: failure } = error as { code?: string };
      if (failure === 'CODE_EXPIRED') throw identityErrors.emailChangeCodeExpired();
      if (failure === 'CODE_MISMATCH') throw identityErrors.emailChangeCodeMismatch();
      throw error;
    }
    // The user moves to the new address's key (as Cognito's alias moves): the old address no longer finds them.
    try {
      await db().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName(),
                Item: localUserItem({ ...user, email: target }),
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Delete: {
                TableName: tableName(),
                Key: localUserKey('customer', user.email),
                ConditionExpression: '#sub = :sub',
                ExpressionAttributeNames: { '#sub': 'sub' },
                ExpressionAttributeValues: { ':sub': user.sub },
              },
            },
          ],
        }),
      );
    } catch (error) {
      if ((error as Error).name === 'TransactionCanceledException') throw identityErrors.emailTaken();
      throw error;
    }
  },

  async deleteUser({ pool, email }) {
    await db().send(new DeleteCommand({ TableName: tableName(), Key: localUserKey(pool, normaliseEmail(email)) }));
  },

  async inviteStaffUser({ email, groups, locale }) {
    // Confirmed without a password (as the runbook's create-confirmed-then-reset): the reset link sets the first one.
    const user: LocalUser = {
      sub: randomUUID(),
      email: normaliseEmail(email),
      pool: 'staff',
      status: 'CONFIRMED',
      groups: [...groups],
      locale,
    };
    try {
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: localUserItem({ ...user, createdAt: nowIso() }),
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') throw identityErrors.alreadyRegistered();
      throw error;
    }
    await sendLinkCode(user, 'reset', locale, { invitation: true });
    return { userId: user.sub };
  },

  async setStaffGroups({ email, groups }) {
    await updateExisting('staff', email, { groups: [...groups] });
  },

  async setUserEnabled({ pool, email, enabled }) {
    // Cognito's AdminDisableUser also ends the user's sessions; enabling does not bring them back.
    await updateExisting(pool, email, enabled ? { disabled: false } : { disabled: true, tokensRevokedAtMs: now().getTime() });
  },

  async signOutEverywhere({ pool, email }) {
    await updateExisting(pool, email, { tokensRevokedAtMs: now().getTime() });
  },
};

/** Updates a user who must exist: an unknown one fails as Cognito's UserNotFoundException would reach a caller. */
async function updateExisting(pool: PoolName, email: string, set: Partial<LocalUser>): Promise<void> {
  try {
    await updateUser(pool, email, set);
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') throw identityErrors.userNotFound();
    throw error;
  }
}

/** Creates or replaces a confirmed local user (seed data, tests). Returns the user's stable id (`sub`). */
export async function putLocalUser(input: {
  pool: PoolName;
  email: string;
  /** Without one the user is migrated: they must set a password through "forgot password" first. */
  password?: string;
  /**
   * A migrated user whose old portal's password came along: it is checked, but only to say that a new one must be set
   * through "forgot password" (a wrong one answers as an unknown e-mail).
   */
  migrated?: boolean;
  groups?: string[];
  locale?: Locale;
  sub?: string;
}): Promise<string> {
  const email = normaliseEmail(input.email);
  const sub = input.sub ?? randomUUID();
  const user: LocalUser = {
    sub,
    email,
    pool: input.pool,
    ...(input.password === undefined ? {} : { passwordHash: await hashPassword(input.password) }),
    status: input.password === undefined || input.migrated ? 'RESET_REQUIRED' : 'CONFIRMED',
    groups: input.groups ?? [],
    locale: input.locale ?? 'en',
  };
  await db().send(new PutCommand({ TableName: tableName(), Item: localUserItem({ ...user, createdAt: nowIso() }) }));
  return sub;
}
