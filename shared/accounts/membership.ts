// The membership entity: one user (the identity provider's `sub`) acting for one account. Owns its keys, its item and
// the reads of it: which account a signed-in user acts for, and whether a user belongs to an account.

import { GetCommand, QueryCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { accountPartition, keys, SK_PREFIX } from '#shared/db/keys.ts';
import { GSI1 } from '#shared/db/table.ts';
import * as z from '#shared/validation.ts';
import { CUSTOMER_ROLES, type CustomerRole, roleOf } from '#shared/accounts/roles.ts';

export interface Membership {
  accountId: string;
  userId: string;
  email: string;
  role: CustomerRole;
  createdAt: string;
  /** Epoch seconds: access tokens issued earlier are refused (set by sign-out and a new password; shared/auth/revocation.ts). */
  revokedBefore?: number;
}

/** A person acts for a handful of accounts at most (a consultant, a distributor's staff); an invitation past it is refused. */
export const MAX_ACCOUNTS_PER_PERSON = 25;

export const membershipKey = keys.membership;
/** GSI1 partition listing the accounts one user belongs to. */
export const membershipByUserKey = keys.membershipByUser;

const membershipSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    accountId: z.string(),
    userId: z.string(),
    email: z.string(),
    // Memberships written before roles existed say `contact`: read as read-only (roleOf).
    role: z.enum([...CUSTOMER_ROLES, 'contact']),
    createdAt: z.string(),
    revokedBefore: z.optional(z.number()),
  }),
);

export function membershipItem(membership: Membership): Item {
  return {
    ...membershipKey(membership.accountId, membership.userId),
    ...membershipByUserKey(membership.userId, membership.accountId),
    type: 'Membership',
    ...membership,
  };
}

export function membershipFromItem(item: Item): Membership {
  const stored = parseItem('Membership', membershipSchema, item);
  return { ...stored, role: roleOf(stored.role) };
}

/** The accounts the user belongs to (GSI1 `USER#<sub>`), at most `limit` of them. Eventually consistent. */
export async function membershipsOfUser(userId: string, limit: number): Promise<Membership[]> {
  const result = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: GSI1.name,
      // The person item shares the partition (shared/accounts/person.ts): only the memberships.
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': GSI1.partitionKey, '#sk': GSI1.sortKey },
      ExpressionAttributeValues: { ':pk': membershipByUserKey(userId, '').GSI1PK, ':prefix': membershipByUserKey(userId, '').GSI1SK },
      Limit: limit,
    }),
  );
  return (result.Items ?? []).map(membershipFromItem);
}

/** The user's first account membership (Limit 1), if they have one (pattern 1). Eventually consistent. */
export async function firstMembership(userId: string): Promise<Membership | undefined> {
  return (await membershipsOfUser(userId, 1))[0];
}

/** The user's membership of the account (strongly consistent), or undefined. */
export async function getMembership(accountId: string, userId: string): Promise<Membership | undefined> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: membershipKey(accountId, userId), ConsistentRead: true }));
  return found.Item ? membershipFromItem(found.Item) : undefined;
}

/** Whether the user is a member of the account: one GetItem; only the item's existence counts. */
export async function isMember(accountId: string, userId: string): Promise<boolean> {
  const found = await db().send(
    new GetCommand({ TableName: tableName(), Key: membershipKey(accountId, userId), ProjectionExpression: 'PK' }),
  );
  return found.Item !== undefined;
}

/** The account's members (owner and contacts), at most `limit` of them: one Query of the account's partition. */
export async function membersOfAccount(accountId: string, limit: number): Promise<Membership[]> {
  const result = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': accountPartition(accountId), ':prefix': SK_PREFIX.member },
      Limit: limit,
    }),
  );
  return (result.Items ?? []).map(membershipFromItem);
}
