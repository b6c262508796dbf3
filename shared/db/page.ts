// One way to read a list: a keyed Query over one partition, a bounded page size and an opaque cursor.

import { QueryCommand, type QueryCommandInput } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { GSI1, GSI2 } from '#shared/db/table.ts';
import { ValidationError } from '#shared/http/errors.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from '#shared/paging.ts';

export type { Page };

export interface PartitionQuery {
  /** Query the table itself or GSI1. */
  index?: 'GSI1' | 'GSI2';
  /** The partition's value; the caller's identity decides it, never the cursor. */
  partition: string;
  /** Only sort keys that begin with this. */
  sortKeyPrefix?: string;
  /** Only sort keys in this range (inclusive), all inside `sortKeyPrefix` when both are given. */
  sortKeyBetween?: readonly [string, string];
  /**
   * Only items whose attributes equal these values (a FilterExpression inside the one partition: a page may then hold
   * fewer than `limit` items, and the cursor goes on while DynamoDB has read further).
   */
  where?: Readonly<Record<string, string>>;
  limit?: number;
  cursor?: string;
  newestFirst?: boolean;
}

type Key = Record<string, string>;

function keyNames(index: PartitionQuery['index']) {
  if (index === 'GSI1') return { partition: GSI1.partitionKey, sort: GSI1.sortKey, all: ['PK', 'SK', GSI1.partitionKey, GSI1.sortKey] };
  if (index === 'GSI2') return { partition: GSI2.partitionKey, sort: GSI2.sortKey, all: ['PK', 'SK', GSI2.partitionKey, GSI2.sortKey] };
  return { partition: 'PK', sort: 'SK', all: ['PK', 'SK'] };
}

/** DynamoDB's own limits on key values: a cursor outside them would fail the Query (a 500) instead of a 400. */
const PARTITION_KEYS = new Set(['PK', GSI1.partitionKey, GSI2.partitionKey]);
const MAX_PARTITION_KEY_BYTES = 2048;
const MAX_SORT_KEY_BYTES = 1024;

function isKeyValue(name: string, value: unknown): boolean {
  if (typeof value !== 'string' || value === '') return false;
  const limit = PARTITION_KEYS.has(name) ? MAX_PARTITION_KEY_BYTES : MAX_SORT_KEY_BYTES;
  return Buffer.byteLength(value, 'utf8') <= limit;
}

export function encodeCursor(key: Key): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor into an ExclusiveStartKey for this very query, for customer and staff lists alike: exactly the
 * key attributes of the table or index, each a non-empty string within DynamoDB's key limits, the sort key inside the
 * query's prefix. The partition value is always the caller's own, so a forged cursor can at most move the start
 * inside the caller's partition; anything else is a 400.
 */
export function decodeCursor(cursor: string, query: PartitionQuery): Key {
  const names = keyNames(query.index);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new ValidationError('The cursor is not valid.', [{ path: 'cursor', message: 'not a cursor' }]);
  }
  const valid =
    typeof parsed === 'object' &&
    parsed !== null &&
    names.all.every((name) => isKeyValue(name, (parsed as Key)[name])) &&
    Object.keys(parsed).length === names.all.length &&
    (query.sortKeyPrefix === undefined || (parsed as Key)[names.sort]!.startsWith(query.sortKeyPrefix)) &&
    (query.sortKeyBetween === undefined ||
      ((parsed as Key)[names.sort]! >= query.sortKeyBetween[0] && (parsed as Key)[names.sort]! <= query.sortKeyBetween[1]));
  if (!valid) throw new ValidationError('The cursor is not valid.', [{ path: 'cursor', message: 'not a cursor' }]);
  return { ...(parsed as Key), [names.partition]: query.partition };
}

function keyCondition(query: PartitionQuery, names: ReturnType<typeof keyNames>) {
  const attributeNames: Record<string, string> = { '#pk': names.partition };
  const values: Record<string, string> = { ':pk': query.partition };
  let expression = '#pk = :pk';
  if (query.sortKeyBetween) {
    attributeNames['#sk'] = names.sort;
    [values[':from'], values[':to']] = query.sortKeyBetween;
    expression += ' AND #sk BETWEEN :from AND :to';
  } else if (query.sortKeyPrefix !== undefined) {
    attributeNames['#sk'] = names.sort;
    values[':prefix'] = query.sortKeyPrefix;
    expression += ' AND begins_with(#sk, :prefix)';
  }
  const filters = Object.entries(query.where ?? {}).map(([attribute, value], index) => {
    attributeNames[`#f${index}`] = attribute;
    values[`:f${index}`] = value;
    return `#f${index} = :f${index}`;
  });
  return {
    KeyConditionExpression: expression,
    ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
    ExpressionAttributeNames: attributeNames,
    ExpressionAttributeValues: values,
  };
}

export async function queryPage<T>(query: PartitionQuery, toItem: (item: Record<string, unknown>) => T): Promise<Page<T>> {
  const names = keyNames(query.index);
  const limit = Math.min(query.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const input: QueryCommandInput = {
    TableName: tableName(),
    ...(query.index ? { IndexName: query.index } : {}),
    ...keyCondition(query, names),
    Limit: limit,
    ScanIndexForward: !query.newestFirst,
    ...(query.cursor ? { ExclusiveStartKey: decodeCursor(query.cursor, query) } : {}),
  };
  const result = await db().send(new QueryCommand(input));
  const items = (result.Items ?? []).map(toItem);
  const filtered = query.where !== undefined && Object.keys(query.where).length > 0;
  return result.LastEvaluatedKey && (items.length === limit || filtered)
    ? { items, nextCursor: encodeCursor(result.LastEvaluatedKey as Key) }
    : { items };
}
