// The signed-in customer: the person, the account they act for, and their role in it, checked once per request by the
// shared customer handler (shared/http/customer-handler.ts) against the route's declared roles.

import { ForbiddenError } from '#shared/http/errors.ts';
import type { HttpEvent } from '#shared/http/handler.ts';
import { claimsOf, type CustomerCaller, sessionEnded, staffCaller } from '#shared/accounts/caller.ts';
import { MAX_ACCOUNTS_PER_PERSON, type Membership, membershipFromItem } from '#shared/accounts/membership.ts';
import { isPersonItem, type Person, personFromItem } from '#shared/accounts/person.ts';
import { CUSTOMER_ROLES, type CustomerRole } from '#shared/accounts/roles.ts';
import { liveViewAsSession } from '#shared/accounts/view-as.ts';
import { ACCOUNT_HEADER, VIEW_AS_PARAMETER } from '#shared/api/contract.ts';
import { issuedBeforeRevocation } from '#shared/auth/revocation.ts';
import { QueryCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { GSI1 } from '#shared/db/table.ts';
import { ipAllowed } from '#shared/security/ip-allow-list.ts';
import { ipNotAllowed } from '#shared/security/ip-refusal.ts';

export type { CustomerCaller };

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
  if (!ipAllowed(person.ipAllowList, sourceIp)) {
    // No notice mail from here: every customer bundle would carry the mail path. Sign-in and refresh, where a refused
    // address starts, send it (shared/auth/sign-in.ts, shared/auth/refresh.ts).
    throw ipNotAllowed(sourceIp);
  }
  if (memberships.length === 0) throw new ForbiddenError('No customer account is linked to this sign-in.');
  const requested = headerOf(event, ACCOUNT_HEADER);
  const membership = requested === undefined ? memberships[0]! : memberships.find((candidate) => candidate.accountId === requested);
  if (!membership) throw new ForbiddenError('You do not act for this account (any more). Choose another account.', 'NOT_A_MEMBER');
  if (!roles.includes(membership.role)) {
    throw new ForbiddenError('Your role in this account does not allow this. Ask the account’s owner.', 'ROLE_NOT_ALLOWED');
  }
  return { userId, accountId: membership.accountId, email: membership.email, role: membership.role, person, memberships, sourceIp };
}

/**
 * A staff user on a customer route mounted under `/api/view-as/{accountId}` (the staff pool's authorizer let them in):
 * the account's owner, if the staff user started viewing this account within the hour: two reads side by side, then the owner's person.
 */
async function viewAsCaller(event: HttpEvent, accountId: string): Promise<CustomerCaller> {
  const [staff, session] = await Promise.all([staffCaller(event), liveViewAsSession(claimsOf(event).sub, accountId)]);
  if (!session) {
    throw new ForbiddenError('Start viewing this customer again from their page, with a reason.', 'VIEW_AS_NOT_STARTED');
  }
  // The owner's own settings too (their last sign-in, language...), so the staff user sees the pages as the owner does.
  const { person } = await personAndMemberships(session.ownerUserId);
  return {
    userId: session.ownerUserId,
    accountId,
    email: session.ownerEmail,
    role: 'owner',
    person,
    memberships: [],
    sourceIp: event.requestContext.http.sourceIp,
    viewingStaffUserId: staff.userId,
  };
}
