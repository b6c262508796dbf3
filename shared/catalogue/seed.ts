// The code catalogue (products.ts) written into an empty table: products, editions, SKUs with their first price
// version, and the seed's upgrade paths. A table that already holds a catalogue is left alone, so a restart never undoes
// what staff changed.

import { BatchWriteCommand, QueryCommand } from '#shared/db/commands.ts';
import { db, tableName, type Db } from '#shared/db/client.ts';
import type { Item } from '#shared/db/entity.ts';
import {
  CATALOGUE_PARTITION,
  CATALOGUE_PREFIX,
  editionItem,
  priceVersionItem,
  productItem,
  skuItem,
  upgradeItem,
  type Sku,
} from '#shared/catalogue/model.ts';
import { CATALOGUE, UPGRADE_PATHS } from '#shared/catalogue/products.ts';
import { DEFAULT_TICKET_FIELDS } from '#shared/tickets/fields.ts';
import { ticketFieldsItem } from '#shared/tickets/ticket-fields-store.ts';

/** `Remote Access` → `remote-access`: the ids the seed gives products and editions. */
export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Every item of the seed catalogue, all dated `at`. */
export function catalogueSeedItems(at: string): Item[] {
  const items = new Map<string, Item>();
  const add = (item: Item) => items.set(`${String(item.PK)}|${String(item.SK)}`, item);
  for (const entry of CATALOGUE) {
    const productId = slugOf(entry.product);
    const editionId = slugOf(entry.edition);
    add(productItem({ productId, name: entry.product, status: 'active', updatedAt: at }));
    // Each product asks the seed's technical-ticket questions until staff edit them (shared/tickets/fields.ts).
    add(ticketFieldsItem({ productId, fields: DEFAULT_TICKET_FIELDS, updatedAt: at }));
    add(editionItem({ productId, editionId, name: entry.edition, status: 'active', updatedAt: at }));
    const prices = [entry.unitPrice, ...(entry.otherPrices ?? [])];
    const sku: Sku = {
      sku: entry.sku,
      productId,
      editionId,
      users: entry.users,
      supportYears: entry.supportYears,
      ...(entry.days ? { days: entry.days } : {}),
      ...(entry.period ? { period: entry.period } : {}),
      status: 'active',
      prices: Object.fromEntries(prices.map(({ currency, amountMinor }) => [currency, { amountMinor, version: 1, validFrom: at }])),
      updatedAt: at,
    };
    add(skuItem(sku));
    for (const { currency, amountMinor } of prices) {
      add(priceVersionItem({ sku: entry.sku, currency, version: 1, amountMinor, validFrom: at }));
    }
  }
  for (const path of UPGRADE_PATHS) {
    add(
      upgradeItem({
        productId: slugOf(path.product),
        fromEditionId: slugOf(path.from),
        toEditionId: slugOf(path.to),
        kind: path.kind,
        ...(path.toUsers ? { toUsers: path.toUsers } : {}),
        ...(path.requiresHighestSingleSeat ? { requiresHighestSingleSeat: true } : {}),
        updatedAt: at,
      }),
    );
  }
  return [...items.values()];
}

/** Where to seed: this process's table by default, or a deployed stage's (infra/seed-catalogue.ts). */
export interface SeedTarget {
  client: Pick<Db, 'send'>;
  table: string;
}

/** Writes the seed catalogue unless the table has one; true when it wrote it. */
export async function seedCatalogue(
  at = new Date().toISOString(),
  target: SeedTarget = { client: db(), table: tableName() },
): Promise<boolean> {
  const { client, table } = target;
  const existing = await client.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': CATALOGUE_PARTITION, ':prefix': CATALOGUE_PREFIX },
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  if (existing.Items?.length) return false;
  const requests = catalogueSeedItems(at).map((Item) => ({ PutRequest: { Item } }));
  for (let start = 0; start < requests.length; start += 25) {
    let pending = requests.slice(start, start + 25);
    for (let attempt = 0; pending.length && attempt < 5; attempt += 1) {
      const result = await client.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      pending = (result.UnprocessedItems?.[table] ?? []) as typeof pending;
    }
    if (pending.length) throw new Error('Seeding the catalogue left items unwritten');
  }
  return true;
}
