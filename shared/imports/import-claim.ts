// The import claim entity: what an import from an old portal created for one record, under the record's natural key.
// Written in the same transaction as what it records (conditional on not existing), so a second import of the same
// file finds every record it already did with one BatchGet and creates nothing twice. Owns its key, item and read.

import { BatchGetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import * as z from '#shared/validation.ts';

export type ClaimedRecord = 'account' | 'user' | 'licence';

export interface ImportClaim {
  record: ClaimedRecord;
  /** The old account id; old account id + ' ' + e-mail for a user; the serial for a licence. */
  naturalKey: string;
  accountId: string;
  /** What was created: the account id, the user's `sub`, the licence id. */
  createdId: string;
  importedAt: string;
}

export const importClaimKey = keys.importClaim;

const importClaimSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    record: z.enum(['account', 'user', 'licence']),
    naturalKey: z.string(),
    accountId: z.string(),
    createdId: z.string(),
    importedAt: z.string(),
  }),
);

export function importClaimItem(claim: ImportClaim): Item {
  return { ...importClaimKey(claim.record, claim.naturalKey), type: 'ImportClaim', ...claim };
}

export function importClaimFromItem(item: Item): ImportClaim {
  return parseItem('ImportClaim', importClaimSchema, item);
}

type Key = { PK: string; SK: string };

/**
 * The items of these keys that exist, by `PK`: BatchGetItem in chunks of 100 (its limit), strongly consistent, each
 * chunk's unprocessed keys asked again at most 4 times. At most ceil(keys / 100) + retries calls.
 */
export async function batchGetByKeys(wanted: Key[]): Promise<Map<string, Item>> {
  const found = new Map<string, Item>();
  const unique = [...new Map(wanted.map((key) => [`${key.PK}\u0000${key.SK}`, key])).values()];
  for (let start = 0; start < unique.length; start += 100) {
    let pending: Key[] | undefined = unique.slice(start, start + 100);
    for (let attempt = 0; pending?.length && attempt < 5; attempt += 1) {
      const result = await db().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending, ConsistentRead: true } } }));
      for (const item of result.Responses?.[tableName()] ?? []) found.set(`${String(item.PK)}\u0000${String(item.SK)}`, item);
      pending = result.UnprocessedKeys?.[tableName()]?.Keys as Key[] | undefined;
    }
    if (pending?.length) throw new Error('DynamoDB left keys unread; try again.');
  }
  return found;
}

export function keyId(key: Key): string {
  return `${key.PK}\u0000${key.SK}`;
}
