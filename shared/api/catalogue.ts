// Contracts of the staff catalogue: read it whole, a SKU's price history, and the audited changes (products, editions,
// SKUs, prices, retire / reactivate, upgrade paths). Only the groups that sell (admin, billing) see or change it.

import { auditReason, pageOf, supportedCurrency, timestamp } from '#shared/api/common.ts';
import { contract, empty, json, staff } from '#shared/api/contract.ts';
import { pageQuery } from '#shared/http/schemas.ts';
import { UPGRADE_KINDS } from '#shared/upgrades/fields.ts';
import * as z from '#shared/validation.ts';

const sellers = staff('admin', 'billing');

/** Lower-case slugs: `remote-access`, `mobile-web`. */
export const catalogueIdSchema = z
  .string()
  .check(z.regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, 'Lower-case letters, digits and dashes, such as remote-access.'));
/** What orders and invoices quote: `RA-ENT-10-S1Y`. */
export const skuSchema = z
  .string()
  .check(z.regex(/^[A-Z0-9](?:[A-Z0-9-]{0,38}[A-Z0-9])?$/, 'Upper-case letters, digits and dashes, such as RA-ENT-10-S1Y.'));
const nameSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));
export const catalogueStatus = z.enum(['active', 'retired']);

/** A price as staff enter it: whole minor units (cents, grosze), never negative, in a supported currency. */
const amountMinor = z.number().check(z.int(), z.minimum(0), z.maximum(10_000_000_00));
export const priceInput = z.strictObject({ amountMinor, currency: supportedCurrency });
const pricesInput = z.array(priceInput).check(z.minLength(1), z.maxLength(5));

export const productFields = { productId: z.string(), name: z.string(), status: catalogueStatus, updatedAt: timestamp };
const productSchema = z.strictObject(productFields);
const editionSchema = z.strictObject({ ...productFields, editionId: z.string() });
/** A service plan's period (issue #15): a SKU sold by period starts a subscription renewed at its price per period. */
export const periodSchema = z.strictObject({
  unit: z.enum(['month', 'year']),
  count: z.number().check(z.int(), z.minimum(1), z.maximum(36)),
});
const currentPrice = z.strictObject({ amountMinor: z.number(), currency: z.string(), version: z.number(), validFrom: timestamp });
const skuResponse = z.strictObject({
  sku: z.string(),
  productId: z.string(),
  editionId: z.string(),
  users: z.number(),
  supportYears: z.number(),
  days: z.optional(z.number()),
  /** A service plan's period: its prices are per period (absent for licences). */
  period: z.optional(periodSchema),
  status: catalogueStatus,
  /** The current price in each currency (the newest version). */
  prices: z.array(currentPrice),
  updatedAt: timestamp,
});
const moneyResponse = z.strictObject({ amountMinor: z.number(), currency: z.string() });
const upgradeSchema = z.strictObject({
  productId: z.string(),
  fromEditionId: z.string(),
  toEditionId: z.string(),
  kind: z.optional(z.enum(UPGRADE_KINDS)),
  toUsers: z.optional(z.number()),
  requiresHighestSingleSeat: z.optional(z.boolean()),
  prices: z.optional(z.array(moneyResponse)),
  updatedAt: timestamp,
});

export const getCatalogue = contract({
  method: 'GET',
  path: '/api/admin/catalogue/products',
  summary: 'Staff: the whole catalogue with retired entries: products, editions, SKUs with current prices, upgrade paths.',
  access: sellers,
  request: {},
  response: json(
    z.strictObject({
      products: z.array(productSchema),
      editions: z.array(editionSchema),
      skus: z.array(skuResponse),
      upgrades: z.array(upgradeSchema),
    }),
  ),
});

export const createProduct = contract({
  method: 'POST',
  path: '/api/admin/catalogue/products',
  summary: 'Staff: adds a product (active). 409 PRODUCT_EXISTS when the id is taken.',
  access: sellers,
  audit: { action: 'catalogue.create-product', reason: 'none' },
  request: { body: z.strictObject({ productId: catalogueIdSchema, name: nameSchema }) },
  response: json(productSchema, 201),
});

const editInput = z
  .strictObject({ name: z.optional(nameSchema), status: z.optional(catalogueStatus), reason: z.optional(auditReason) })
  .check(z.refine((edit) => edit.name !== undefined || edit.status !== undefined, { message: 'Change the name or the status.' }));

export const editProduct = contract({
  method: 'PATCH',
  path: '/api/admin/catalogue/products/{productId}',
  summary: 'Staff: renames a product, or retires it (none of its SKUs can be ordered) or makes it active again.',
  access: sellers,
  audit: { action: 'catalogue.edit-product', reason: 'optional' },
  request: { path: z.strictObject({ productId: catalogueIdSchema }), body: editInput },
  response: json(productSchema),
});

export const createEdition = contract({
  method: 'POST',
  path: '/api/admin/catalogue/products/{productId}/editions',
  summary: 'Staff: adds an edition to a product. 409 EDITION_EXISTS when the product has one with that id.',
  access: sellers,
  audit: { action: 'catalogue.create-edition', reason: 'none' },
  request: {
    path: z.strictObject({ productId: catalogueIdSchema }),
    body: z.strictObject({ editionId: catalogueIdSchema, name: nameSchema }),
  },
  response: json(editionSchema, 201),
});

