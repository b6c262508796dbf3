// The suppression list: addresses SES reported as a permanent bounce or a complaint are not mailed again. The mail
// suppression entity (one item per address) lives here: its key, its item and `mailSuppressionFromItem`.

import { GetCommand, PutCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import * as z from '#shared/validation.ts';

export type SuppressionReason = 'bounce' | 'complaint';

export interface MailSuppression {
  email: string;
  reason: SuppressionReason;
  /** The first time SES reported it. */
  suppressedAt: string;
}

export const mailSuppressionKey = keys.mailSuppression;

const suppressionSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({ email: z.string(), reason: z.enum(['bounce', 'complaint']), suppressedAt: z.string() }),
);

export function mailSuppressionItem(suppression: MailSuppression): Item {
  return { ...mailSuppressionKey(suppression.email), type: 'MailSuppression', ...suppression };
}

export function mailSuppressionFromItem(item: Item): MailSuppression {
  return parseItem('MailSuppression', suppressionSchema, item);
}

export async function isSuppressed(email: string): Promise<boolean> {
  // Only the item's existence counts, so nothing of it is read.
  const result = await db().send(new GetCommand({ TableName: tableName(), Key: mailSuppressionKey(email), ProjectionExpression: 'PK' }));
  return result.Item !== undefined;
}

/** Idempotent: the same feedback event twice leaves one item, with the first time it was seen. */
export async function suppress(email: string, reason: SuppressionReason, at: string): Promise<void> {
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: mailSuppressionItem({ email, reason, suppressedAt: at }),
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}
