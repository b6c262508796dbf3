// Reading the catalogue: its whole current state in one keyed Query of the CATALOGUE partition (a few dozen items; the
// price history sorts outside the `CAT#` prefix, so it never weighs on this read), a SKU's price history, and what an
// order may be placed for.

import type { Period } from '#shared/subscriptions/periods.ts';
import { GetCommand, QueryCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { queryPage, type Page } from '#shared/db/page.ts';
import {
  CATALOGUE_PARTITION,
  CATALOGUE_PREFIX,
  editionFromItem,
  priceVersionFromItem,
  priceVersionPrefix,
  productFromItem,
  skuFromItem,
  skuKey,
  upgradeFromItem,
  type Edition,
  type PriceVersion,
  type Product,
  type Sku,
  type Upgrade,
} from '#shared/catalogue/model.ts';
import type { Money } from '#shared/money.ts';

export interface Catalogue {
  products: Product[];
  editions: Edition[];
  skus: Sku[];
  upgrades: Upgrade[];
}

/** A 1 MB Query page holds thousands of catalogue items; more pages than this means something wrote garbage here. */
const MAX_PAGES = 4;

export async function readCatalogue(): Promise<Catalogue> {
  const catalogue: Catalogue = { products: [], editions: [], skus: [], upgrades: [] };
  let startKey: Record<string, unknown> | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': CATALOGUE_PARTITION, ':prefix': CATALOGUE_PREFIX },
        // Staff edit and then read it back: the page must show their own change.
        ConsistentRead: true,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const item of result.Items ?? []) {
      const sortKey = String(item.SK);
      if (sortKey.startsWith('CAT#PRODUCT#')) catalogue.products.push(productFromItem(item));
      else if (sortKey.startsWith('CAT#EDITION#')) catalogue.editions.push(editionFromItem(item));
      else if (sortKey.startsWith('CAT#SKU#')) catalogue.skus.push(skuFromItem(item));
      else if (sortKey.startsWith('CAT#UPGRADE#')) catalogue.upgrades.push(upgradeFromItem(item));
    }
    startKey = result.LastEvaluatedKey;
    if (!startKey) return catalogue;
  }
  throw new Error(`The catalogue partition holds more than ${MAX_PAGES} pages of items`);
}

export async function readSku(sku: string): Promise<Sku | undefined> {
  const result = await db().send(new GetCommand({ TableName: tableName(), Key: skuKey(sku), ConsistentRead: true }));
  return result.Item ? skuFromItem(result.Item) : undefined;
}

/** One SKU's price versions, newest first (by currency, then version), optionally of one currency only. */
export function priceHistory(sku: string, options: { currency?: string; cursor?: string; limit?: number }): Promise<Page<PriceVersion>> {
  return queryPage(
    {
      partition: CATALOGUE_PARTITION,
      sortKeyPrefix: priceVersionPrefix(sku, options.currency),
      newestFirst: true,
      ...(options.cursor ? { cursor: options.cursor } : {}),
      ...(options.limit ? { limit: options.limit } : {}),
    },
    priceVersionFromItem,
  );
}

/** A SKU as an order line quotes it: names resolved, and whether it may be sold now. */
export interface SellableSku {
  sku: string;
  /** The catalogue product's id (`remote-access`); `product` is its name. */
  productId?: string;
  product: string;
  edition: string;
  users: number;
  supportYears: number;
  days?: number;
  /** A service plan's period (shared/catalogue/model.ts Sku.period). */
  period?: Period;
  /** The edition's id: a service plan's id within its product. */
  editionId?: string;
  /** False when the SKU, its edition or its product is retired. */
  active: boolean;
  prices: Record<string, { amountMinor: number; version: number }>;
}

/** Every SKU with its product's and edition's names; a SKU whose product or edition is missing is left out. */
export function sellableSkus(catalogue: Catalogue): SellableSku[] {
  const products = new Map(catalogue.products.map((product) => [product.productId, product]));
  const editions = new Map(catalogue.editions.map((edition) => [`${edition.productId}#${edition.editionId}`, edition]));
  const sorted = [...catalogue.skus].sort(
    (a, b) => a.productId.localeCompare(b.productId) || a.users - b.users || a.supportYears - b.supportYears || a.sku.localeCompare(b.sku),
  );
  return sorted.flatMap((sku) => {
    const product = products.get(sku.productId);
    const edition = editions.get(`${sku.productId}#${sku.editionId}`);
    if (!product || !edition) return [];
    return [
      {
        sku: sku.sku,
        productId: sku.productId,
        product: product.name,
        edition: edition.name,
        users: sku.users,
        supportYears: sku.supportYears,
        ...(sku.days ? { days: sku.days } : {}),
        ...(sku.period ? { period: sku.period } : {}),
        editionId: sku.editionId,
        active: sku.status === 'active' && edition.status === 'active' && product.status === 'active',
        prices: Object.fromEntries(
          Object.entries(sku.prices).map(([currency, price]) => [currency, { amountMinor: price.amountMinor, version: price.version }]),
        ),
      },
    ];
  });
}

/** The SKU's current price in a currency, or undefined when it has none there. */
export function priceIn(sku: SellableSku, currency: string): (Money & { version: number }) | undefined {
  const price = sku.prices[currency];
  return price ? { amountMinor: price.amountMinor, currency, version: price.version } : undefined;
}

/** A SKU as the staff API shows it: its current prices as a list, by currency code. */
export function toSkuView(sku: Sku) {
  return {
    sku: sku.sku,
    productId: sku.productId,
    editionId: sku.editionId,
    users: sku.users,
    supportYears: sku.supportYears,
    ...(sku.days ? { days: sku.days } : {}),
    ...(sku.period ? { period: sku.period } : {}),
    status: sku.status,
    prices: Object.entries(sku.prices)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, price]) => ({ amountMinor: price.amountMinor, currency, version: price.version, validFrom: price.validFrom })),
    updatedAt: sku.updatedAt,
  };
}
