// The asset entity (issue #13, the seed's "Moje zasoby"): a device or piece of software an account has under a support
// contract. Staff add, edit and move assets; the customer sees them and may keep a note on each. Owns its keys, item
// and read; the validation of serial numbers and MAC addresses lives with the asset contracts (shared/api/assets.ts).

import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { accountPartition, keys, SK_PREFIX } from '#shared/db/keys.ts';
import { queryPage } from '#shared/db/page.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import type { Page } from '#shared/paging.ts';
import * as z from '#shared/validation.ts';

import { ASSET_CATEGORIES, type AssetCategory } from '#shared/assets/categories.ts';

export { ASSET_CATEGORIES, type AssetCategory };

export interface Asset {
  assetId: string;
  accountId: string;
  /** The contract that covers it (an account's claimed or assigned contract). */
  contractNumber: string;
  category: AssetCategory;
  name: string;
  vendor: string;
  model?: string;
  /** At least one of serial number and MAC address identifies the asset. */
  serialNumber?: string;
  /** Normalised `AA:BB:CC:DD:EE:FF`. */
  macAddress?: string;
  location?: string;
  /** The catalogue product whose ticket fields a technical ticket on this asset asks (shared/tickets/fields.ts). */
  productId?: string;
  /** The customer's own note (the one thing they may change). */
  customerNote?: string;
  createdAt: string;
  updatedAt: string;
}

const assetSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    assetId: z.string(),
    accountId: z.string(),
    contractNumber: z.string(),
    category: z.enum(ASSET_CATEGORIES),
    name: z.string(),
    vendor: z.string(),
    model: z.optional(z.string()),
    serialNumber: z.optional(z.string()),
    macAddress: z.optional(z.string()),
    location: z.optional(z.string()),
    productId: z.optional(z.string()),
    customerNote: z.optional(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
);

/** The asset in its account's partition, and in its contract's GSI1 partition. */
export function assetItem(asset: Asset): Item {
  return {
    ...keys.asset(asset.accountId, asset.assetId),
    ...keys.contractAssets(asset.contractNumber, asset.assetId),
    type: 'Asset',
    ...asset,
  };
}

export function assetFromItem(item: Item): Asset {
  return parseItem('Asset', assetSchema, item);
}

/** The account's asset, or 404 (another account's id is simply not in this partition). One GetItem. */
export async function getAccountAsset(accountId: string, assetId: string): Promise<Asset> {
  const result = await db().send(new GetCommand({ TableName: tableName(), Key: keys.asset(accountId, assetId) }));
  if (!result.Item) throw new NotFoundError('No such asset.');
  return assetFromItem(result.Item);
}

/** One page of the account's assets, in id (creation) order: one Query in its partition. */
export function listAccountAssets(accountId: string, page: { limit?: number; cursor?: string }): Promise<Page<Asset>> {
  return queryPage({ partition: accountPartition(accountId), sortKeyPrefix: SK_PREFIX.asset, ...page }, assetFromItem);
}

/** One page of the assets a contract covers: one Query of its GSI1 partition. */
export function listContractAssets(contractNumber: string, page: { limit?: number; cursor?: string }): Promise<Page<Asset>> {
  return queryPage({ index: 'GSI1', partition: keys.contractAssets(contractNumber, '').GSI1PK, ...page }, assetFromItem);
}

/** How an asset is named in a ticket and a picker: name, then model and serial or MAC when known. */
export function assetLabel(asset: Pick<Asset, 'name' | 'model' | 'serialNumber' | 'macAddress'>): string {
  const identity = asset.serialNumber ?? asset.macAddress;
  return [asset.name, asset.model, identity ? `(${identity})` : undefined].filter(Boolean).join(' ');
}
