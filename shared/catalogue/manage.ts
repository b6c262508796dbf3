// Staff change the catalogue: create and edit products, editions and SKUs, retire and reactivate them, set a SKU's price
// in a currency (a new version, never an overwrite), add and remove upgrade paths. Each use case reads what it needs,
// builds its conditional writes and hands them to the audit's commit, which writes them with the audit entry in one
// transaction; a cancelled transaction becomes a 404 or a 409 from the cancellation reasons of our own items.

import { changesBetween, type AuditChange, type AuditTrail } from '#shared/audit/audit.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import {
  editionFromItem,
  editionItem,
  editionKey,
  priceVersionItem,
  productFromItem,
  productItem,
  productKey,
  skuItem,
  skuKey,
  upgradeItem,
  upgradeKey,
  type CatalogueStatus,
  type Edition,
  type Product,
  type Sku,
  type Upgrade,
  type UpgradeKind,
} from '#shared/catalogue/model.ts';
import { readSku } from '#shared/catalogue/read.ts';
import { AppError, ConflictError, NotFoundError, ValidationError } from '#shared/http/errors.ts';
import type { Money } from '#shared/money.ts';
import type { Period } from '#shared/subscriptions/periods.ts';
import { nowIso } from '#shared/time.ts';

/** The audit trail's commit: our writes and the audit entry in one TransactWriteItems. */
export type Commit = AuditTrail['commit'];
type CommitEntry = Parameters<Commit>[0];

/** The indexes of our items whose condition failed; rethrows anything that is not a cancelled transaction. */
async function committing(commit: Commit, entry: CommitEntry): Promise<Set<number> | undefined> {
  try {
    await commit(entry);
    return undefined;
  } catch (error) {
    if ((error as Error).name !== 'TransactionCanceledException') throw error;
    const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
    const failed = new Set<number>();
    reasons.forEach((reason, index) => {
      if (index < entry.items.length && reason.Code === 'ConditionalCheckFailed') failed.add(index);
    });
    // Cancelled for another reason (a conflict with a concurrent transaction): the caller may simply try again.
    if (failed.size === 0) throw new ConflictError('The catalogue changed at the same moment. Try again.', 'CATALOGUE_BUSY');
    return failed;
  }
}

const exists = 'attribute_exists(PK)';
const absent = 'attribute_not_exists(PK)';

async function getProduct(productId: string): Promise<Product | undefined> {
  const result = await db().send(new GetCommand({ TableName: tableName(), Key: productKey(productId), ConsistentRead: true }));
  return result.Item ? productFromItem(result.Item) : undefined;
}

async function getEdition(productId: string, editionId: string): Promise<Edition | undefined> {
  const result = await db().send(new GetCommand({ TableName: tableName(), Key: editionKey(productId, editionId), ConsistentRead: true }));
  return result.Item ? editionFromItem(result.Item) : undefined;
}

function productNotFound(productId: string): NotFoundError {
  return new NotFoundError(`The catalogue has no product ${productId}.`);
}
function editionNotFound(productId: string, editionId: string): NotFoundError {
  return new NotFoundError(`The product ${productId} has no edition ${editionId}.`);
}
function skuNotFound(sku: string): NotFoundError {
  return new NotFoundError(`The catalogue has no SKU ${sku}.`);
}

// ---------------------------------------------------------------------------------------------------------------------
// Products and editions

export async function createProduct(input: { productId: string; name: string }, commit: Commit): Promise<Product> {
  const product: Product = { ...input, status: 'active', updatedAt: nowIso() };
  const TableName = tableName();
  const failed = await committing(commit, {
    target: { kind: 'catalogue', id: `product:${product.productId}`, label: product.name },
    changes: changesBetween(undefined, product, ['name', 'status']),
    items: [{ Put: { TableName, Item: productItem(product), ConditionExpression: absent } }],
  });
  if (failed) throw new ConflictError(`The catalogue already has a product ${product.productId}.`, 'PRODUCT_EXISTS');
  return product;
}

