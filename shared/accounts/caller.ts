// Who is calling: the verified claims the API Gateway JWT authorizer put on the event, resolved to a staff user here
// and to a person acting for an account in shared/accounts/customer-caller.ts (kept apart, so staff and public
// bundles leave the customer's reads and the IP allow-list matcher out).

import { ForbiddenError, UnauthorizedError } from '#shared/http/errors.ts';
import type { HttpEvent } from '#shared/http/handler.ts';
import { firstMembership, type Membership } from '#shared/accounts/membership.ts';
import type { Person } from '#shared/accounts/person.ts';
import type { CustomerRole } from '#shared/accounts/roles.ts';
import { groupsOf, STAFF_GROUPS } from '#shared/accounts/groups.ts';
import { issuedBeforeRevocation } from '#shared/auth/revocation.ts';
import { staffUserState } from '#shared/staff/staff-user.ts';

// The account's and the membership's reads live in their entity modules; these stay importable from here.
export { getAccount } from '#shared/accounts/account.ts';
export { firstMembership, groupsOf };

export interface CustomerCaller {
  userId: string;
  /** The account this call acts for: the one the `x-atrium-account` header names, checked against the memberships. */
  accountId: string;
  email: string;
  /** The person's role in that account (a staff user viewing the account reads as its owner). */
  role: CustomerRole;
  /** The person's own settings (name, language, IP allow-list...), read in the same Query as the memberships. */
  person: Person;
  /** Every account the person acts for (at most MAX_ACCOUNTS_PER_PERSON): the account switch lists them. */
  memberships: Membership[];
  sourceIp: string;
  /** Set when a staff user views the account read-only: their user id (the other fields are the account owner's). */
  viewingStaffUserId?: string;
}

export interface StaffCaller {
  userId: string;
  groups: string[];
  /** From the staff user's item; undefined for a staff user Atrium has no item for (created outside the staff pages). */
  email: string | undefined;
}

/** An access token's verified claims, with the user's id (`sub`) checked to be a string. */
type AccessClaims = Record<string, unknown> & { sub: string };

export function claimsOf(event: HttpEvent): AccessClaims {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  const sub = claims?.sub;
  // The authorizer already verified the token; these checks guard against a route wired without one.
  if (!claims || typeof sub !== 'string' || claims.token_use !== 'access') throw new UnauthorizedError();
  return { ...claims, sub };
}

// The same answer as a dead refresh token, which the pages already explain in English and Polish.
export const sessionEnded = () => new UnauthorizedError('Your session has ended. Sign in again.', 'SESSION_EXPIRED');

/**
 * Staff have no membership to read: one small Query per request reads the staff user's item and their revocation, so a
 * disabled staff user or a revoked session is refused on the next call.
 */
export async function staffCaller(event: HttpEvent): Promise<StaffCaller> {
  const claims = claimsOf(event);
  const groups = groupsOf(claims).filter((group) => (STAFF_GROUPS as readonly string[]).includes(group));
  if (groups.length === 0) throw new ForbiddenError('This page is for staff.');
  const userId = claims.sub;
  const { user, revokedBefore } = await staffUserState(userId);
  if (user?.status === 'disabled' || issuedBeforeRevocation(claims, revokedBefore)) throw sessionEnded();
  return { userId, groups, email: user?.email };
}
