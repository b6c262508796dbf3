// Sign-in with e-mail + order number: the order must belong to an account the user is a member of. Used by the
// local adapter and by the Cognito custom-auth challenge trigger, so both accept exactly the same order numbers.

import { randomInt } from 'node:crypto';
import { isMember } from '#shared/accounts/membership.ts';
import { findOrderReference } from '#shared/orders/order-reference-claim.ts';

// Order references belong to the orders area; re-exported for the identity code that imports it from here.
export { normaliseOrderReference } from '#shared/orders/order-reference-claim.ts';

/** Two reads at most: the reference's owner, then the user's membership of that account. */
export async function orderReferenceBelongsToUser(reference: string, userId: string): Promise<boolean> {
  const owner = await findOrderReference(reference);
  return owner !== undefined && (await isMember(owner.accountId, userId));
}

/** A six-digit one-time code, uniformly random. */
export function newEmailCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}
