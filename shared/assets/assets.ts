// The asset use cases (issue #13): the customer lists their assets (the "Moje zasoby" page and the technical ticket's
// picker), reads one and keeps a note on it; staff list a contract's assets, add, edit and move them, each write with
// its audit entry in one transaction. Every asset write keeps its contract's asset count (on the account's copy of the
// contract) in the same transaction, conditioned on that copy existing: an asset is only ever under a contract the
// account has.

import { type Asset, assetFromItem, assetItem, assetLabel, getAccountAsset, listContractAssets } from '#shared/assets/model.ts';
import type { AssetCategory } from '#shared/assets/categories.ts';
import type { AuditTrail, TransactItem } from '#shared/audit/audit.ts';
import { changesBetween } from '#shared/audit/audit.ts';
import { productKey } from '#shared/catalogue/model.ts';
import { contractsUnderActiveSupport } from '#shared/contracts/account-contracts.ts';
import { accountContractKey, contractFromItem, contractKey } from '#shared/contracts/contract.ts';
import { GetCommand, UpdateCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { accountPartition, keys, SK_PREFIX } from '#shared/db/keys.ts';
import { type Page, queryPage } from '#shared/db/page.ts';
import { ConflictError, NotFoundError, ValidationError } from '#shared/http/errors.ts';
import { newId } from '#shared/ids.ts';

export type Commit = AuditTrail['commit'];

/** An asset as the customer sees it. */
export interface AssetView extends Omit<Asset, 'accountId' | 'createdAt'> {
  label: string;
}

export interface StaffAssetView extends Asset {
  label: string;
}

export function toAssetView(asset: Asset): AssetView {
  const { accountId: _account, createdAt: _created, ...fields } = asset;
  return { ...fields, label: assetLabel(asset) };
}

export function toStaffAssetView(asset: Asset): StaffAssetView {
  return { ...asset, label: assetLabel(asset) };
}

// --- Customer -------------------------------------------------------------------------------------------------------

export interface AssetListQuery {
  category?: AssetCategory;
  contractNumber?: string;
  underActiveSupport?: boolean;
  q?: string;
  limit?: number;
  cursor?: string;
}

/** `q` as a case-insensitive prefix of the name, the serial number or the MAC (with or without separators). */
function matches(asset: Asset, q: string): boolean {
  const prefix = q.toLowerCase();
  const bare = prefix.replace(/[:.-]/g, '');
  return (
    asset.name.toLowerCase().startsWith(prefix) ||
    (asset.serialNumber?.toLowerCase().startsWith(prefix) ?? false) ||
    (asset.macAddress !== undefined &&
      (asset.macAddress.toLowerCase().startsWith(prefix) ||
        (bare !== '' && asset.macAddress.replace(/:/g, '').toLowerCase().startsWith(bare))))
  );
}

/**
 * One page of the account's assets: a Query of the account's partition (category and contract as equality filters),
 * then, with `underActiveSupport`, only those under an active or expiring contract (one more Query, of the account's
 * contracts), and with `q` those whose name, serial or MAC starts with it. The filters narrow the page read, so a page
 * may be shorter than `limit` while `nextCursor` goes on. At most two Queries.
 */
export async function listAssets(accountId: string, query: AssetListQuery, now: Date): Promise<Page<AssetView>> {
  const where = {
    ...(query.category ? { category: query.category } : {}),
    ...(query.contractNumber ? { contractNumber: query.contractNumber } : {}),
  };
  const [page, active] = await Promise.all([
    queryPage(
      { partition: accountPartition(accountId), sortKeyPrefix: SK_PREFIX.asset, where, limit: query.limit, cursor: query.cursor },
      assetFromItem,
    ),
    query.underActiveSupport ? contractsUnderActiveSupport(accountId, now) : undefined,
  ]);
  const items = page.items
    .filter((asset) => !active || active.has(asset.contractNumber))
    .filter((asset) => !query.q || matches(asset, query.q))
    .map(toAssetView);
  // The narrowing happened after the Query: a short page with more to read must still offer the cursor.
  return { items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

export async function getAsset(accountId: string, assetId: string): Promise<AssetView> {
  return toAssetView(await getAccountAsset(accountId, assetId));
}

/** The customer's note on one of their assets ('' removes it): one conditional UpdateItem (404 for another account's). */
export async function setCustomerNote(accountId: string, assetId: string, note: string, at: string): Promise<AssetView> {
  try {
    const updated = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.asset(accountId, assetId),
        UpdateExpression: note === '' ? 'REMOVE customerNote SET updatedAt = :at' : 'SET customerNote = :note, updatedAt = :at',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':at': at, ...(note === '' ? {} : { ':note': note }) },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return toAssetView(assetFromItem(updated.Attributes ?? {}));
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') throw new NotFoundError('No such asset.');
    throw error;
  }
}

// --- Staff ----------------------------------------------------------------------------------------------------------

export async function staffListContractAssets(
  contractNumber: string,
  page: { limit?: number; cursor?: string },
): Promise<Page<StaffAssetView>> {
  const found = await listContractAssets(contractNumber, page);
  return { items: found.items.map(toStaffAssetView), ...(found.nextCursor ? { nextCursor: found.nextCursor } : {}) };
}

/** The account that has the contract, or 404: an unknown contract, or one nobody has claimed yet. One GetItem. */
async function contractOwner(contractNumber: string): Promise<string> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: contractKey(contractNumber), ConsistentRead: true }));
  const accountId = found.Item ? contractFromItem(found.Item).accountId : undefined;
  if (!accountId) throw new NotFoundError('No account has this contract: an asset goes under a contract an account has.');
  return accountId;
}

