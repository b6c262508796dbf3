// Order references (JWT1042): the configured prefix and the next number of one atomic counter item. The counter only
// hands out numbers; uniqueness is the reference claim's conditional put, in the same transaction as the order.
// One counter serves every prefix and only ever grows, so each prefix's references increase with time; orders written
// by other means (the demo seed, an import) move it past their own numbers with advanceOrderReferenceCounter.

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
  // UPDATED_NEW of `ADD value :one` always holds the counter's new number (only this ADD and a numeric SET write it).
  const taken = result.Attributes?.value as number;
  return `${config().orderReferencePrefix}${FIRST_ORDER_NUMBER - 1 + taken}`;
}

/**
 * Moves the counter so the next reference is above `reference`'s number (e.g. JWT2001 -> next JWT2002); never moves it
 * back. For orders written without nextOrderReference: the demo seed, an import from an old portal.
 */
export async function advanceOrderReferenceCounter(reference: string): Promise<void> {
  const number = Number(/(\d+)$/.exec(reference)?.[1]);
  if (!Number.isSafeInteger(number) || number < FIRST_ORDER_NUMBER) return;
  const taken = number - FIRST_ORDER_NUMBER + 1;
  await db()
    .send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.orderReferenceCounter(),
        UpdateExpression: 'SET #value = :taken, #type = :type',
        ConditionExpression: 'attribute_not_exists(#value) OR #value < :taken',
        ExpressionAttributeNames: { '#value': 'value', '#type': 'type' },
        ExpressionAttributeValues: { ':taken': taken, ':type': 'Counter' },
      }),
    )
    .catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
}
