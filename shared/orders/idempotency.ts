// The idempotency record entity: a client's key for one staff-created order. A retry with the same key finds the first
// order; the record expires (TTL) after IDEMPOTENCY_DAYS, and readers ignore an expired one themselves.

import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { nowEpochSeconds } from '#shared/time.ts';
import * as z from '#shared/validation.ts';

/** An idempotency record outlives any sensible retry; DynamoDB's TTL then removes it. */
export const IDEMPOTENCY_DAYS = 30;

export interface IdempotencyRecord {
  operation: 'create-order';
  /** SHA-256 of what makes two requests the same order. */
  fingerprint: string;
  accountId: string;
  orderId: string;
  /** What the first request created, so that a retry answers the same. */
  userCreated: boolean;
  accountCreated: boolean;
  createdAt: string;
  /** Epoch seconds (the table's TTL attribute). */
  expiresAt: number;
}

export const idempotencyKey = keys.idempotency;

const recordSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    operation: z.literal('create-order'),
    fingerprint: z.string(),
    accountId: z.string(),
    orderId: z.string(),
    userCreated: z.boolean(),
    accountCreated: z.boolean(),
    createdAt: z.string(),
    expiresAt: z.number(),
  }),
);

export function idempotencyItem(key: string, record: IdempotencyRecord): Item {
  return { ...idempotencyKey(key), type: 'IdempotencyRecord', ...record };
}

export function idempotencyFromItem(item: Item): IdempotencyRecord {
  return parseItem('IdempotencyRecord', recordSchema, item);
}

/** The key's live record (read strongly consistent), or undefined when the key is new or its record has expired. */
export async function readIdempotencyRecord(key: string): Promise<IdempotencyRecord | undefined> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: idempotencyKey(key), ConsistentRead: true }));
  const record = found.Item ? idempotencyFromItem(found.Item) : undefined;
  return record && record.expiresAt > nowEpochSeconds() ? record : undefined;
}