async function assertProduct(productId: string | undefined | null): Promise<void> {
  if (!productId) return;
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: productKey(productId) }));
  if (!found.Item) {
    throw new ValidationError('No such product in the catalogue.', [{ path: 'body.productId', message: 'Not a catalogue product.' }]);
  }
}

/** One more (or one fewer) asset under the account's contract; conditional on the account having the contract. */
function countAsset(accountId: string, contractNumber: string, delta: 1 | -1): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: accountContractKey(accountId, contractNumber),
      UpdateExpression: 'ADD assetCount :delta',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':delta': delta },
    },
  };
}

function cancelledAt(error: unknown, index: number): boolean {
  if ((error as Error).name !== 'TransactionCanceledException') return false;
  const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
  return reasons[index]?.Code === 'ConditionalCheckFailed';
}

const changedMeanwhile = () => new ConflictError('The asset changed meanwhile. Reload it and try again.', 'ASSET_CHANGED');

const AUDITED_FIELDS = [
  'contractNumber',
  'category',
  'name',
  'vendor',
  'model',
  'serialNumber',
  'macAddress',
  'location',
  'productId',
] as const satisfies readonly (keyof Asset)[];

export interface NewAsset {
  contractNumber: string;
  category: AssetCategory;
  name: string;
  vendor: string;
  model?: string;
  serialNumber?: string;
  macAddress?: string;
  location?: string;
  productId?: string;
}

/** Staff: a new asset under a claimed contract, in the account that has it, with its contract's count and the audit. */
export async function createAsset(input: NewAsset, now: Date, commit: Commit): Promise<StaffAssetView> {
  const [accountId] = await Promise.all([contractOwner(input.contractNumber), assertProduct(input.productId)]);
  const at = now.toISOString();
  const asset: Asset = { ...input, assetId: newId(now), accountId, createdAt: at, updatedAt: at };
  try {
    await commit({
      target: { kind: 'asset', id: asset.assetId, accountId, label: assetLabel(asset) },
      changes: changesBetween(undefined, asset, AUDITED_FIELDS),
      items: [
        { Put: { TableName: tableName(), Item: assetItem(asset), ConditionExpression: 'attribute_not_exists(PK)' } },
        countAsset(accountId, asset.contractNumber, 1),
      ],
    });
  } catch (error) {
    // The contract left the account between the read and the write (no such thing today, but never a 500).
    if (cancelledAt(error, 1)) throw changedMeanwhile();
    throw error;
  }
  return toStaffAssetView(asset);
}

