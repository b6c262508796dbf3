// Staff move an order to another customer account (placed for the wrong company), with what it issued: its licences,
// their activation history, every support subscription covering them and the renewable Subscription (issue #15) that
// continues a support term (same id), with its history and its place in the daily job's schedule. One audited TransactWriteItems deletes each
// item from the old account's partition and puts it into the new one, each conditional on what was read, and points
// the order reference's claim at the new account; DynamoDB's limit of 100 items per transaction bounds what can move.

import { searchEntryItems } from '#shared/search/search-entry.ts';
import { getAccount } from '#shared/accounts/account.ts';
import type { AuditCommit, TransactItem } from '#shared/accounts/audited.ts';
import { AUDIT_ITEMS_PER_ENTRY, MAX_TRANSACTION_ITEMS } from '#shared/audit/audit.ts';
import { GetCommand, QueryCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import type { Item } from '#shared/db/entity.ts';
import { accountPartition, keys, SK_PREFIX } from '#shared/db/keys.ts';
import { GSI1 } from '#shared/db/table.ts';
import { subscriptionEventFromItem, subscriptionEventItem } from '#shared/subscriptions/events.ts';
import { subscriptionFromItem, subscriptionItem, subscriptionKey } from '#shared/subscriptions/model.ts';
import { ConflictError, NotFoundError, ValidationError } from '#shared/http/errors.ts';
import { readLicence } from '#shared/licences/activations.ts';
import { licenceEventFromItem, licenceEventItem, licenceEventKey, licenceEventPrefix } from '#shared/licences/licence-events.ts';
import { licenceItem, licenceKey, type StoredLicence } from '#shared/licences/model.ts';
import { orderItem, orderKey, toOrder } from '#shared/orders/model.ts';
import { orderReferenceKey } from '#shared/orders/order-reference-claim.ts';
import { orderNotFound, readStoredOrder } from '#shared/orders/resend-confirmation.ts';
import {
  supportByLicenceKey,
  supportSubscriptionFromItem,
  supportSubscriptionItem,
  supportSubscriptionKey,
} from '#shared/support/model.ts';

/** What one move may write besides its audit entry. */
export const MAX_MOVED_ITEMS = MAX_TRANSACTION_ITEMS - AUDIT_ITEMS_PER_ENTRY;

const tooLarge = (needed: number) =>
  new ConflictError(
    `This order and what it issued are ${needed} table writes, more than one transaction can move (${MAX_MOVED_ITEMS}).`,
    'ORDER_TOO_LARGE_TO_MOVE',
    { needed, limit: MAX_MOVED_ITEMS },
  );

/** A bounded, consistent Query of one partition (or GSI1 partition): at most `limit` items, enough to tell "too many". */
async function queryAll(input: { index?: 'GSI1'; partition: string; prefix?: string }, limit: number): Promise<Item[]> {
  const result = await db().send(
    new QueryCommand({
      TableName: tableName(),
      ...(input.index ? { IndexName: GSI1.name } : {}),
      KeyConditionExpression: input.prefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
      ExpressionAttributeNames: input.index
        ? { '#pk': GSI1.partitionKey, ...(input.prefix ? { '#sk': GSI1.sortKey } : {}) }
        : { '#pk': 'PK', ...(input.prefix ? { '#sk': 'SK' } : {}) },
      ExpressionAttributeValues: { ':pk': input.partition, ...(input.prefix ? { ':prefix': input.prefix } : {}) },
      ...(input.index ? {} : { ConsistentRead: true }),
      Limit: limit,
    }),
  );
  return result.Items ?? [];
}

/** The renewable Subscription that continues a support term (same id), and its history; none for older purchases. */
async function readRenewable(accountId: string, subscriptionId: string, limit: number) {
  const [found, events] = await Promise.all([
    db().send(new GetCommand({ TableName: tableName(), Key: subscriptionKey(accountId, subscriptionId), ConsistentRead: true })),
    queryAll({ partition: accountPartition(accountId), prefix: `${SK_PREFIX.subscriptionEvent}${subscriptionId}#` }, limit),
  ]);
  if (!found.Item) return undefined;
  return { subscription: subscriptionFromItem(found.Item), events: events.map(subscriptionEventFromItem) };
}

function move(from: { PK: string; SK: string }, to: Item, condition: string, values?: Record<string, unknown>): TransactItem[] {
  return [
    {
      Delete: {
        TableName: tableName(),
        Key: from,
        ConditionExpression: condition,
        ...(values ? { ExpressionAttributeValues: values } : {}),
      },
    },
    { Put: { TableName: tableName(), Item: to, ConditionExpression: 'attribute_not_exists(PK)' } },
  ];
}

/** The licence's delete conditional on the binding read, so a transfer racing the move fails one of them. */
function licenceMove(fromAccount: string, toAccount: string, licence: StoredLicence): TransactItem[] {
  const version = licence.bindingVersion ?? 0;
  return move(
    licenceKey(fromAccount, licence.licenceId),
    licenceItem(toAccount, licence),
    version === 0 ? 'attribute_exists(PK) AND attribute_not_exists(bindingVersion)' : 'bindingVersion = :version',
    version === 0 ? undefined : { ':version': version },
  );
}

export interface MovedOrder {
  orderId: string;
  reference: string;
  fromAccountId: string;
  toAccountId: string;
  licences: number;
  subscriptions: number;
}

export async function moveOrder(
  context: { accountId: string; orderId: string; commit: AuditCommit },
  toAccountId: string,
): Promise<MovedOrder> {
  const { accountId, orderId } = context;
  if (toAccountId === accountId) {
    throw new ValidationError('The order is on this account already.', [
      { path: 'body.toAccountId', message: 'is the order’s own account' },
    ]);
  }
  const [order, target] = await Promise.all([readStoredOrder(accountId, orderId), getAccount(toAccountId)]);
  if (!order) throw orderNotFound();
  if (!target) throw new NotFoundError('The account to move the order to was not found.');

  // A service plan's subscription runs on in its account (renewals, invoices, the daily job): moving it is not built.
  if (order.services?.length) {
    throw new ConflictError(
      'This order started service subscriptions, which stay with the account that bought them; it cannot be moved.',
      'ORDER_HAS_SERVICES',
    );
  }
  // Each licence is two writes at least, its subscription two more: refuse early what cannot fit, before reading it.
  const licenceIds = [...new Set(order.issued.map((issued) => issued.licenceId))];
  const atLeast = 3 + 2 * licenceIds.length;
  if (atLeast > MAX_MOVED_ITEMS) throw tooLarge(atLeast);

  const room = MAX_MOVED_ITEMS + 1;
  const parts = await Promise.all(
    licenceIds.map(async (licenceId) => {
      const [licence, events, subscriptions] = await Promise.all([
        readLicence(accountId, licenceId),
        queryAll({ partition: accountPartition(accountId), prefix: licenceEventPrefix(licenceId) }, room),
        queryAll({ index: 'GSI1', partition: supportByLicenceKey(accountId, licenceId, '').GSI1PK }, room),
      ]);
      const terms = subscriptions.map(supportSubscriptionFromItem);
      return {
        licenceId,
        licence,
        events: events.map(licenceEventFromItem),
        subscriptions: terms,
        renewables: await Promise.all(terms.map((term) => readRenewable(accountId, term.subscriptionId, room))),
      };
    }),
  );

  const items: TransactItem[] = [
    ...move(
      orderKey(accountId, orderId),
      orderItem({ accountId: toAccountId, order: toOrder(order), locale: order.locale, issued: order.issued }),
      'attribute_exists(PK)',
    ),
    {
      Update: {
        TableName: tableName(),
        Key: orderReferenceKey(order.reference),
        UpdateExpression: 'SET accountId = :to',
        ConditionExpression: 'accountId = :from AND orderId = :order',
        ExpressionAttributeValues: { ':to': toAccountId, ':from': accountId, ':order': orderId },
      },
    },
  ];
  let subscriptionCount = 0;
  let licenceCount = 0;
  for (const part of parts) {
    // A licence of the order that is no longer on this account (moved on its own, say) stays where it is.
    if (part.licence) {
      licenceCount += 1;
      items.push(...licenceMove(accountId, toAccountId, part.licence));
    }
    for (const event of part.events) {
      items.push(
        ...move(licenceEventKey(accountId, event.licenceId, event.eventId), licenceEventItem(toAccountId, event), 'attribute_exists(PK)'),
      );
    }
    for (const subscription of part.subscriptions) {
      subscriptionCount += 1;
      items.push(
        ...move(
          supportSubscriptionKey(accountId, subscription.subscriptionId),
          supportSubscriptionItem(toAccountId, subscription),
          'endsAt = :ends',
          { ':ends': subscription.endsAt },
        ),
      );
    }
    for (const renewable of part.renewables) {
      if (!renewable) continue;
      const { subscription, events } = renewable;
      // Its schedule place (GSI2) names the account: subscriptionItem writes it afresh for the new one.
      items.push(
        ...move(
          subscriptionKey(accountId, subscription.subscriptionId),
          subscriptionItem({ ...subscription, accountId: toAccountId }),
          'version = :version',
          { ':version': subscription.version },
        ),
      );
      for (const event of events) {
        items.push(
          ...move(
            keys.subscriptionEvent(accountId, event.subscriptionId, event.eventId),
            subscriptionEventItem(toAccountId, event),
            'attribute_exists(PK)',
          ),
        );
      }
    }
  }
  // The customer search follows the order: its reference and its licences' serials now find the other account, and
  // each account's licence count moves with them (the target account must exist: the condition of its update).
  const movedLicences = parts.flatMap((part) => (part.licence ? [part.licence] : []));
  // One searchEntryItems call per account: it gives each key once (two licences may share a serial).
  const searchOf = (owner: string) =>
    searchEntryItems([
      { accountId: owner, kind: 'order', value: order.reference },
      ...movedLicences.map((licence) => ({ accountId: owner, kind: 'serial' as const, value: licence.serial })),
    ]);
  for (const entry of searchOf(accountId)) items.push({ Delete: { TableName: tableName(), Key: { PK: entry.PK, SK: entry.SK } } });
  for (const entry of searchOf(toAccountId)) items.push({ Put: { TableName: tableName(), Item: entry } });
  for (const [owner, delta] of [
    [toAccountId, licenceCount],
    [accountId, -licenceCount],
  ] as const) {
    items.push({
      Update: {
        TableName: tableName(),
        Key: { PK: accountPartition(owner), SK: 'ACCOUNT' },
        UpdateExpression: 'ADD licenceCount :delta',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':delta': delta },
      },
    });
  }
  if (items.length > MAX_MOVED_ITEMS) throw tooLarge(items.length);

  try {
    await context.commit({
      target: { kind: 'order', id: orderId, accountId, label: order.reference },
      changes: [{ field: 'accountId', before: accountId, after: toAccountId }],
      items,
    });
  } catch (error) {
    if ((error as Error).name === 'TransactionCanceledException') {
      throw new ConflictError('The order or what it issued changed while it was being moved. Try again.', 'ORDER_BUSY');
    }
    throw error;
  }
  return {
    orderId,
    reference: order.reference,
    fromAccountId: accountId,
    toAccountId,
    licences: licenceCount,
    subscriptions: subscriptionCount,
  };
}
