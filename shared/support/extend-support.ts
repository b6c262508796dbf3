// Staff extend a customer's support & updates subscription to a later end date, from the customer page. The
// subscription's new end and, when it is now the newest end, its licence's `supportEndsAt` (docs/data-model.md: the
// licence keeps the end of the newest subscription covering it) change in one audited transaction, each conditional on
// what was read, so a racing change is a 409 to retry rather than a lost update.

import type { AuditCommit, TransactItem } from '#shared/accounts/audited.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { ConflictError, NotFoundError, ValidationError } from '#shared/http/errors.ts';
import { readLicence } from '#shared/licences/activations.ts';
import { licenceKey, type StoredLicence } from '#shared/licences/model.ts';
import { supportStatus, supportSubscriptionFromItem, supportSubscriptionKey, type SupportSubscriptionView } from '#shared/support/model.ts';
import { now } from '#shared/time.ts';
import { subscriptionEventPut } from '#shared/subscriptions/events.ts';
import { subscriptionPut } from '#shared/subscriptions/model.ts';
import { renewableSupportOf } from '#shared/subscriptions/renewable-support.ts';

/** Support runs to the end of the day staff name (UTC). */
export function endOfDay(day: string): string {
  return `${day}T23:59:59.999Z`;
}

/**
 * The licence's `supportEndsAt` moved to `endsAt` when that is later than what it holds (the licence keeps the newest
 * end), conditional on the value read; undefined when it already holds a later end.
 */
export function licenceSupportEndsUpdate(
  accountId: string,
  licence: Pick<StoredLicence, 'licenceId' | 'supportEndsAt'>,
  endsAt: string,
): TransactItem | undefined {
  if (licence.supportEndsAt !== undefined && licence.supportEndsAt >= endsAt) return undefined;
  return {
    Update: {
      TableName: tableName(),
      Key: licenceKey(accountId, licence.licenceId),
      UpdateExpression: 'SET supportEndsAt = :ends',
      ConditionExpression:
        licence.supportEndsAt === undefined
          ? 'attribute_exists(PK) AND attribute_not_exists(supportEndsAt)'
          : 'attribute_exists(PK) AND supportEndsAt = :was',
      ExpressionAttributeValues: { ':ends': endsAt, ...(licence.supportEndsAt === undefined ? {} : { ':was': licence.supportEndsAt }) },
    },
  };
}

export async function extendSupport(
  context: { accountId: string; subscriptionId: string; commit: AuditCommit },
  endsOn: string,
): Promise<SupportSubscriptionView> {
  const { accountId, subscriptionId } = context;
  const found = await db().send(
    new GetCommand({ TableName: tableName(), Key: supportSubscriptionKey(accountId, subscriptionId), ConsistentRead: true }),
  );
  if (!found.Item) throw new NotFoundError('The support subscription was not found.');
  const subscription = supportSubscriptionFromItem(found.Item);
  const endsAt = endOfDay(endsOn);
  if (endsAt <= subscription.endsAt) {
    throw new ValidationError('The new end must be later than the current one.', [
      { path: 'body.endsOn', message: `must be later than ${subscription.endsAt.slice(0, 10)}` },
    ]);
  }
  const [licence, renewable] = await Promise.all([
    readLicence(accountId, subscription.licenceId),
    renewableSupportOf(accountId, subscription.licenceId),
  ]);
  const licenceUpdate = licence ? licenceSupportEndsUpdate(accountId, licence, endsAt) : undefined;
  const licenceItems: TransactItem[] = licenceUpdate ? [licenceUpdate] : [];
  // The renewable subscription follows (issue #15): paid until the new end, so the daily job neither reminds nor
  // suspends a licence staff covered, and a renewal extends from there.
  if (renewable && renewable.paidUntil < endsAt && renewable.status !== 'ended') {
    const { autoRenewFailedOn: _failed, ...kept } = renewable;
    const status = renewable.status === 'cancelled' ? 'cancelled' : 'active';
    const at = now().toISOString();
    licenceItems.push(
      subscriptionPut(renewable, { ...kept, paidUntil: endsAt, status, remindersSent: [], updatedAt: at }),
      subscriptionEventPut(accountId, {
        subscriptionId: renewable.subscriptionId,
        kind: 'renewed',
        at,
        by: 'staff',
        paidUntil: { from: renewable.paidUntil, to: endsAt },
        ...(status === renewable.status ? {} : { status: { from: renewable.status, to: status } }),
      }),
    );
  }
  try {
    await context.commit({
      target: { kind: 'support', id: subscriptionId, accountId, label: `${subscription.product} ${subscription.serial}` },
      changes: [{ field: 'endsAt', before: subscription.endsAt, after: endsAt }],
      items: [
        {
          Update: {
            TableName: tableName(),
            Key: supportSubscriptionKey(accountId, subscriptionId),
            UpdateExpression: 'SET endsAt = :ends',
            ConditionExpression: 'endsAt = :was',
            ExpressionAttributeValues: { ':ends': endsAt, ':was': subscription.endsAt },
          },
        },
        ...licenceItems,
      ],
    });
  } catch (error) {
    if ((error as Error).name === 'TransactionCanceledException') {
      throw new ConflictError('The subscription or its licence changed at the same time. Try again.', 'SUPPORT_BUSY');
    }
    throw error;
  }
  return { ...subscription, endsAt, status: supportStatus(endsAt, now()) };
}
