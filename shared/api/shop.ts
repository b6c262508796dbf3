// Route contracts of the customer's catalogue (new programs), product pages and the cart. Every person of the account may
// browse; the cart is read by the billing readers and changed by the billing writers (shared/accounts/roles.ts).

import { moneySchema } from '#shared/api/common.ts';
import { catalogueIdSchema, skuSchema } from '#shared/api/catalogue.ts';
import { lineActionSchema, lineTextSchema } from '#shared/orders/fields.ts';
import { contract, customer, customerRoles, json } from '#shared/api/contract.ts';
import { accountIdSchema, ulidSchema } from '#shared/http/schemas.ts';
import { ROLE_AREAS } from '#shared/accounts/roles.ts';
import * as z from '#shared/validation.ts';

/**
 * One SKU as the shop offers it: seats, support & updates, days for time-limited ones, a service plan's period (its price
 * is per period, and it renews), the price in the account's currency.
 */
export const shopSkuView = z.strictObject({
  sku: z.string(),
  users: z.number(),
  supportYears: z.number(),
  days: z.optional(z.number()),
  period: z.optional(z.strictObject({ unit: z.enum(['month', 'year']), count: z.number() })),
  price: moneySchema,
});

export const shopEditionView = z.strictObject({
  editionId: z.string(),
  name: z.string(),
  /** The lowest price among its SKUs. */
  fromPrice: moneySchema,
  skus: z.array(shopSkuView),
});

export const shopProductView = z.strictObject({
  productId: z.string(),
  name: z.string(),
  /** The lowest price among its editions' SKUs; absent when nothing of it is sold in the account's currency. */
  fromPrice: z.optional(moneySchema),
  /** Empty on the page of an active product with nothing priced in the account's currency (the list leaves it out). */
  editions: z.array(shopEditionView),
});

export const listProducts = contract({
  method: 'GET',
  path: '/api/shop/products',
  summary:
    'New programs: the active products with their active editions and SKUs priced in the account’s currency (a SKU without a price there is not offered), each with a “from” price; `q` searches product and edition names (folded: case and diacritics do not matter).',
  access: customer,
  request: { query: z.strictObject({ q: z.optional(z.string().check(z.maxLength(100))) }) },
  response: json(z.strictObject({ currency: z.string(), products: z.array(shopProductView) })),
});

export const getProduct = contract({
  method: 'GET',
  path: '/api/shop/products/{productId}',
  summary:
    'A product page: its active editions and their SKUs with prices in the account’s currency; 404 for an unknown or retired product.',
  access: customer,
  request: { path: z.strictObject({ productId: catalogueIdSchema }) },
  response: json(z.strictObject({ currency: z.string(), product: shopProductView })),
});

/** The version of the cart the page read: a write with an older one answers 409 CART_CHANGED (another tab changed it). */
const cartVersion = z.number().check(z.int(), z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER));
/** Checked against MAX_LINE_QUANTITY by the use case, which answers with its own code (QUANTITY_LIMIT). */
const quantity = z.number().check(z.int(), z.minimum(1), z.maximum(100_000));

export const cartLineView = z.strictObject({
  /** What the line routes (`/api/cart/lines/{sku}`) name the line by: its SKU, or `RENEW-<id>` / `UPGRADE-<id>`. */
  key: z.string(),
  sku: z.string(),
  /** Units; a renewal's periods. */
  quantity: z.number(),
  /** A renewal or an upgrade (issue #15) instead of new licences. */
  action: z.optional(lineActionSchema()),
  /** For a distributor's order for a client: whose subscription or licence it is. */
  client: z.optional(z.strictObject({ accountId: z.string(), name: z.string() })),
  unavailableCode: z.optional(z.string()),
  unavailableMessage: z.optional(z.string()),
  product: z.optional(z.string()),
  edition: z.optional(z.string()),
  /** An action line's text as facts: the page renders it in its language (shared/subscriptions/line-text.ts). */
  text: z.optional(lineTextSchema()),
  users: z.optional(z.number()),
  supportYears: z.optional(z.number()),
  days: z.optional(z.number()),
  /** At the current price; absent when the line can no longer be bought. */
  unitPrice: z.optional(moneySchema),
  lineTotal: z.optional(moneySchema),
  /** The price seen when the line was added and the current one, when they differ (accept-prices clears it). */
  priceChanged: z.optional(z.strictObject({ was: moneySchema, now: moneySchema })),
  /** Why the line can no longer be bought: retired, no price in the cart's currency, gone from the catalogue. */
  unavailable: z.optional(z.enum(['retired', 'no-price', 'unknown', 'not-available'])),
});

