// The account's activation key: entered in the vendor's software, it lets that software activate the account's licences
// through the licensing API. A look-up item per key (written with the account) finds the account without a Scan.

import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';

/** People and programs send keys with or without dashes and spaces, in any case: `naqr hvw5` is `NAQR-HVW5`. */
export function normaliseActivationKey(activationKey: string): string {
  return activationKey.replace(/[\s-]+/g, '').toUpperCase();
}

/** The account that owns this key, or undefined: one GetItem on the key's look-up item. */
export async function accountIdForActivationKey(activationKey: string): Promise<string | undefined> {
  const found = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.activationKey(normaliseActivationKey(activationKey)) }),
  );
  return found.Item?.accountId as string | undefined;
}
