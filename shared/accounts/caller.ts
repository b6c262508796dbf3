// Who is calling: the verified claims the API Gateway JWT authorizer put on the event, resolved to an account.

import { ForbiddenError, UnauthorizedError } from '#shared/http/errors.ts';
import type { HttpEvent } from '#shared/http/handler.ts';
import { firstMembership, MAX_ACCOUNTS_PER_PERSON, type Membership, membershipFromItem } from '#shared/accounts/membership.ts';
import { isPersonItem, type Person, personFromItem } from '#shared/accounts/person.ts';
import { CUSTOMER_ROLES, type CustomerRole } from '#shared/accounts/roles.ts';
import { groupsOf, STAFF_GROUPS } from '#shared/accounts/groups.ts';
import { issuedBeforeRevocation } from '#shared/auth/revocation.ts';
import { QueryCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { GSI1 } from '#shared/db/table.ts';
import { ipAllowed } from '#shared/security/ip-allow-list.ts';
import { ipNotAllowed } from '#shared/security/ip-refusal.ts';
import { staffUserState } from '#shared/staff/staff-user.ts';
import { liveViewAsSession } from '#shared/accounts/view-as.ts';
import { ACCOUNT_HEADER, VIEW_AS_PARAMETER } from '#shared/api/contract.ts';

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

function claimsOf(event: HttpEvent): AccessClaims {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  const sub = claims?.sub;
  // The authorizer already verified the token; these checks guard against a route wired without one.
  if (!claims || typeof sub !== 'string' || claims.token_use !== 'access') throw new UnauthorizedError();
  return { ...claims, sub };
}

// The same answer as a dead refresh token, which the pages already explain in English and Polish.
const sessionEnded = () => new UnauthorizedError('Your session has ended. Sign in again.', 'SESSION_EXPIRED');

/**
 * The person and their memberships: one Query of GSI1 `USER#<sub>` (the person item sorts first). Eventually
 * consistent, like every read of the index.
 */
export async function personAndMemberships(userId: string): Promise<{ person: Person; memberships: Membership[] }> {
  const result = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: GSI1.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': GSI1.partitionKey },
      ExpressionAttributeValues: { ':pk': keys.personByUser(userId).GSI1PK },
      Limit: MAX_ACCOUNTS_PER_PERSON + 1,
    }),
  );
  let person: Person = { userId };
  const memberships: Membership[] = [];
  for (const item of result.Items ?? []) {
    if (isPersonItem(item)) person = personFromItem(item);
    else memberships.push(membershipFromItem(item));
  }
  return { person, memberships };
}

function headerOf(event: HttpEvent, name: string): string | undefined {
  const value = event.headers?.[name];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The signed-in customer, acting for one of their accounts, if the route's roles allow them: one Query (the person and
 * their memberships) answers who, for which account, whether the session was revoked, whether the address is on the
 * person's allow-list and the role. Refusals: 401 SESSION_EXPIRED, 403 IP_NOT_ALLOWED, 403 NOT_A_MEMBER (the header
 * names an account the person does not act for), 403 ROLE_NOT_ALLOWED.
 */
export async function customerCaller(event: HttpEvent, roles: readonly CustomerRole[] = CUSTOMER_ROLES): Promise<CustomerCaller> {
  const viewAsAccountId = event.pathParameters?.[VIEW_AS_PARAMETER];
  if (viewAsAccountId !== undefined) return viewAsCaller(event, viewAsAccountId);
  const claims = claimsOf(event);
  const userId = claims.sub;
  const sourceIp = event.requestContext.http.sourceIp;
  const { person, memberships } = await personAndMemberships(userId);
  // Signed out (or a new password) since this token was issued: the person read above carries the time.
  if (issuedBeforeRevocation(claims, person.revokedBefore)) throw sessionEnded();
  const requested = headerOf(event, ACCOUNT_HEADER);
  const membership = requested === undefined ? memberships[0] : memberships.find((candidate) => candidate.accountId === requested);
  if (!ipAllowed(person.ipAllowList, sourceIp)) {
    // The notice goes to the person and to the security recipients of the account they tried to act for.
    // No notice mail from here: caller.ts is in every bundle, and the mail path adds ~84 KB to each (sign-up and
    // create-order then pass the 450 KB cap). Sign-in and refresh, where a refused address starts, send it.
    throw ipNotAllowed(sourceIp);
  }
  if (memberships.length === 0) throw new ForbiddenError('No customer account is linked to this sign-in.');
  if (!membership) throw new ForbiddenError('You do not act for this account (any more). Choose another account.', 'NOT_A_MEMBER');
  if (!roles.includes(membership.role)) {
    throw new ForbiddenError('Your role in this account does not allow this. Ask the account’s owner.', 'ROLE_NOT_ALLOWED');
  }
  return { userId, accountId: membership.accountId, email: membership.email, role: membership.role, person, memberships, sourceIp };
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
  return {
    userId: session.ownerUserId,
    accountId,
    email: session.ownerEmail,
    role: 'owner',
    person: { userId: session.ownerUserId },
    memberships: [],
    sourceIp: event.requestContext.http.sourceIp,
    viewingStaffUserId: staff.userId,
  };
}
