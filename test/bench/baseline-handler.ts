// The baseline of `npm run bench`: a handler as `cdk init` and NodejsFunction's defaults would have it. One
// DynamoDBDocumentClient GetItem; bundled to CommonJS, unminified, with `@aws-sdk/*` left external so that the
// runtime's copy (here: node_modules) is loaded at cold start.

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

const client = DynamoDBDocumentClient.from(
  new DynamoDBClient(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {}),
);

export const handler = async (event: { pathParameters?: { id?: string } }) => {
  const { Item } = await client.send(
    new GetCommand({
      TableName: process.env.TABLE_NAME,
      Key: { PK: `ACCOUNT#${event.pathParameters?.id ?? 'demo-nordwind'}`, SK: 'ACCOUNT' },
    }),
  );
  return { statusCode: Item ? 200 : 404, body: JSON.stringify(Item ?? { message: 'Not found' }) };
};
