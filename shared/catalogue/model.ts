// The catalogue entities, all in the CATALOGUE partition: products, their editions, the SKUs staff sell (an edition with
// a seat count and a support term, priced per currency), the price versions of each SKU and currency, and the upgrade
// paths between editions. Owns their keys, items and `...FromItem` reads.

import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { CATALOGUE_PARTITION, keys, SK_PREFIX } from '#shared/db/keys.ts';
import type { Money } from '#shared/money.ts';
import type { Period } from '#shared/subscriptions/periods.ts';
import { UPGRADE_KINDS, type UpgradeKind } from '#shared/upgrades/fields.ts';
import * as z from '#shared/validation.ts';

export type CatalogueStatus = 'active' | 'retired';

export interface Product {
  /** Stable, lower-case slug: `remote-access`. */
  productId: string;
  /** What orders, licences and invoices show: `Remote Access`. */
  name: string;
  status: CatalogueStatus;
  updatedAt: string;
}

export interface Edition {
  productId: string;
  /** Stable slug within the product: `enterprise`. */
  editionId: string;
  name: string;
  status: CatalogueStatus;
  updatedAt: string;
}

/** The SKU's current price in one currency: the newest of its versions. */
export interface CurrentPrice {
  amountMinor: number;
  version: number;
  validFrom: string;
}

export interface Sku {
  /** Stable, what orders and invoices quote: `RA-ENT-10-S1Y`. */
  sku: string;
  productId: string;
  editionId: string;
  /** Concurrent users (seats) each licence allows: 1 for a single-seat SKU. */
  users: number;
  /** Whole years of support & updates bought with each licence; 0 for none. */
  supportYears: number;
  /** Time-limited SKUs: how many days each licence runs; absent for perpetual ones. */
  days?: number;
  /**
   * A service plan sold by period (issue #15: hosting, a managed service): buying it starts a service Subscription
   * renewed at this SKU's price per period, instead of issuing a licence. The product's SKUs with the same period are
   * its plans (a plan change moves between them).
   */
  period?: Period;
  status: CatalogueStatus;
  /** By currency code. Every change appends a PriceVersion; this is a copy of the newest, for one-Query reads. */
  prices: Record<string, CurrentPrice>;
  updatedAt: string;
}

/** One price a SKU had in one currency from `validFrom` until the next version; never changed once written. */
export interface PriceVersion {
  sku: string;
  currency: string;
  version: number;
  amountMinor: number;
  validFrom: string;
  /** The staff e-mail that set it; absent for the seed's first version. */
  setBy?: string;
}

export { UPGRADE_KINDS, type UpgradeKind };

/**
 * An upgrade path from one edition of a product to a higher one (the upgrades issue sells them). Without `prices` the
 * customer pays the difference between the two editions' SKUs of the same seats and support term; with them, that fixed
 * price per currency. The seat rule is data here (shared/upgrades/offers.ts reads it): a `seats` path leads to
 * `toUsers` seats and, with `requiresHighestSingleSeat`, only from a single-seat licence of the product's highest
 * single-seat edition (one with no edition path onwards to another edition sold single-seat).
 */
export interface Upgrade {
  productId: string;
  fromEditionId: string;
  toEditionId: string;
  /** Absent on paths written before the seat rule: an edition path. */
  kind?: UpgradeKind;
  /** A `seats` path: the seats of the licence afterwards (an edition or version path keeps the licence's seats). */
  toUsers?: number;
  /** The seat rule: offered only from a single-seat licence of the highest single-seat edition. */
  requiresHighestSingleSeat?: boolean;
  prices?: Money[];
  updatedAt: string;
}

export const productKey = keys.catalogueProduct;
export const editionKey = keys.catalogueEdition;
export const skuKey = keys.catalogueSku;
export const upgradeKey = keys.catalogueUpgrade;
export const priceVersionKey = keys.cataloguePrice;
export { CATALOGUE_PARTITION };
/** Sort-key prefix of the catalogue's current state (one Query reads it all). */
export const CATALOGUE_PREFIX = SK_PREFIX.catalogue;
/** Sort-key prefix of one SKU's price versions, or of one currency's. */
export function priceVersionPrefix(sku: string, currency?: string): string {
  return `${SK_PREFIX.cataloguePrice}${sku}#${currency ? `${currency}#` : ''}`;
}

const statusSchema = /* @__PURE__ */ lazySchema(() => z.enum(['active', 'retired']));
const storedMoney = /* @__PURE__ */ lazySchema(() => z.object({ amountMinor: z.number(), currency: z.string() }));

const productSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({ productId: z.string(), name: z.string(), status: statusSchema(), updatedAt: z.string() }),
);
const editionSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({ productId: z.string(), editionId: z.string(), name: z.string(), status: statusSchema(), updatedAt: z.string() }),
);
const skuSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    sku: z.string(),
    productId: z.string(),
    editionId: z.string(),
    users: z.number(),
    supportYears: z.number(),
    days: z.optional(z.number()),
    period: z.optional(z.object({ unit: z.enum(['month', 'year']), count: z.number() })),
    status: statusSchema(),
    prices: z.record(z.string(), z.object({ amountMinor: z.number(), version: z.number(), validFrom: z.string() })),
    updatedAt: z.string(),
  }),
);
const priceVersionSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    sku: z.string(),
    currency: z.string(),
    version: z.number(),
    amountMinor: z.number(),
    validFrom: z.string(),
    setBy: z.optional(z.string()),
  }),
);
const upgradeSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    productId: z.string(),
    fromEditionId: z.string(),
    toEditionId: z.string(),
    kind: z.optional(z.enum(UPGRADE_KINDS)),
    toUsers: z.optional(z.number()),
    requiresHighestSingleSeat: z.optional(z.boolean()),
    prices: z.optional(z.array(storedMoney())),
    updatedAt: z.string(),
  }),
);

export function productItem(product: Product): Item {
  return { ...productKey(product.productId), type: 'CatalogueProduct', ...product };
}
export function productFromItem(item: Item): Product {
  return parseItem('CatalogueProduct', productSchema, item);
}

export function editionItem(edition: Edition): Item {
  return { ...editionKey(edition.productId, edition.editionId), type: 'CatalogueEdition', ...edition };
}
export function editionFromItem(item: Item): Edition {
  return parseItem('CatalogueEdition', editionSchema, item);
}

export function skuItem(sku: Sku): Item {
  return { ...skuKey(sku.sku), type: 'CatalogueSku', ...sku };
}
export function skuFromItem(item: Item): Sku {
  return parseItem('CatalogueSku', skuSchema, item);
}

export function priceVersionItem(price: PriceVersion): Item {
  return { ...priceVersionKey(price.sku, price.currency, price.version), type: 'CataloguePrice', ...price };
}
export function priceVersionFromItem(item: Item): PriceVersion {
  return parseItem('CataloguePrice', priceVersionSchema, item);
}

export function upgradeItem(upgrade: Upgrade): Item {
  return { ...upgradeKey(upgrade.productId, upgrade.fromEditionId, upgrade.toEditionId), type: 'CatalogueUpgrade', ...upgrade };
}
export function upgradeFromItem(item: Item): Upgrade {
  return parseItem('CatalogueUpgrade', upgradeSchema, item);
}
