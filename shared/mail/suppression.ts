// The suppression list: addresses SES reported as a permanent bounce or a complaint are not mailed again.

import { GetCommand, PutCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';

export type SuppressionReason = 'bounce' | 'complaint';

export async function isSuppressed(email: string): Promise<boolean> {
  const result = await db().send(new GetCommand({ TableName: tableName(), Key: keys.mailSuppression(email) }));
  return result.Item !== undefined;
}

/** Idempotent: the same feedback event twice leaves one item, with the first time it was seen. */
export async function suppress(email: string, reason: SuppressionReason, at: string): Promise<void> {
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.mailSuppression(email), type: 'MailSuppression', email, reason, suppressedAt: at },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}
