// The cart entity: one per account (`CART` in its partition), persisted, in one currency. Each line keeps the unit price
// the customer saw when adding it, so checkout can tell them when a price changed since. Every write is conditional on
// the version read (two tabs editing the cart at once: the second gets 409 and reloads).

import type { TransactItem } from '#shared/audit/audit.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { type LineAction, lineActionSchema } from '#shared/orders/fields.ts';
import * as z from '#shared/validation.ts';

/** Distinct lines a cart holds (one checkout writes them into one transaction with their licences). */
export const MAX_CART_LINES = 20;
/** Units of one line. */
export const MAX_LINE_QUANTITY = 50;

export interface CartLine {
  /** The catalogue SKU; for an action line, the SKU the action renews or upgrades to. */
  sku: string;
  /** Units; for a renewal, the periods renewed; 1 for an upgrade. */
  quantity: number;
  /** The unit price (minor units of the cart's currency) when the line was added or last changed. */
  unitPriceMinor: number;
  priceVersion: number;
  addedAt: string;
  /** A renewal or upgrade (issue #15) rather than new licences; its line key is `lineKey` (shared/shop/line-actions.ts). */
  action?: LineAction;
}

export interface Cart {
  accountId: string;
  currency: string;
  lines: CartLine[];
  updatedAt: string;
  /** 0 for a cart never written; each write sets version + 1 on condition that it is still `version`. */
  version: number;
}

export const cartKey = keys.cart;

const cartSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    accountId: z.string(),
    currency: z.string(),
    lines: z.array(
      z.object({
        sku: z.string(),
        quantity: z.number(),
        unitPriceMinor: z.number(),
        priceVersion: z.number(),
        addedAt: z.string(),
        action: z.optional(lineActionSchema()),
      }),
    ),
    updatedAt: z.string(),
    version: z.number(),
  }),
);

export function cartItem(cart: Cart): Item {
  return { ...cartKey(cart.accountId), type: 'Cart', ...cart };
}

export function cartFromItem(item: Item): Cart {
  return parseItem('Cart', cartSchema, item);
}

/** The account's cart, or an empty one (version 0) in `currency` when it has none. */
export async function getCart(accountId: string, currency: string, consistent = true): Promise<Cart> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: cartKey(accountId), ConsistentRead: consistent }));
  return found.Item ? cartFromItem(found.Item) : { accountId, currency, lines: [], updatedAt: '', version: 0 };
}

/** The write that replaces the cart read at `read.version` with `next` (version + 1); fails its condition if it moved. */
export function cartWrite(read: Pick<Cart, 'version'>, next: Omit<Cart, 'version'>): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: cartItem({ ...next, version: read.version + 1 }),
      ConditionExpression: read.version === 0 ? 'attribute_not_exists(PK)' : 'version = :version',
      ...(read.version === 0 ? {} : { ExpressionAttributeValues: { ':version': read.version } }),
    },
  };
}
