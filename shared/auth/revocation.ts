// Sign-out, a new password and (later) a staff "sign out everywhere" end access tokens on the next API call, not when
// they expire 15 minutes later: the user gets a `revokedBefore` time (epoch seconds), and a token issued before it is
// refused. Customers keep it on their person item, which customerCaller reads anyway (no extra round trip);
// staff have no membership, so staffCaller reads one small item per request (one eventually consistent GetItem).
//
// Tokens carry `iat` in whole seconds, so the comparison is `iat < revokedBefore` with revokedBefore the second of the
// revocation: a sign-in in that same second still works, and a token issued in that second before the revocation
// is not refused (at most one second's window). Refresh tokens are revoked by the identity provider itself; another
// device of the same user, whose access token is now refused, gets a new one from its own refresh token.
//
// The staff revocation entity (one item per staff user) lives here, in its section below: only this module touches it.

import { PutCommand } from '#shared/db/commands.ts';
import type { PoolName } from '#shared/config.ts';
import { updatePerson } from '#shared/accounts/person.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { nowEpochSeconds } from '#shared/time.ts';
import * as z from '#shared/validation.ts';

// --- The staff revocation entity ------------------------------------------------------------------------------------

export interface StaffRevocation {
  /** Epoch seconds: the staff user's access tokens issued earlier are refused. */
  revokedBefore: number;
}

export const staffRevocationKey = keys.staffRevocation;

const staffRevocationSchema = /* @__PURE__ */ lazySchema(() => z.object({ revokedBefore: z.number() }));

export function staffRevocationItem(userId: string, revocation: StaffRevocation): Item {
  return { ...staffRevocationKey(userId), type: 'StaffRevocation', ...revocation };
}

export function staffRevocationFromItem(item: Item): StaffRevocation {
  return parseItem('StaffRevocation', staffRevocationSchema, item);
}

// --- Use cases ------------------------------------------------------------------------------------------------------

/** Refuses, from now on, every access token of this user issued before this second. */
export async function revokeSessions({ pool, userId }: { pool: PoolName; userId: string }): Promise<void> {
  const revokedBefore = nowEpochSeconds();
  if (pool === 'staff') {
    await db().send(new PutCommand({ TableName: tableName(), Item: staffRevocationItem(userId, { revokedBefore }) }));
    return;
  }
  await updatePerson(userId, { revokedBefore });
}

/** Whether a token with these claims was issued before the revocation (API Gateway hands `iat` over as a string). */
export function issuedBeforeRevocation(claims: Record<string, unknown>, revokedBefore: unknown): boolean {
  if (typeof revokedBefore !== 'number') return false;
  const issuedAt = Number(claims.iat);
  return !Number.isFinite(issuedAt) || issuedAt < revokedBefore;
}
