// The DynamoDB client: document commands (shared/db/commands.ts) marshalled with @aws-sdk/util-dynamodb and sent over
// the AWS JSON protocol (shared/aws/aws-json.ts). The endpoint comes from config, so the same code talks to DynamoDB
// Local; tests and `npm start` run exactly this client.

import { marshall, unmarshall, type NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import { AwsServiceError, awsJson } from '#shared/aws/aws-json.ts';
import { config } from '#shared/config.ts';
import type { DbCommand } from '#shared/db/commands.ts';

type Json = Record<string, unknown>;

/** Members holding one whole item or key: marshalled (and unmarshalled) as a unit, never walked into. */
const ITEM_MEMBERS = new Set(['Key', 'Item', 'ExclusiveStartKey', 'LastEvaluatedKey', 'Attributes', 'ExpressionAttributeValues']);
/** Members holding a list of items or keys. */
const ITEM_LIST_MEMBERS = new Set(['Keys', 'Items']);

const toAttributes = (value: unknown) =>
  marshall(value as Record<string, NativeAttributeValue>, { removeUndefinedValues: true, convertEmptyValues: false });
const fromAttributes = (value: unknown) => unmarshall(value as Parameters<typeof unmarshall>[0]);

/** Walks a request or response, converting every item-shaped member; everything else is copied as it is. */
function convert(value: unknown, item: (value: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map((entry) => convert(entry, item));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Json).map(([name, member]) => {
      if (member === undefined) return [name, member];
      if (ITEM_MEMBERS.has(name)) return [name, item(member)];
      if (ITEM_LIST_MEMBERS.has(name) && Array.isArray(member)) return [name, member.map(item)];
      return [name, convert(member, item)];
    }),
  );
}

export interface Db {
  send<C extends DbCommand<unknown, unknown>>(command: C): Promise<C['output']>;
}

async function send(command: DbCommand<unknown, unknown>): Promise<unknown> {
  const { region, dynamodbEndpoint } = config();
  try {
    const output = (await awsJson({
      service: 'dynamodb',
      region,
      endpoint: dynamodbEndpoint,
      target: `DynamoDB_20120810.${command.operation}`,
      jsonVersion: '1.0',
      body: convert(command.input, toAttributes),
    })) as Json;
    // BatchGetItem answers items per table: { Responses: { <table>: [item, ...] } }.
    if (command.operation === 'BatchGetItem' && output.Responses) {
      const responses = output.Responses as Record<string, unknown[]>;
      return { ...output, Responses: Object.fromEntries(Object.entries(responses).map(([table, items]) => [table, items.map(fromAttributes)])) };
    }
    return convert(output, fromAttributes);
  } catch (error) {
    // A cancelled transaction says why per item; its items (if returned) are plain values like everything else.
    if (error instanceof AwsServiceError && Array.isArray(error.fields.CancellationReasons)) {
      Object.assign(error, { CancellationReasons: convert(error.fields.CancellationReasons, fromAttributes) });
    }
    throw error;
  }
}

const client: Db = { send: send as Db['send'] };

export function db(): Db {
  return client;
}

export function tableName(): string {
  return config().tableName;
}
