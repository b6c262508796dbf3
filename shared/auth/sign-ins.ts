// The sign-in history of a user: when, from which IP, and how (password or order number); the profile shows it.

import { PutCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys, SK_PREFIX } from '#shared/db/keys.ts';
import { queryPage, type Page } from '#shared/db/page.ts';
import { newId } from '#shared/ids.ts';
import type { FirstFactor } from '#shared/identity/port.ts';
import { now, nowEpochSeconds } from '#shared/time.ts';

/** Sign-ins are kept for a year. */
const KEEP_SECONDS = 365 * 24 * 3600;

export interface SignInRecord {
  at: string;
  sourceIp: string;
  method: FirstFactor;
  userAgent?: string;
}

export async function recordSignIn(userId: string, record: Omit<SignInRecord, 'at'>): Promise<void> {
  const at = now();
  const item: SignInRecord = { at: at.toISOString(), ...record };
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.signIn(userId, newId(at)), type: 'SignIn', ...item, expiresAt: nowEpochSeconds() + KEEP_SECONDS },
    }),
  );
}

/** Newest first. */
export async function listSignIns(userId: string, page: { limit?: number; cursor?: string }): Promise<Page<SignInRecord>> {
  const nowSeconds = nowEpochSeconds();
  const result = await queryPage(
    {
      partition: keys.signIn(userId, '').PK,
      sortKeyPrefix: SK_PREFIX.signIn,
      newestFirst: true,
      ...(page.limit ? { limit: page.limit } : {}),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    },
    (item) => item,
  );
  // TTL deletes late (and not at all locally): expired records are left out here.
  const items = result.items
    .filter((item) => (item.expiresAt as number) > nowSeconds)
    .map((item) => ({
      at: item.at as string,
      sourceIp: item.sourceIp as string,
      method: item.method as FirstFactor,
      ...(typeof item.userAgent === 'string' ? { userAgent: item.userAgent } : {}),
    }));
  return { ...result, items };
}
