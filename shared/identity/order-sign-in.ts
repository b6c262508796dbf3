// Sign-in with e-mail + order number: the order must belong to an account the user is a member of. Used by the
// local adapter and by the Cognito custom-auth challenge trigger, so both accept exactly the same order numbers.

import { randomInt } from 'node:crypto';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';

/** Order references are stored upper-case without spaces (JWT1042); people type them any way. */
export function normaliseOrderReference(reference: string): string {
  return reference.replace(/\s+/g, '').toUpperCase();
}

/** Two reads at most: the reference's owner, then the user's membership of that account. */
export async function orderReferenceBelongsToUser(reference: string, userId: string): Promise<boolean> {
  const owner = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.orderReference(normaliseOrderReference(reference)) }),
  );
  const accountId = owner.Item?.accountId as string | undefined;
  if (!accountId) return false;
  const membership = await db().send(new GetCommand({ TableName: tableName(), Key: keys.membership(accountId, userId) }));
  return membership.Item !== undefined;
}

/** A six-digit one-time code, uniformly random. */
export function newEmailCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}

