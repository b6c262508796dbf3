// The one-click unsubscribe link of every marketing mail: an HMAC-SHA256 over the person's id and the list, with the
// stage's secret (Secrets Manager in AWS, read once per cold start; locally a fixed development secret). Anyone holding
// the link may unsubscribe that person from that list, and nothing else.

import { createHmac, timingSafeEqual } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { clientOptions, once } from '#shared/aws/client-options.ts';

// Read here rather than through config(), as the licence-signing secret is: only the routes that sign or check
// unsubscribe links are given it (the route table's `unsubscribeLinks`).
const SECRET_ID_ENV = 'UNSUBSCRIBE_SECRET_ID';
/** Locally only: links signed with it are worthless anywhere else. */
export const LOCAL_UNSUBSCRIBE_SECRET = 'atrium-local-unsubscribe-secret';

const secretsManager = once(() => new SecretsManagerClient(clientOptions(process.env.AWS_REGION ?? 'eu-central-1')));
let cachedSecret: Promise<string> | undefined;

function unsubscribeSecret(): Promise<string> {
  cachedSecret ??= loadSecret().catch((error: unknown) => {
    cachedSecret = undefined;
    throw error;
  });
  return cachedSecret;
}

async function loadSecret(): Promise<string> {
  const secretId = process.env[SECRET_ID_ENV];
  if (!secretId) {
    // In Lambda a missing secret id is a deployment mistake: links signed with the development secret could be forged.
    if (process.env.AWS_LAMBDA_FUNCTION_NAME) throw new Error(`Missing required environment variable ${SECRET_ID_ENV}`);
    return LOCAL_UNSUBSCRIBE_SECRET;
  }
  const { SecretString } = await secretsManager().send(new GetSecretValueCommand({ SecretId: secretId }));
  if (!SecretString || SecretString.length < 32) throw new Error(`The secret ${secretId} holds no unsubscribe key of 32+ characters`);
  return SecretString;
}

async function signatureOf(userId: string, list: string): Promise<Buffer> {
  return createHmac('sha256', await unsubscribeSecret())
    .update(`${userId}\n${list}`)
    .digest();
}

export interface UnsubscribeToken {
  /** The person (user id). */
  u: string;
  /** The list. */
  l: string;
  /** base64url HMAC-SHA256 of `u` and `l`. */
  s: string;
}

export async function unsubscribeToken(userId: string, list: string): Promise<UnsubscribeToken> {
  return { u: userId, l: list, s: (await signatureOf(userId, list)).toString('base64url') };
}

/** Whether the link's signature is the one this stage's secret gives (compared in constant time). */
export async function isValidUnsubscribeToken(token: UnsubscribeToken): Promise<boolean> {
  const given = Buffer.from(token.s, 'base64url');
  const expected = await signatureOf(token.u, token.l);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The page a person opens from the mail (a button), and the URL mail clients POST to (RFC 8058). */
export async function unsubscribeUrls(portalUrl: string, userId: string, list: string): Promise<{ page: string; oneClick: string }> {
  const query = new URLSearchParams({ ...(await unsubscribeToken(userId, list)) }).toString();
  return { page: `${portalUrl}/unsubscribe?${query}`, oneClick: `${portalUrl}/api/mailing/unsubscribe?${query}` };
}

export function resetUnsubscribeSecretForTests(): void {
  cachedSecret = undefined;
}
