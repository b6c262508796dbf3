// Order references (JWT1042): the configured prefix and the next number of one atomic counter item. The counter only
// hands out numbers; uniqueness is the reference claim's conditional put, in the same transaction as the order.

import { UpdateCommand } from '#shared/db/commands.ts';
import { config } from '#shared/config.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';

/** The counter starts at 0, so the first order is JWT1001: references keep at least four digits. */
export const FIRST_ORDER_NUMBER = 1001;

/** One UpdateItem ADD: every caller gets a number nobody else got, however many run at once. */
export async function nextOrderReference(): Promise<string> {
  const result = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.orderReferenceCounter(),
      UpdateExpression: 'ADD #value :one SET #type = :type',
      ExpressionAttributeNames: { '#value': 'value', '#type': 'type' },
      ExpressionAttributeValues: { ':one': 1, ':type': 'Counter' },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  const taken = result.Attributes?.value as number;
  return `${config().orderReferencePrefix}${FIRST_ORDER_NUMBER - 1 + taken}`;
}
