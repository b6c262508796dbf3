// The sign-in history of a user: when, from which IP, and how (password or order number); the profile shows it.
// The sign-in record entity lives here, in its section below: this module is the only one that writes or reads it.

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

export interface SignInRecord {
  at: string;
  sourceIp: string;
  method: FirstFactor;
  userAgent?: string;
}

// --- The sign-in record entity --------------------------------------------------------------------------------------

/** The record as stored: with the epoch second it expires (TTL, checked on read). */
export interface StoredSignIn extends SignInRecord {
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

export async function recordSignIn(userId: string, record: Omit<SignInRecord, 'at'>): Promise<void> {
  const at = now();
  const signIn: StoredSignIn = { at: at.toISOString(), ...record, expiresAt: nowEpochSeconds() + KEEP_SECONDS };
  await db().send(new PutCommand({ TableName: tableName(), Item: signInItem(userId, newId(at), signIn) }));
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
  const items = result.items.filter((signIn) => signIn.expiresAt > nowSeconds).map(({ expiresAt: _expiresAt, ...record }) => record);
  return { ...result, items };
}
