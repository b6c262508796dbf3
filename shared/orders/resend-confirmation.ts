// Staff send an order's confirmation e-mail again (the customer lost it), from the customer page: the same mail the
// order first sent, to the account's recipients of `orders` mail, each in their language (the order's for a person who
// never chose one). The mail goes first; the audit entry follows with a
// check that the order is still there.

import type { AuditCommit } from '#shared/accounts/audited.ts';
import { config } from '#shared/config.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import type { SendResult } from '#shared/mail/send.ts';
import { mailAccount } from '#shared/notifications/send.ts';
import { orderConfirmationMail } from '#shared/mail/templates.ts';
import { orderFromItem, orderKey, type StoredOrder } from '#shared/orders/model.ts';

export const orderNotFound = () => new NotFoundError('The order was not found.');

/** The order of this account, read strongly consistent, or undefined. */
export async function readStoredOrder(accountId: string, orderId: string): Promise<StoredOrder | undefined> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: orderKey(accountId, orderId), ConsistentRead: true }));
  return found.Item ? orderFromItem(found.Item) : undefined;
}

export async function resendOrderConfirmation(context: {
  accountId: string;
  orderId: string;
  commit: AuditCommit;
}): Promise<{ orderId: string; reference: string; email: string; recipients: string[]; confirmationMail: SendResult }> {
  const { accountId, orderId } = context;
  const order = await readStoredOrder(accountId, orderId);
  if (!order) throw orderNotFound();
  const confirmation = {
    reference: order.reference,
    licences: order.issued,
    ...(order.services ? { services: order.services } : {}),
    total: order.total,
    portalUrl: config().portalUrl,
  };
  const sent = await mailAccount(
    accountId,
    'orders',
    (recipient) => orderConfirmationMail(recipient.email, confirmation, recipient.locale),
    order.locale,
  );
  const confirmationMail = sent.result;
  await context.commit({
    target: { kind: 'order', id: orderId, accountId, label: order.reference },
    changes: [
      { field: 'confirmationMail', after: confirmationMail },
      { field: 'recipients', after: sent.recipients.join(', ') },
    ],
    items: [{ ConditionCheck: { TableName: tableName(), Key: orderKey(accountId, orderId), ConditionExpression: 'attribute_exists(PK)' } }],
  });
  return { orderId, reference: order.reference, email: order.email, recipients: sent.recipients, confirmationMail };
}