export async function editProduct(
  productId: string,
  edit: { name?: string | undefined; status?: CatalogueStatus | undefined },
  commit: Commit,
): Promise<Product> {
  const before = await getProduct(productId);
  if (!before) throw productNotFound(productId);
  const after: Product = { ...before, ...definedOf(edit), updatedAt: nowIso() };
  const TableName = tableName();
  const failed = await committing(commit, {
    target: { kind: 'catalogue', id: `product:${productId}`, label: after.name },
    changes: changesBetween(before, after, ['name', 'status']),
    // The item as read is the one replaced: a concurrent edit makes this one a 409, not a silent overwrite.
    items: [
      {
        Put: {
          TableName,
          Item: productItem(after),
          ConditionExpression: 'updatedAt = :read',
          ExpressionAttributeValues: { ':read': before.updatedAt },
        },
      },
    ],
  });
  if (failed) throw editedMeanwhile();
  return after;
}

export async function createEdition(productId: string, input: { editionId: string; name: string }, commit: Commit): Promise<Edition> {
  const edition: Edition = { productId, ...input, status: 'active', updatedAt: nowIso() };
  const TableName = tableName();
  const failed = await committing(commit, {
    target: { kind: 'catalogue', id: `edition:${productId}/${edition.editionId}`, label: edition.name },
    changes: changesBetween(undefined, edition, ['name', 'status']),
    items: [
      { ConditionCheck: { TableName, Key: productKey(productId), ConditionExpression: exists } },
      { Put: { TableName, Item: editionItem(edition), ConditionExpression: absent } },
    ],
  });
  if (failed?.has(0)) throw productNotFound(productId);
  if (failed) throw new ConflictError(`The product ${productId} already has an edition ${edition.editionId}.`, 'EDITION_EXISTS');
  return edition;
}

export async function editEdition(
  productId: string,
  editionId: string,
  edit: { name?: string | undefined; status?: CatalogueStatus | undefined },
  commit: Commit,
): Promise<Edition> {
  const before = await getEdition(productId, editionId);
  if (!before) throw editionNotFound(productId, editionId);
  const after: Edition = { ...before, ...definedOf(edit), updatedAt: nowIso() };
  const TableName = tableName();
  const failed = await committing(commit, {
    target: { kind: 'catalogue', id: `edition:${productId}/${editionId}`, label: after.name },
    changes: changesBetween(before, after, ['name', 'status']),
    items: [
      {
        Put: {
          TableName,
          Item: editionItem(after),
          ConditionExpression: 'updatedAt = :read',
          ExpressionAttributeValues: { ':read': before.updatedAt },
        },
      },
    ],
  });
  if (failed) throw editedMeanwhile();
  return after;
}

// ---------------------------------------------------------------------------------------------------------------------
// SKUs and their prices

export interface NewSku {
  sku: string;
  productId: string;
  editionId: string;
  users: number;
  supportYears: number;
  days?: number | undefined;
  /** A service plan's period (its prices are per period). */
  period?: Period | undefined;
  prices: Money[];
}

export async function createSku(input: NewSku, commit: Commit, setBy: string): Promise<Sku> {
  const currencies = input.prices.map((price) => price.currency);
  const twice = currencies.filter((currency, index) => currencies.indexOf(currency) !== index);
  if (twice.length) {
    throw new ValidationError('Give each currency one price.', [{ path: 'body.prices', message: `${twice[0]} is given twice.` }]);
  }
  const at = nowIso();
  const sku: Sku = {
    sku: input.sku,
    productId: input.productId,
    editionId: input.editionId,
    users: input.users,
    supportYears: input.supportYears,
    ...(input.days ? { days: input.days } : {}),
    ...(input.period ? { period: input.period } : {}),
    status: 'active',
    prices: Object.fromEntries(
      input.prices.map((price) => [price.currency, { amountMinor: price.amountMinor, version: 1, validFrom: at }]),
    ),
    updatedAt: at,
  };
  const TableName = tableName();
  const failed = await committing(commit, {
    target: { kind: 'catalogue', id: `sku:${sku.sku}`, label: sku.sku },
    changes: [
      ...changesBetween(undefined, sku, ['productId', 'editionId', 'users', 'supportYears', 'days', 'status']),
      ...(sku.period ? [{ field: 'period', after: `${sku.period.count} ${sku.period.unit}` }] : []),
      ...input.prices.map((price): AuditChange => ({ field: `price.${price.currency}`, after: price.amountMinor })),
    ],
    items: [
      { ConditionCheck: { TableName, Key: editionKey(sku.productId, sku.editionId), ConditionExpression: exists } },
      { Put: { TableName, Item: skuItem(sku), ConditionExpression: absent } },
      ...input.prices.map((price) => ({
        Put: {
          TableName,
          Item: priceVersionItem({
            sku: sku.sku,
            currency: price.currency,
            version: 1,
            amountMinor: price.amountMinor,
            validFrom: at,
            setBy,
          }),
          ConditionExpression: absent,
        },
      })),
    ],
  });
  if (failed?.has(0)) {
    throw new AppError(400, 'UNKNOWN_EDITION', `The product ${sku.productId} has no edition ${sku.editionId}.`, [
      { path: 'body.editionId', message: 'not an edition of the product' },
    ]);
  }
  if (failed) throw new ConflictError(`The catalogue already has the SKU ${sku.sku}.`, 'SKU_EXISTS');
  return sku;
}

