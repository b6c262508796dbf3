// The DynamoDB client: lib-dynamodb's DocumentClient over the SDK's DynamoDBClient, one per process. Plain JavaScript
// values in and out. The endpoint comes from config, so the same code talks to DynamoDB Local; tests and `npm start`
// run exactly this client.

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { clientOptions, once } from '#shared/aws/client-options.ts';
import { config } from '#shared/config.ts';

export type Db = DynamoDBDocumentClient;

const client = once(() =>
  DynamoDBDocumentClient.from(new DynamoDBClient(clientOptions(config().region, config().dynamodbEndpoint)), {
    // Optional fields are left undefined in our items; they are simply not stored.
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  }),
);

export function db(): Db {
  return client();
}

export function tableName(): string {
  return config().tableName;
}
