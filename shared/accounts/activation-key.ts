// The account's activation key: entered in the vendor's software, it lets that software activate the account's licences
// through the licensing API. The activation key entity is a look-up item per key (written with the account) that finds
// the account without a Scan; this module owns its key, its item and its read.

import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import * as z from '#shared/validation.ts';
import type { Account } from '#shared/accounts/account.ts';

/** People and programs send keys with or without dashes and spaces, in any case: `naqr hvw5` is `NAQR-HVW5`. */
export function normaliseActivationKey(activationKey: string): string {
  return activationKey.replace(/[\s-]+/g, '').toUpperCase();
}

/** The look-up item's key, by the normalised key. */
export const activationKeyKey = keys.activationKey;

const activationKeySchema = /* @__PURE__ */ lazySchema(() => z.object({ accountId: z.string() }));

/**
 * The look-up item from the account's activation key to the account (the licensing API's way in). Write it with the
 * account, conditional on `attribute_not_exists(PK)` where keys are generated, so that no two accounts share a key.
 */
export function activationKeyItem(account: Pick<Account, 'accountId' | 'activationKey'>): Item {
  return { ...activationKeyKey(normaliseActivationKey(account.activationKey)), type: 'ActivationKey', accountId: account.accountId };
}

export function activationKeyFromItem(item: Item): { accountId: string } {
  return parseItem('ActivationKey', activationKeySchema, item);
}

/** The account that owns this key, or undefined: one GetItem on the key's look-up item. */
export async function accountIdForActivationKey(activationKey: string): Promise<string | undefined> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: activationKeyKey(normaliseActivationKey(activationKey)) }));
  return found.Item ? activationKeyFromItem(found.Item).accountId : undefined;
}
