// The checkout record entity: the page's idempotency key for one account, written in the checkout's transaction. A
// retry or a double click with the same key finds the order the first request placed; the record expires (TTL) after
// CHECKOUT_RECORD_DAYS, and readers ignore an expired one themselves.

import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { nowEpochSeconds } from '#shared/time.ts';
import * as z from '#shared/validation.ts';

/** Long past any retry of one page; DynamoDB's TTL then removes it. */
export const CHECKOUT_RECORD_DAYS = 30;

export interface CheckoutRecord {
  accountId: string;
  orderId: string;
  /** SHA-256 of the request (payment method, accepted total). */
  requestFingerprint: string;
  /** SHA-256 of the cart it checked out (currency, SKUs, quantities). */
  cartFingerprint: string;
  createdAt: string;
  /** Epoch seconds (the table's TTL attribute). */
  expiresAt: number;
}

export const checkoutRecordKey = keys.checkoutKey;

const recordSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    accountId: z.string(),
    orderId: z.string(),
    requestFingerprint: z.string(),
    cartFingerprint: z.string(),
    createdAt: z.string(),
    expiresAt: z.number(),
  }),
);

export function checkoutRecordItem(key: string, record: CheckoutRecord): Item {
  return { ...checkoutRecordKey(record.accountId, key), type: 'CheckoutRecord', ...record };
}

export function checkoutRecordFromItem(item: Item): CheckoutRecord {
  return parseItem('CheckoutRecord', recordSchema, item);
}

/** The key's live record (strongly consistent), or undefined when the key is new or its record has expired. */
export async function readCheckoutRecord(accountId: string, key: string): Promise<CheckoutRecord | undefined> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: checkoutRecordKey(accountId, key), ConsistentRead: true }));
  const record = found.Item ? checkoutRecordFromItem(found.Item) : undefined;
  return record && record.expiresAt > nowEpochSeconds() ? record : undefined;
}
