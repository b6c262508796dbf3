// The order reference claim entity: one item per order reference, put with `attribute_not_exists(PK)` in the order's
// transaction so references are unique table-wide. Sign-in with e-mail + order number finds the account through it,
// and it sits in the GSI1 partition of every order (the staff list), carrying the summary that list shows.

import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { normaliseEmail } from '#shared/email.ts';
import type { Money } from '#shared/money.ts';
import { moneyItemSchema, type Order } from '#shared/orders/model.ts';
import * as z from '#shared/validation.ts';

export interface OrderReferenceClaim {
  accountId: string;
  orderId: string;
  reference: string;
  orderedAt: string;
  total: Money;
  /** The order's contact e-mail, normalised. */
  email: string;
}

/** Where a reference points: the account and the order holding it. */
export type OrderPointer = Pick<OrderReferenceClaim, 'accountId' | 'orderId'>;

export const orderReferenceKey = keys.orderReference;
/** GSI1 partition of every order (on the reference claims), newest first backwards. */
export const ordersIndexKey = keys.ordersIndex;
export const ORDERS_PARTITION = keys.ordersIndex('').GSI1PK;

/** Order references are stored upper-case without spaces (JWT1042); people type them any way. */
export function normaliseOrderReference(reference: string): string {
  return reference.replace(/\s+/g, '').toUpperCase();
}

const pointerSchema = /* @__PURE__ */ lazySchema(() => z.object({ accountId: z.string(), orderId: z.string() }));
const claimSchema = /* @__PURE__ */ lazySchema(() =>
  z.extend(pointerSchema(), { reference: z.string(), orderedAt: z.string(), total: moneyItemSchema(), email: z.string() }),
);

export function orderReferenceItem(
  accountId: string,
  order: Pick<Order, 'orderId' | 'reference' | 'orderedAt' | 'total' | 'contact'>,
): Item {
  return {
    ...orderReferenceKey(order.reference),
    ...ordersIndexKey(order.orderId),
    type: 'OrderReference',
    accountId,
    orderId: order.orderId,
    reference: order.reference,
    orderedAt: order.orderedAt,
    total: order.total,
    email: normaliseEmail(order.contact.email),
  };
}

/** The whole claim, as the staff list of every order reads it. */
export function orderReferenceClaimFromItem(item: Item): OrderReferenceClaim {
  return parseItem('OrderReference', claimSchema, item);
}

/** The order a reference (typed any way) names, or undefined: one GetItem on its claim. */
export async function findOrderReference(reference: string): Promise<OrderPointer | undefined> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: orderReferenceKey(normaliseOrderReference(reference)) }));
  return found.Item ? parseItem('OrderReference', pointerSchema, found.Item) : undefined;
}