export const cartView = z.strictObject({
  currency: z.string(),
  version: z.number(),
  lines: z.array(cartLineView),
  /** The available lines at current prices, before VAT (added at checkout per the billing data). */
  netTotal: moneySchema,
  pricesChanged: z.boolean(),
  hasUnavailable: z.boolean(),
  maxLines: z.number(),
  maxQuantity: z.number(),
});

const cartReaders = customerRoles(ROLE_AREAS.billingRead);
const cartWriters = customerRoles(ROLE_AREAS.billingWrite);
const linePath = z.strictObject({ sku: skuSchema });

export const getCart = contract({
  method: 'GET',
  path: '/api/cart',
  summary:
    'The account’s cart at current prices: line totals, the net total, a line whose price moved since it was added (`priceChanged`) or that can no longer be bought (`unavailable`) flagged.',
  access: cartReaders,
  request: {},
  response: json(cartView),
});

export const addCartLine = contract({
  method: 'POST',
  path: '/api/cart/lines',
  summary:
    'Adds a SKU to the cart, or adds to its quantity, at the current price; 400 CART_FULL beyond MAX_CART_LINES, QUANTITY_LIMIT beyond MAX_LINE_QUANTITY, SKU_RETIRED / NO_PRICE; 409 CART_CHANGED when `version` is not the cart’s.',
  access: cartWriters,
  request: { body: z.strictObject({ sku: skuSchema, quantity, version: cartVersion }) },
  response: json(cartView),
});

/** A renewal or an upgrade to add (issue #15); `clientId`: a distributor orders it for that client. */
const cartActionInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('renewal'),
    subscriptionId: ulidSchema,
    periods: z.number().check(z.int(), z.minimum(1), z.maximum(10)),
    clientId: z.optional(accountIdSchema),
  }),
  z.strictObject({ kind: z.literal('upgrade'), licenceId: ulidSchema, toSku: skuSchema, clientId: z.optional(accountIdSchema) }),
]);
export type CartActionInput = z.infer<typeof cartActionInput>;

export const addCartActions = contract({
  method: 'POST',
  path: '/api/cart/actions',
  summary:
    'Adds renewals of subscriptions or upgrades of licences to the cart (a renewal already there takes the new periods); each is quoted now: 400 with the quote’s code when it cannot be bought (SUBSCRIPTION_ENDED, UPGRADE_NOT_OFFERED...), 403 ORDERED_BY_DISTRIBUTOR for a distributor’s client, 404 for a subscription or licence not the caller’s or its clients’; 409 CART_CHANGED on a stale `version`.',
  access: cartWriters,
  request: {
    body: z.strictObject({
      actions: z.array(cartActionInput).check(z.minLength(1), z.maxLength(20)),
      version: z.optional(cartVersion),
    }),
  },
  response: json(cartView),
});

export const setCartLine = contract({
  method: 'PUT',
  path: '/api/cart/lines/{sku}',
  summary: 'Sets a line’s quantity; 404 for a SKU not in the cart; 400 QUANTITY_LIMIT; 409 CART_CHANGED when `version` is not the cart’s.',
  access: cartWriters,
  request: { path: linePath, body: z.strictObject({ quantity, version: cartVersion }) },
  response: json(cartView),
});

export const removeCartLine = contract({
  method: 'DELETE',
  path: '/api/cart/lines/{sku}',
  summary: 'Removes a line; 404 for a SKU not in the cart; 409 CART_CHANGED when `version` is given and is not the cart’s.',
  access: cartWriters,
  // Without `version` the line goes whatever the cart holds now: removing is the same whichever tab asks.
  request: { path: linePath, query: z.strictObject({ version: z.optional(z.coerce.number().check(z.int(), z.minimum(0))) }) },
  response: json(cartView),
});

export const acceptCartPrices = contract({
  method: 'POST',
  path: '/api/cart/accept-prices',
  summary:
    'The customer accepts the current prices: every buyable line’s seen price becomes the current one; 409 CART_CHANGED on a stale `version`.',
  access: cartWriters,
  request: { body: z.strictObject({ version: cartVersion }) },
  response: json(cartView),
});