export interface AssetEdit {
  category?: AssetCategory;
  name?: string;
  vendor?: string;
  model?: string | null;
  serialNumber?: string | null;
  macAddress?: string | null;
  location?: string | null;
  productId?: string | null;
}

/** Staff: changes an asset's fields; null removes an optional one. Conditioned on the version read (409 otherwise). */
export async function editAsset(accountId: string, assetId: string, edit: AssetEdit, now: Date, commit: Commit): Promise<StaffAssetView> {
  const [before] = await Promise.all([getAccountAsset(accountId, assetId), assertProduct(edit.productId)]);
  const after: Asset = { ...before, updatedAt: now.toISOString() };
  for (const [field, value] of Object.entries(edit) as [keyof AssetEdit, string | null | undefined][]) {
    if (value === undefined) continue;
    if (value === null) delete after[field];
    else (after as unknown as Record<string, string>)[field] = value;
  }
  if (!after.serialNumber && !after.macAddress) {
    throw new ValidationError('An asset keeps a serial number, a MAC address or both.', [
      { path: 'body.serialNumber', message: 'Give a serial number, a MAC address or both.' },
    ]);
  }
  try {
    await commit({
      target: { kind: 'asset', id: assetId, accountId, label: assetLabel(after) },
      changes: changesBetween(before, after, AUDITED_FIELDS),
      items: [
        {
          Put: {
            TableName: tableName(),
            Item: assetItem(after),
            ConditionExpression: 'updatedAt = :read',
            ExpressionAttributeValues: { ':read': before.updatedAt },
          },
        },
      ],
    });
  } catch (error) {
    if (cancelledAt(error, 0)) throw changedMeanwhile();
    throw error;
  }
  return toStaffAssetView(after);
}

/**
 * Staff: moves an asset to another contract, of the same account or of another. Within the account the item is
 * rewritten in place; across accounts it leaves the old partition and arrives in the new one under the same id,
 * without the old account's note (it was theirs). Both contracts' counts change in the same transaction. 409 if it
 * is already under that contract or changed since it was read.
 */
export async function moveAsset(
  accountId: string,
  assetId: string,
  contractNumber: string,
  now: Date,
  commit: Commit,
): Promise<StaffAssetView> {
  const [before, targetAccountId] = await Promise.all([getAccountAsset(accountId, assetId), contractOwner(contractNumber)]);
  if (before.contractNumber === contractNumber) {
    throw new ConflictError('The asset is already under this contract.', 'ASSET_ALREADY_UNDER_CONTRACT');
  }
  const sameAccount = targetAccountId === accountId;
  const { customerNote: _note, ...withoutNote } = before;
  const after: Asset = {
    ...(sameAccount ? before : withoutNote),
    accountId: targetAccountId,
    contractNumber,
    updatedAt: now.toISOString(),
  };
  const unchangedSinceRead = { ConditionExpression: 'updatedAt = :read', ExpressionAttributeValues: { ':read': before.updatedAt } };
  const items: TransactItem[] = sameAccount
    ? [{ Put: { TableName: tableName(), Item: assetItem(after), ...unchangedSinceRead } }]
    : [
        { Delete: { TableName: tableName(), Key: keys.asset(accountId, assetId), ...unchangedSinceRead } },
        { Put: { TableName: tableName(), Item: assetItem(after), ConditionExpression: 'attribute_not_exists(PK)' } },
      ];
  items.push(countAsset(accountId, before.contractNumber, -1), countAsset(targetAccountId, contractNumber, 1));
  try {
    await commit({
      // The entry shows on the account the asset leaves; the target account is named in the changes.
      target: { kind: 'asset', id: assetId, accountId, label: assetLabel(after) },
      changes: [
        ...changesBetween(before, after, ['contractNumber']),
        ...(sameAccount ? [] : [{ field: 'accountId', before: accountId, after: targetAccountId }]),
      ],
      items,
    });
  } catch (error) {
    if ((error as Error).name === 'TransactionCanceledException') throw changedMeanwhile();
    throw error;
  }
  return toStaffAssetView(after);
}
