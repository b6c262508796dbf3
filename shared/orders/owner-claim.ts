// The account owner claim entity: written with the account a staff order creates for a user, conditional on
// `attribute_not_exists(PK)`, so two racing first orders for one new customer cannot create two accounts.

import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import * as z from '#shared/validation.ts';

export interface AccountOwnerClaim {
  accountId: string;
  createdAt: string;
}

export const accountOwnerClaimKey = keys.accountOwnerClaim;

const claimSchema = /* @__PURE__ */ lazySchema(() => z.object({ accountId: z.string(), createdAt: z.string() }));

export function accountOwnerClaimItem(userId: string, claim: AccountOwnerClaim): Item {
  return { ...accountOwnerClaimKey(userId), type: 'AccountOwnerClaim', ...claim };
}

export function accountOwnerClaimFromItem(item: Item): AccountOwnerClaim {
  return parseItem('AccountOwnerClaim', claimSchema, item);
}

/** The account a staff order created for this user, read strongly consistent so a lost race finds the winner's. */
export async function claimedAccountOf(userId: string): Promise<string | undefined> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: accountOwnerClaimKey(userId), ConsistentRead: true }));
  return found.Item ? accountOwnerClaimFromItem(found.Item).accountId : undefined;
}
