// The sign-in history of a user: when, from which IP and country, on which device, how (password or order number),
// and whether it succeeded; the security centre shows it, the customer page too.
// The sign-in record entity lives here, in its section below: this module is the only one that writes or reads it.

import { deviceOf } from '#shared/auth/device.ts';
import { PutCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys, SK_PREFIX } from '#shared/db/keys.ts';
import { queryPage, type Page } from '#shared/db/page.ts';
import { newId } from '#shared/ids.ts';
import type { FirstFactor } from '#shared/identity/port.ts';
import { now, nowEpochSeconds } from '#shared/time.ts';
import * as z from '#shared/validation.ts';

/** Sign-ins are kept for a year. */
const KEEP_SECONDS = 365 * 24 * 3600;

/** Why a sign-in of a known user failed: the address is not on the person's IP allow-list. */
export const SIGN_IN_FAILURES = ['ip-not-allowed'] as const;
export type SignInFailure = (typeof SIGN_IN_FAILURES)[number];

export interface SignInRecord {
  at: string;
  sourceIp: string;
  method: FirstFactor;
  userAgent?: string;
  /** Parsed from the user agent when read (shared/auth/device.ts): the sign-in bundle stays small, old records get one too. */
  device?: string;
  /** ISO country code from CloudFront's viewer-country header; absent when the API is not behind CloudFront. */
  country?: string;
  /** Absent on records written before outcomes were kept: those were all successful. */
  outcome?: 'success' | 'failure';
  failure?: SignInFailure;
}

// --- The sign-in record entity --------------------------------------------------------------------------------------

/** The record as stored: with the epoch second it expires (TTL, checked on read). */
export interface StoredSignIn extends Omit<SignInRecord, 'device'> {
  expiresAt: number;
}

/** `signInId` is a ULID of the sign-in's time, so a user's sign-ins sort by time. */
export const signInKey = keys.signIn;

const signInSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    at: z.string(),
    sourceIp: z.string(),
    method: z.enum(['password', 'order-number']),
    userAgent: z.optional(z.string()),
    country: z.optional(z.string()),
    outcome: z.optional(z.enum(['success', 'failure'])),
    failure: z.optional(z.enum(SIGN_IN_FAILURES)),
    expiresAt: z.number(),
  }),
);

export function signInItem(userId: string, signInId: string, signIn: StoredSignIn): Item {
  return { ...signInKey(userId, signInId), type: 'SignIn', ...signIn };
}

export function signInFromItem(item: Item): StoredSignIn {
  return parseItem('SignIn', signInSchema, item);
}

// --- Use cases ------------------------------------------------------------------------------------------------------

/** A sign-in's record, and its time: a successful one also becomes the person's `lastSignIn`. */
export function newSignIn(record: Omit<SignInRecord, 'at' | 'device'>): { at: Date; record: Omit<SignInRecord, 'device'> } {
  const at = now();
  return { at, record: { at: at.toISOString(), ...record } };
}

export function signInPut(userId: string, signIn: { at: Date; record: Omit<SignInRecord, 'device'> }) {
  const stored: StoredSignIn = { ...signIn.record, expiresAt: nowEpochSeconds() + KEEP_SECONDS };
  return { TableName: tableName(), Item: signInItem(userId, newId(signIn.at), stored) };
}

export async function recordSignIn(userId: string, record: Omit<SignInRecord, 'at' | 'device'>): Promise<void> {
  await db().send(new PutCommand(signInPut(userId, newSignIn(record))));
}

/** Newest first. */
export async function listSignIns(userId: string, page: { limit?: number; cursor?: string }): Promise<Page<SignInRecord>> {
  const nowSeconds = nowEpochSeconds();
  const result = await queryPage(
    {
      partition: signInKey(userId, '').PK,
      sortKeyPrefix: SK_PREFIX.signIn,
      newestFirst: true,
      ...(page.limit ? { limit: page.limit } : {}),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    },
    signInFromItem,
  );
  // TTL deletes late (and not at all locally): expired records are left out here.
  const items = result.items
    .filter((signIn) => signIn.expiresAt > nowSeconds)
    .map(({ expiresAt: _expiresAt, ...record }): SignInRecord => {
      const device = deviceOf(record.userAgent);
      return device ? { ...record, device } : record;
    });
  return { ...result, items };
}
