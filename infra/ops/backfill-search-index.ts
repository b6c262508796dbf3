// One-off, after the deploy that brought the customer search: writes the search index entries and the account summary
// (licenceCount, lastOrder) of accounts written before it. New writes keep both in their own transactions; this only
// catches up what existed. Keyed reads only (the ACCOUNTS partition of GSI1, then each account's partition), no Scan.
// Idempotent: a second run puts the same entries and the same counts again.
//
//   TABLE_NAME=atrium-prod AWS_REGION=eu-central-1 node --import tsx infra/ops/backfill-search-index.ts
//
// (docs/operations.md, "Deploying a change".)

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { pathToFileURL } from 'node:url';
import { accountFromItem, accountKey, ACCOUNTS_PARTITION } from '#shared/accounts/account.ts';
import { BatchWriteCommand, QueryCommand, UpdateCommand, type BatchWriteCommandOutput } from '#shared/db/commands.ts';
import type { Item } from '#shared/db/entity.ts';
import { accountPartition, SK_PREFIX } from '#shared/db/keys.ts';
import { GSI1 } from '#shared/db/table.ts';
import { accountSearchItems, contractSearchItems, licenceSearchItems, orderSearchItems } from '#shared/search/search-entry.ts';

export interface BackfillTarget {
  client: DynamoDBDocumentClient;
  tableName: string;
}

export interface BackfillResult {
  accounts: number;
  entries: number;
}

export async function backfillSearchIndex(target: BackfillTarget): Promise<BackfillResult> {
  const result: BackfillResult = { accounts: 0, entries: 0 };
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await target.client.send(
      new QueryCommand({
        TableName: target.tableName,
        IndexName: GSI1.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': GSI1.partitionKey },
        ExpressionAttributeValues: { ':pk': ACCOUNTS_PARTITION },
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const item of page.Items ?? []) {
      result.entries += await backfillAccount(target, accountFromItem(item));
      result.accounts += 1;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return result;
}

/** One account: its entries, its orders', licences' and contracts' entries, then its summary. Returns the entries written. */
async function backfillAccount(target: BackfillTarget, account: ReturnType<typeof accountFromItem>): Promise<number> {
  const { accountId } = account;
  const entries: Item[] = [...accountSearchItems(account)];
  let licenceCount = 0;
  let lastOrder: { reference: string; orderedAt: string } | undefined;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await target.client.send(
      new QueryCommand({
        TableName: target.tableName,
        KeyConditionExpression: 'PK = :pk',
        ProjectionExpression: 'SK, #reference, orderedAt, serial, contractNumber',
        ExpressionAttributeNames: { '#reference': 'reference' },
        ExpressionAttributeValues: { ':pk': accountPartition(accountId) },
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const item of page.Items ?? []) {
      const sortKey = String(item.SK);
      if (sortKey.startsWith(SK_PREFIX.order) && typeof item.reference === 'string' && typeof item.orderedAt === 'string') {
        entries.push(...orderSearchItems(accountId, { reference: item.reference }));
        if (!lastOrder || item.orderedAt > lastOrder.orderedAt) lastOrder = { reference: item.reference, orderedAt: item.orderedAt };
      } else if (sortKey.startsWith(SK_PREFIX.licence) && typeof item.serial === 'string') {
        entries.push(...licenceSearchItems(accountId, { serial: item.serial }));
        licenceCount += 1;
      } else if (sortKey.startsWith(SK_PREFIX.accountContract) && typeof item.contractNumber === 'string') {
        entries.push(...contractSearchItems(accountId, { contractNumber: item.contractNumber }));
      }
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);

  await batchPut(target, entries);
  await target.client.send(
    new UpdateCommand({
      TableName: target.tableName,
      Key: accountKey(accountId),
      UpdateExpression: lastOrder ? 'SET licenceCount = :count, lastOrder = :last' : 'SET licenceCount = :count',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':count': licenceCount, ...(lastOrder ? { ':last': lastOrder } : {}) },
    }),
  );
  return entries.length;
}

async function batchPut(target: BackfillTarget, items: Item[]): Promise<void> {
  for (let start = 0; start < items.length; start += 25) {
    let pending = items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length && attempt < 8; attempt += 1) {
      const written: Omit<BatchWriteCommandOutput, '$metadata'> = await target.client.send(
        new BatchWriteCommand({ RequestItems: { [target.tableName]: pending } }),
      );
      pending = (written.UnprocessedItems?.[target.tableName] ?? []) as typeof pending;
      if (pending.length) await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
    if (pending.length) throw new Error('The backfill left search entries unwritten (throttled): run it again.');
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const tableName = process.env.TABLE_NAME;
  if (!tableName) throw new Error('Set TABLE_NAME (and AWS_REGION) to the stage table, e.g. TABLE_NAME=atrium-prod.');
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: process.env.AWS_REGION ?? 'eu-central-1' }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const done = await backfillSearchIndex({ client, tableName });
  console.log(`Search index backfilled: ${done.accounts} accounts, ${done.entries} entries.`);
}