export const editEdition = contract({
  method: 'PATCH',
  path: '/api/admin/catalogue/products/{productId}/editions/{editionId}',
  summary: 'Staff: renames an edition, or retires it (its SKUs cannot be ordered) or makes it active again.',
  access: sellers,
  audit: { action: 'catalogue.edit-edition', reason: 'optional' },
  request: { path: z.strictObject({ productId: catalogueIdSchema, editionId: catalogueIdSchema }), body: editInput },
  response: json(editionSchema),
});

export const skuInput = z
  .strictObject({
    sku: z
      .string()
      .check(
        z.trim(),
        z.toUpperCase(),
        z.regex(/^[A-Z0-9](?:[A-Z0-9-]{0,38}[A-Z0-9])?$/, 'Letters, digits and dashes, such as RA-ENT-10-S1Y.'),
      ),
    productId: catalogueIdSchema,
    editionId: catalogueIdSchema,
    /** Seats each licence allows: 1 for single-seat. */
    users: z.number().check(z.int(), z.minimum(1), z.maximum(10_000)),
    supportYears: z.number().check(z.int(), z.minimum(0), z.maximum(10)),
    days: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(3650))),
    /**
     * A service plan sold by period (hosting, a managed service): buying it starts a subscription instead of issuing a
     * licence, and its prices are per period. It has no support term and no days of its own.
     */
    period: z.optional(periodSchema),
    prices: pricesInput,
  })
  .check(
    z.refine((sku) => sku.period === undefined || (sku.supportYears === 0 && sku.days === undefined), {
      message: 'A service plan (with a period) has no support years and no days: it runs by period.',
      path: ['period'],
    }),
  );

export const createSku = contract({
  method: 'POST',
  path: '/api/admin/catalogue/skus',
  summary:
    'Staff: adds a SKU (an edition with seats and a support term, or a service plan with a period) with its first prices. 409 SKU_EXISTS.',
  access: sellers,
  audit: { action: 'catalogue.create-sku', reason: 'none' },
  request: { body: skuInput },
  response: json(skuResponse, 201),
});

export const setSkuStatus = contract({
  method: 'PATCH',
  path: '/api/admin/catalogue/skus/{sku}',
  summary: 'Staff: retires a SKU (it can no longer be ordered; old orders keep it) or makes it active again.',
  access: sellers,
  audit: { action: 'catalogue.set-sku-status', reason: 'optional' },
  request: {
    path: z.strictObject({ sku: skuSchema }),
    body: z.strictObject({ status: catalogueStatus, reason: z.optional(auditReason) }),
  },
  response: json(skuResponse),
});

export const setPrice = contract({
  method: 'POST',
  path: '/api/admin/catalogue/skus/{sku}/prices',
  summary:
    'Staff: a new price for a SKU in a currency, appended as the next version; orders placed before keep theirs. ' +
    '409 PRICE_UNCHANGED for the current amount, PRICE_CHANGED when another change came first.',
  access: sellers,
  audit: { action: 'catalogue.set-price', reason: 'optional' },
  request: {
    path: z.strictObject({ sku: skuSchema }),
    body: z.strictObject({ amountMinor, currency: supportedCurrency, reason: z.optional(auditReason) }),
  },
  response: json(z.strictObject({ sku: skuResponse, version: z.number() }), 201),
});

const priceVersionSchema = z.strictObject({
  sku: z.string(),
  currency: z.string(),
  version: z.number(),
  amountMinor: z.number(),
  validFrom: timestamp,
  setBy: z.optional(z.string()),
});

export const listPriceHistory = contract({
  method: 'GET',
  path: '/api/admin/catalogue/skus/{sku}/prices',
  summary: "Staff: a SKU's price versions, newest first (by currency), optionally of one currency.",
  access: sellers,
  request: {
    path: z.strictObject({ sku: skuSchema }),
    query: z.strictObject({ ...pageQuery.shape, currency: z.optional(supportedCurrency) }),
  },
  response: json(pageOf(priceVersionSchema)),
});

export const addUpgrade = contract({
  method: 'POST',
  path: '/api/admin/catalogue/products/{productId}/upgrades',
  summary:
    'Staff: an upgrade path between two editions of a product: at the price difference of their SKUs, or at fixed prices. ' +
    'A `seats` path leads to `toUsers` seats (it may stay in its edition), and with `requiresHighestSingleSeat` only ' +
    'from a single-seat licence of the highest single-seat edition (the seat rule). 409 UPGRADE_EXISTS.',
  access: sellers,
  audit: { action: 'catalogue.add-upgrade', reason: 'none' },
  request: {
    path: z.strictObject({ productId: catalogueIdSchema }),
    body: z.strictObject({
      fromEditionId: catalogueIdSchema,
      toEditionId: catalogueIdSchema,
      kind: z.optional(z.enum(UPGRADE_KINDS)),
      toUsers: z.optional(z.number().check(z.int(), z.minimum(2), z.maximum(10_000))),
      requiresHighestSingleSeat: z.optional(z.boolean()),
      prices: z.optional(pricesInput),
    }),
  },
  response: json(upgradeSchema, 201),
});

export const removeUpgrade = contract({
  method: 'DELETE',
  path: '/api/admin/catalogue/products/{productId}/upgrades/{fromEditionId}/{toEditionId}',
  summary: 'Staff: removes an upgrade path.',
  access: sellers,
  audit: { action: 'catalogue.remove-upgrade', reason: 'none' },
  request: {
    path: z.strictObject({ productId: catalogueIdSchema, fromEditionId: catalogueIdSchema, toEditionId: catalogueIdSchema }),
  },
  response: empty(),
});
