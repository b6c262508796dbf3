// Who is calling: the verified claims the API Gateway JWT authorizer put on the event, resolved to an account.

import { GetCommand, QueryCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { GSI1 } from '#shared/db/table.ts';
import { ForbiddenError, UnauthorizedError } from '#shared/http/errors.ts';
import type { HttpEvent } from '#shared/http/handler.ts';
import type { Account } from '#shared/accounts/model.ts';
import { groupsOf, STAFF_GROUPS } from '#shared/accounts/groups.ts';

export { groupsOf };

export interface CustomerCaller {
  userId: string;
  accountId: string;
  email: string;
}

export interface StaffCaller {
  userId: string;
  groups: string[];
}

function claimsOf(event: HttpEvent): Record<string, unknown> {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  // The authorizer already verified the token; these checks guard against a route wired without one.
  if (!claims || typeof claims.sub !== 'string' || claims.token_use !== 'access') throw new UnauthorizedError();
  return claims;
}

/** The user's first account membership (GSI1 `USER#<sub>`, Limit 1), if they have one. Eventually consistent. */
export async function firstMembership(userId: string): Promise<Record<string, unknown> | undefined> {
  const result = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: GSI1.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': GSI1.partitionKey },
      ExpressionAttributeValues: { ':pk': keys.membershipByUser(userId, '').GSI1PK },
      Limit: 1,
    }),
  );
  return result.Items?.[0];
}

export async function customerCaller(event: HttpEvent): Promise<CustomerCaller> {
  const claims = claimsOf(event);
  const userId = claims.sub as string;
  const membership = await firstMembership(userId);
  if (!membership) throw new ForbiddenError('No customer account is linked to this sign-in.');
  return { userId, accountId: membership.accountId as string, email: membership.email as string };
}

export function staffCaller(event: HttpEvent): StaffCaller {
  const claims = claimsOf(event);
  const groups = groupsOf(claims).filter((group) => (STAFF_GROUPS as readonly string[]).includes(group));
  if (groups.length === 0) throw new ForbiddenError('This page is for staff.');
  return { userId: claims.sub as string, groups };
}

export async function getAccount(accountId: string): Promise<Account | undefined> {
  const result = await db().send(new GetCommand({ TableName: tableName(), Key: keys.account(accountId) }));
  return result.Item as Account | undefined;
}