/** Retires a SKU (it can no longer be ordered; orders placed before keep it) or makes it active again. */
export async function setSkuStatus(skuId: string, status: CatalogueStatus, commit: Commit): Promise<Sku> {
  const before = await readSku(skuId);
  if (!before) throw skuNotFound(skuId);
  const after: Sku = { ...before, status, updatedAt: nowIso() };
  const TableName = tableName();
  const failed = await committing(commit, {
    target: { kind: 'catalogue', id: `sku:${skuId}`, label: skuId },
    changes: changesBetween(before, after, ['status']),
    items: [
      {
        Update: {
          TableName,
          Key: skuKey(skuId),
          UpdateExpression: 'SET #status = :status, updatedAt = :now',
          ConditionExpression: exists,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':status': status, ':now': after.updatedAt },
        },
      },
    ],
  });
  if (failed) throw skuNotFound(skuId);
  return after;
}

/**
 * A new price for a SKU in a currency: the next version is appended and becomes the current one; earlier versions and
 * the orders placed at them stay as they are. Two staff setting a price at once: one wins, the other gets a 409.
 */
export async function setPrice(
  skuId: string,
  price: Money,
  commit: Commit,
  setBy: string,
): Promise<{ sku: Sku; version: number; previous?: number }> {
  const before = await readSku(skuId);
  if (!before) throw skuNotFound(skuId);
  const current = before.prices[price.currency];
  if (current?.amountMinor === price.amountMinor) {
    throw new ConflictError(`${skuId} already costs this in ${price.currency}.`, 'PRICE_UNCHANGED', {
      version: current.version,
    });
  }
  const version = (current?.version ?? 0) + 1;
  const validFrom = nowIso();
  const next = { amountMinor: price.amountMinor, version, validFrom };
  const TableName = tableName();
  const failed = await committing(commit, {
    target: { kind: 'catalogue', id: `sku:${skuId}`, label: skuId },
    changes: [{ field: `price.${price.currency}`, ...(current ? { before: current.amountMinor } : {}), after: price.amountMinor }],
    items: [
      {
        Update: {
          TableName,
          Key: skuKey(skuId),
          UpdateExpression: 'SET prices.#currency = :next, updatedAt = :now',
          // The version read is still the current one: a concurrent change makes this a 409, not a lost version.
          ConditionExpression: current
            ? 'prices.#currency.version = :read'
            : 'attribute_exists(PK) AND attribute_not_exists(prices.#currency)',
          ExpressionAttributeNames: { '#currency': price.currency },
          ExpressionAttributeValues: { ':next': next, ':now': validFrom, ...(current ? { ':read': current.version } : {}) },
        },
      },
      {
        Put: {
          TableName,
          Item: priceVersionItem({ sku: skuId, currency: price.currency, version, amountMinor: price.amountMinor, validFrom, setBy }),
          ConditionExpression: absent,
        },
      },
    ],
  });
  if (failed) {
    throw new ConflictError(`The price of ${skuId} in ${price.currency} changed meanwhile. Reload and try again.`, 'PRICE_CHANGED');
  }
  return {
    sku: { ...before, prices: { ...before.prices, [price.currency]: next }, updatedAt: validFrom },
    version,
    ...(current ? { previous: current.amountMinor } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Upgrade paths

export async function addUpgrade(
  productId: string,
  input: {
    fromEditionId: string;
    toEditionId: string;
    kind?: UpgradeKind | undefined;
    toUsers?: number | undefined;
    requiresHighestSingleSeat?: boolean | undefined;
    prices?: Money[] | undefined;
  },
  commit: Commit,
): Promise<Upgrade> {
  const kind = input.kind ?? 'edition';
  // Only a seats path may stay in its edition (Mobile Web, 1 seat -> Mobile Web, 5 seats).
  if (input.fromEditionId === input.toEditionId && kind !== 'seats') {
    throw new ValidationError('An upgrade leads to another edition.', [{ path: 'body.toEditionId', message: 'the same as fromEditionId' }]);
  }
  if ((kind === 'seats') !== (input.toUsers !== undefined)) {
    throw new ValidationError('A seats path, and only it, names the seats it leads to.', [
      { path: 'body.toUsers', message: kind === 'seats' ? 'required for a seats path' : 'only for a seats path' },
    ]);
  }
  if (input.requiresHighestSingleSeat && kind !== 'seats') {
    throw new ValidationError('The seat rule applies to seats paths only.', [
      { path: 'body.requiresHighestSingleSeat', message: 'only for a seats path' },
    ]);
  }
  const currencies = (input.prices ?? []).map((price) => price.currency);
  if (new Set(currencies).size !== currencies.length) {
    throw new ValidationError('Give each currency one price.', [{ path: 'body.prices', message: 'a currency is given twice' }]);
  }
  const upgrade: Upgrade = {
    productId,
    fromEditionId: input.fromEditionId,
    toEditionId: input.toEditionId,
    kind,
    ...(input.toUsers !== undefined ? { toUsers: input.toUsers } : {}),
    ...(input.requiresHighestSingleSeat ? { requiresHighestSingleSeat: true } : {}),
    ...(input.prices ? { prices: input.prices } : {}),
    updatedAt: nowIso(),
  };
  const TableName = tableName();
  const id = `upgrade:${productId}/${upgrade.fromEditionId}->${upgrade.toEditionId}`;
  const failed = await committing(commit, {
    target: { kind: 'catalogue', id, label: `${productId}: ${upgrade.fromEditionId} → ${upgrade.toEditionId}` },
    changes: changesBetween(undefined, upgrade, ['fromEditionId', 'toEditionId', 'kind', 'toUsers', 'requiresHighestSingleSeat', 'prices']),
    // A seats path within one edition checks it once: a transaction touches each item at most once.
    items: [
      { ConditionCheck: { TableName, Key: editionKey(productId, upgrade.fromEditionId), ConditionExpression: exists } },
      ...(upgrade.toEditionId === upgrade.fromEditionId
        ? []
        : [{ ConditionCheck: { TableName, Key: editionKey(productId, upgrade.toEditionId), ConditionExpression: exists } }]),
      { Put: { TableName, Item: upgradeItem(upgrade), ConditionExpression: absent } },
    ],
  });
  const putAt = upgrade.toEditionId === upgrade.fromEditionId ? 1 : 2;
  if (failed && (failed.has(0) || (putAt === 2 && failed.has(1)))) {
    const missing = failed.has(0) ? 'fromEditionId' : 'toEditionId';
    throw new AppError(400, 'UNKNOWN_EDITION', `The product ${productId} has no edition ${upgrade[missing]}.`, [
      { path: `body.${missing}`, message: 'not an edition of the product' },
    ]);
  }
  if (failed) throw new ConflictError('This upgrade path exists already.', 'UPGRADE_EXISTS');
  return upgrade;
}

export async function removeUpgrade(productId: string, fromEditionId: string, toEditionId: string, commit: Commit): Promise<void> {
  const TableName = tableName();
  const failed = await committing(commit, {
    target: {
      kind: 'catalogue',
      id: `upgrade:${productId}/${fromEditionId}->${toEditionId}`,
      label: `${productId}: ${fromEditionId} → ${toEditionId}`,
    },
    changes: [{ field: 'upgrade', before: `${fromEditionId} → ${toEditionId}` }],
    items: [{ Delete: { TableName, Key: upgradeKey(productId, fromEditionId, toEditionId), ConditionExpression: exists } }],
  });
  if (failed) throw new NotFoundError(`The product ${productId} has no upgrade path from ${fromEditionId} to ${toEditionId}.`);
}

function editedMeanwhile(): ConflictError {
  return new ConflictError('Someone changed this at the same moment. Reload and try again.', 'EDITED_MEANWHILE');
}

function definedOf<T extends object>(edit: T): Partial<T> {
  return Object.fromEntries(Object.entries(edit).filter(([, value]) => value !== undefined)) as Partial<T>;
}
