// The signed reply address of ticket mail, `reply+<number>-<signature>@<reply domain>`: a reply to it lands in the
// ticket's thread (shared/tickets/inbound/). The signature is an HMAC-SHA256 over the ticket number with the stage's
// secret (Secrets Manager in AWS, read once per cold start; locally a fixed development secret), so nobody can aim a
// mail at a ticket whose address they were never sent. The token is lower-case base32: mail systems may lower-case
// the local part, and base64's upper case would then break the signature.

import { createHmac, timingSafeEqual } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { clientOptions, once } from '#shared/aws/client-options.ts';
import { config } from '#shared/config.ts';

// Read here rather than through config(), as the unsubscribe-link secret is: only the functions that sign or check
// reply addresses are given it (the route and worker tables' `ticketReplies`).
export const TICKET_REPLY_SECRET_ID_ENV = 'TICKET_REPLY_SECRET_ID';
/** Locally only: addresses signed with it are worthless anywhere else. */
export const LOCAL_TICKET_REPLY_SECRET = 'atrium-local-ticket-reply-secret';

/** 10 bytes of the HMAC = 80 bits, 16 base32 characters: far beyond guessing, short enough for a local part. */
const SIGNATURE_BYTES = 10;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const LOCAL_PART = /^reply\+([1-9][0-9]{0,14})-([a-z2-7]{16})$/;

const secretsManager = once(() => new SecretsManagerClient(clientOptions(process.env.AWS_REGION ?? 'eu-central-1')));
let cachedSecret: Promise<string> | undefined;

function replySecret(): Promise<string> {
  cachedSecret ??= loadSecret().catch((error: unknown) => {
    cachedSecret = undefined;
    throw error;
  });
  return cachedSecret;
}

async function loadSecret(): Promise<string> {
  const secretId = process.env[TICKET_REPLY_SECRET_ID_ENV];
  if (!secretId) {
    // In Lambda a missing secret id is a deployment mistake: addresses signed with the development secret could be forged.
    if (process.env.AWS_LAMBDA_FUNCTION_NAME) throw new Error(`Missing required environment variable ${TICKET_REPLY_SECRET_ID_ENV}`);
    return LOCAL_TICKET_REPLY_SECRET;
  }
  const { SecretString } = await secretsManager().send(new GetSecretValueCommand({ SecretId: secretId }));
  if (!SecretString || SecretString.length < 32) throw new Error(`The secret ${secretId} holds no ticket reply key of 32+ characters`);
  return SecretString;
}

/** RFC 4648 base32, lower case, no padding. */
export function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

async function signatureOf(ticketNumber: number): Promise<string> {
  const digest = createHmac('sha256', await replySecret())
    .update(`ticket-reply\n${ticketNumber}`)
    .digest();
  return base32(digest.subarray(0, SIGNATURE_BYTES));
}

/** The Reply-To of the ticket's mail, or undefined when this stage receives no mail (no TICKET_REPLY_DOMAIN). */
export async function ticketReplyTo(ticketNumber: number): Promise<string | undefined> {
  const domain = config().ticketReplyDomain;
  if (!domain) return undefined;
  return `reply+${ticketNumber}-${await signatureOf(ticketNumber)}@${domain.toLowerCase()}`;
}

/** The bare address of `Name <local@domain>` or `local@domain`, lower case. */
function bareAddress(address: string): string {
  const angled = /<([^<>]*)>\s*$/.exec(address);
  return (angled ? angled[1]! : address).trim().toLowerCase();
}

/**
 * The ticket number a reply address stands for, or undefined when it is not one of this stage's reply addresses or
 * its signature is wrong (compared in constant time). Case does not matter.
 */
export async function parseReplyAddress(address: string): Promise<number | undefined> {
  const domain = config().ticketReplyDomain;
  if (!domain) return undefined;
  const bare = bareAddress(address);
  const at = bare.lastIndexOf('@');
  if (at < 0 || bare.slice(at + 1) !== domain.toLowerCase()) return undefined;
  const match = LOCAL_PART.exec(bare.slice(0, at));
  if (!match) return undefined;
  const ticketNumber = Number(match[1]);
  if (!Number.isSafeInteger(ticketNumber)) return undefined;
  const given = Buffer.from(match[2]!);
  const expected = Buffer.from(await signatureOf(ticketNumber));
  return given.length === expected.length && timingSafeEqual(given, expected) ? ticketNumber : undefined;
}

export function resetTicketReplySecretForTests(): void {
  cachedSecret = undefined;
}
