// Who is calling: the verified claims the API Gateway JWT authorizer put on the event, resolved to an account.

import { ForbiddenError, UnauthorizedError } from '#shared/http/errors.ts';
import type { HttpEvent } from '#shared/http/handler.ts';
import { firstMembership } from '#shared/accounts/membership.ts';
import { groupsOf, STAFF_GROUPS } from '#shared/accounts/groups.ts';
import { issuedBeforeRevocation } from '#shared/auth/revocation.ts';
import { staffUserState } from '#shared/staff/staff-user.ts';
import { liveViewAsSession } from '#shared/accounts/view-as.ts';
import { VIEW_AS_PARAMETER } from '#shared/api/contract.ts';

// The account's and the membership's reads live in their entity modules; these stay importable from here.
export { getAccount } from '#shared/accounts/account.ts';
export { firstMembership, groupsOf };

export interface CustomerCaller {
  userId: string;
  accountId: string;
  email: string;
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

function claimsOf(event: HttpEvent): AccessClaims {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  const sub = claims?.sub;
  // The authorizer already verified the token; these checks guard against a route wired without one.
  if (!claims || typeof sub !== 'string' || claims.token_use !== 'access') throw new UnauthorizedError();
  return { ...claims, sub };
}

// The same answer as a dead refresh token, which the pages already explain in English and Polish.
const sessionEnded = () => new UnauthorizedError('Your session has ended. Sign in again.', 'SESSION_EXPIRED');

export async function customerCaller(event: HttpEvent): Promise<CustomerCaller> {
  const viewAsAccountId = event.pathParameters?.[VIEW_AS_PARAMETER];
  if (viewAsAccountId !== undefined) return viewAsCaller(event, viewAsAccountId);
  const claims = claimsOf(event);
  const userId = claims.sub;
  const membership = await firstMembership(userId);
  if (!membership) throw new ForbiddenError('No customer account is linked to this sign-in.');
  // Signed out (or a new password) since this token was issued: the membership read above carries the time.
  if (issuedBeforeRevocation(claims, membership.revokedBefore)) throw sessionEnded();
  return { userId, accountId: membership.accountId, email: membership.email };
}

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

/**
 * A staff user on a customer route mounted under `/api/view-as/{accountId}` (the staff pool's authorizer let them in):
 * the account's owner, if the staff user started viewing this account within the hour. Two reads, side by side.
 */
async function viewAsCaller(event: HttpEvent, accountId: string): Promise<CustomerCaller> {
  const [staff, session] = await Promise.all([staffCaller(event), liveViewAsSession(claimsOf(event).sub, accountId)]);
  if (!session) {
    throw new ForbiddenError('Start viewing this customer again from their page, with a reason.', 'VIEW_AS_NOT_STARTED');
  }
  return { userId: session.ownerUserId, accountId, email: session.ownerEmail, viewingStaffUserId: staff.userId };
}
