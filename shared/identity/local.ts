// The local identity adapter: Cognito's password + e-mailed-code sign-in, emulated on DynamoDB Local and the local mail server.

import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { SignJWT } from 'jose';
import { config, type PoolName } from '#shared/config.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { UnauthorizedError } from '#shared/http/errors.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import { sendMail } from '#shared/mail/send.ts';
import { signInCodeMail } from '#shared/mail/templates.ts';
import { localSigningKey, SIGNING_ALG } from '#shared/identity/local-keys.ts';
import { hashPassword, UNKNOWN_USER_HASH, verifyPassword } from '#shared/identity/password.ts';
import { maskEmail, normaliseEmail } from '#shared/email.ts';
import type { IdentityProvider, SignInChallenge, Tokens } from '#shared/identity/port.ts';
import { nowEpochSeconds, nowIso } from '#shared/time.ts';

export const CODE_TTL_SECONDS = 10 * 60;
export const MAX_CODE_ATTEMPTS_PER_CHALLENGE = 3;
const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

interface LocalUser {
  sub: string;
  email: string;
  pool: PoolName;
  passwordHash: string;
  groups: string[];
  locale: Locale;
}

interface Challenge {
  pool: PoolName;
  sub: string;
  email: string;
  groups: string[];
  codeHash: string;
  attempts: number;
  expiresAt: number;
}

const invalidCredentials = () =>
  new UnauthorizedError('The e-mail or password is not right.', 'INVALID_CREDENTIALS');
const codeNotAccepted = () =>
  new UnauthorizedError('The code is not right or has expired. Check the newest e-mail, or sign in again.', 'CODE_MISMATCH');

function hashCode(session: string, code: string): string {
  return createHash('sha256').update(`${session}:${code}`).digest('base64url');
}

export function issuerOf(pool: PoolName): string {
  return `${config().local.issuerBase}/${pool}`;
}

async function issueTokens(challenge: Challenge): Promise<Tokens> {
  const { key, kid } = await localSigningKey(config().local.keysDir, challenge.pool);
  const clientId = config().clientIds[challenge.pool];
  const issuer = issuerOf(challenge.pool);
  const now = nowEpochSeconds();
  const common = { 'cognito:groups': challenge.groups, auth_time: now, origin_jti: randomUUID() };
  const accessToken = await new SignJWT({
    ...common,
    token_use: 'access',
    client_id: clientId,
    scope: 'aws.cognito.signin.user.admin',
    username: challenge.sub,
  })
    .setProtectedHeader({ alg: SIGNING_ALG, kid })
    .setSubject(challenge.sub)
    .setIssuer(issuer)
    .setIssuedAt(now)
    .setExpirationTime(now + ACCESS_TOKEN_TTL_SECONDS)
    .setJti(randomUUID())
    .sign(key);
  const idToken = await new SignJWT({
    ...common,
    token_use: 'id',
    email: challenge.email,
    email_verified: true,
    'cognito:username': challenge.sub,
  })
    .setProtectedHeader({ alg: SIGNING_ALG, kid })
    .setSubject(challenge.sub)
    .setIssuer(issuer)
    .setAudience(clientId)
    .setIssuedAt(now)
    .setExpirationTime(now + ACCESS_TOKEN_TTL_SECONDS)
    .setJti(randomUUID())
    .sign(key);
  return { accessToken, idToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS, tokenType: 'Bearer' };
}

export const localIdentity: IdentityProvider = {
  async startPasswordSignIn({ pool, email, password, locale }): Promise<SignInChallenge> {
    const normalised = normaliseEmail(email);
    const found = await db().send(new GetCommand({ TableName: tableName(), Key: keys.localUser(pool, normalised) }));
    const user = found.Item as LocalUser | undefined;
    // Hash even for an unknown e-mail, so both failures take the same time.
    const passwordMatches = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!user || !passwordMatches) throw invalidCredentials();

    const session = randomBytes(32).toString('base64url');
    const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
    const challenge: Challenge = {
      pool,
      sub: user.sub,
      email: user.email,
      groups: user.groups,
      codeHash: hashCode(session, code),
      attempts: 0,
      expiresAt: nowEpochSeconds() + CODE_TTL_SECONDS,
    };
    await db().send(
      new PutCommand({ TableName: tableName(), Item: { ...keys.localChallenge(session), type: 'LocalChallenge', ...challenge } }),
    );
    await sendMail(signInCodeMail(user.email, code, locale ?? user.locale));
    return { session, challenge: 'EMAIL_OTP', destination: maskEmail(user.email) };
  },

  async answerEmailCode({ pool, session, code }): Promise<Tokens> {
    const Key = keys.localChallenge(session);
    const found = await db().send(new GetCommand({ TableName: tableName(), Key, ConsistentRead: true }));
    const challenge = found.Item as Challenge | undefined;
    // DynamoDB's TTL deletes late (and not at all locally): expiry is checked here.
    if (!challenge || challenge.pool !== pool || challenge.expiresAt <= nowEpochSeconds()) throw codeNotAccepted();

    const expected = Buffer.from(challenge.codeHash);
    const actual = Buffer.from(hashCode(session, code));
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
      if (challenge.attempts + 1 >= MAX_CODE_ATTEMPTS_PER_CHALLENGE) {
        await db().send(new DeleteCommand({ TableName: tableName(), Key }));
      } else {
        await db().send(
          new UpdateCommand({
            TableName: tableName(),
            Key,
            UpdateExpression: 'ADD attempts :one',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeValues: { ':one': 1 },
          }),
        ).catch(() => undefined);
      }
      throw codeNotAccepted();
    }
    // Single use: only the request that deletes the challenge gets tokens.
    try {
      await db().send(new DeleteCommand({ TableName: tableName(), Key, ConditionExpression: 'attribute_exists(PK)' }));
    } catch {
      throw codeNotAccepted();
    }
    return issueTokens(challenge);
  },
};

/** Creates or replaces a local user (seed data, tests). Returns the user's stable id (`sub`). */
export async function putLocalUser(input: {
  pool: PoolName;
  email: string;
  password: string;
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
    passwordHash: await hashPassword(input.password),
    groups: input.groups ?? [],
    locale: input.locale ?? 'en',
  };
  await db().send(
    new PutCommand({ TableName: tableName(), Item: { ...keys.localUser(input.pool, email), type: 'LocalUser', createdAt: nowIso(), ...user } }),
  );
  return sub;
}
