// The mailing list (marketing news, per person): the subscription entity, opting in with the exact wording shown and
// its time, opting out (from the page or the one-click link), and the staff export of the current subscribers.

import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { decodeCursor, encodeCursor } from '#shared/db/page.ts';
import { keys } from '#shared/db/keys.ts';
import { GSI1 } from '#shared/db/table.ts';
import { brand } from '#shared/brand.ts';
import { localeSchema, type Locale } from '#shared/i18n/locale.ts';
import { CONSENT_VERSION, consentWording, type MailingList } from '#shared/notifications/consent-wording.ts';
import { now } from '#shared/time.ts';
import * as z from '#shared/validation.ts';

export interface MailingSubscription {
  userId: string;
  list: MailingList;
  status: 'subscribed' | 'unsubscribed';
  /** The person's login e-mail (kept in step by the change of e-mail). */
  email: string;
  firstName?: string;
  lastName?: string;
  /** The language of the wording consented to, and of the mails. */
  locale: Locale;
  consentedAt: string;
  /** The exact text shown and agreed to, and its version. */
  wording: string;
  wordingVersion: string;
  unsubscribedAt?: string;
}

const subscriptionSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    userId: z.string(),
    list: z.enum(['news']),
    status: z.enum(['subscribed', 'unsubscribed']),
    email: z.string(),
    firstName: z.optional(z.string()),
    lastName: z.optional(z.string()),
    locale: localeSchema,
    consentedAt: z.string(),
    wording: z.string(),
    wordingVersion: z.string(),
    unsubscribedAt: z.optional(z.string()),
  }),
);

export function subscriptionItem(subscription: MailingSubscription): Item {
  return {
    ...keys.mailingSubscription(subscription.userId, subscription.list),
    // Sparse: only a current subscriber is in the list's GSI1 partition.
    ...(subscription.status === 'subscribed'
      ? keys.mailingSubscribers(subscription.list, subscription.consentedAt, subscription.userId)
      : {}),
    type: 'MailingSubscription',
    ...subscription,
  };
}

export function subscriptionFromItem(item: Item): MailingSubscription {
  return parseItem('MailingSubscription', subscriptionSchema, item);
}

export async function getSubscription(userId: string, list: MailingList): Promise<MailingSubscription | undefined> {
  const found = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.mailingSubscription(userId, list), ConsistentRead: true }),
  );
  return found.Item ? subscriptionFromItem(found.Item) : undefined;
}

/** Opts in: stores the wording of this version in this language (what the page showed) and the time. One PutItem. */
export async function subscribe(person: {
  userId: string;
  email: string;
  firstName?: string | undefined;
  lastName?: string | undefined;
  locale: Locale;
  list: MailingList;
}): Promise<MailingSubscription> {
  const subscription: MailingSubscription = {
    userId: person.userId,
    list: person.list,
    status: 'subscribed',
    email: person.email,
    ...(person.firstName ? { firstName: person.firstName } : {}),
    ...(person.lastName ? { lastName: person.lastName } : {}),
    locale: person.locale,
    consentedAt: now().toISOString(),
    wording: consentWording(person.locale, brand().productName),
    wordingVersion: CONSENT_VERSION,
  };
  await db().send(new PutCommand({ TableName: tableName(), Item: subscriptionItem(subscription) }));
  return subscription;
}

/**
 * Opts out: the consent stays on record (when and to what), the time it ended is added, and the item leaves the list's
 * index. Idempotent: no subscription, or one already ended, is left as it is. One UpdateItem.
 */
export async function unsubscribe(userId: string, list: MailingList): Promise<void> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.mailingSubscription(userId, list),
        UpdateExpression: 'SET #status = :unsubscribed, unsubscribedAt = :at REMOVE #gpk, #gsk',
        ConditionExpression: '#status = :subscribed',
        ExpressionAttributeNames: { '#status': 'status', '#gpk': GSI1.partitionKey, '#gsk': GSI1.sortKey },
        ExpressionAttributeValues: { ':unsubscribed': 'unsubscribed', ':subscribed': 'subscribed', ':at': now().toISOString() },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}

/** Keeps a subscription's address in step with the person's login e-mail (the change of e-mail). */
export function subscriptionEmailUpdate(userId: string, list: MailingList, email: string) {
  return {
    TableName: tableName(),
    Key: keys.mailingSubscription(userId, list),
    UpdateExpression: 'SET email = :email',
    ConditionExpression: 'attribute_exists(PK)',
    ExpressionAttributeValues: { ':email': email },
  };
}

/** Rows per Query, and Queries per download: one download holds at most 5,000 subscribers, then a cursor goes on. */
export const EXPORT_PAGE_ROWS = 1000;
export const EXPORT_PAGES_PER_FILE = 5;

const CSV_HEADER = ['email', 'first_name', 'last_name', 'language', 'consented_at', 'wording_version', 'wording'];

/** One CSV cell: quoted, quotes doubled, and a leading = + - @ defused so a spreadsheet never runs it as a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * The current subscribers of a list as CSV, oldest consent first: at most EXPORT_PAGES_PER_FILE Queries of
 * EXPORT_PAGE_ROWS each on the list's GSI1 partition; `nextCursor` when more remain (the next part of the file).
 */
export async function exportSubscribers(
  list: MailingList,
  cursor: string | undefined,
  rowsPerPage = EXPORT_PAGE_ROWS,
): Promise<{ csv: string; rows: number; nextCursor?: string }> {
  const partition = keys.mailingSubscribers(list, '', '').GSI1PK;
  let startKey = cursor ? decodeCursor(cursor, { index: 'GSI1', partition }) : undefined;
  const lines = [CSV_HEADER.join(',')];
  for (let page = 0; page < EXPORT_PAGES_PER_FILE; page += 1) {
    const result = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: GSI1.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': GSI1.partitionKey },
        ExpressionAttributeValues: { ':pk': partition },
        Limit: rowsPerPage,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const subscription of (result.Items ?? []).map(subscriptionFromItem)) {
      lines.push(
        [
          subscription.email,
          subscription.firstName ?? '',
          subscription.lastName ?? '',
          subscription.locale,
          subscription.consentedAt,
          subscription.wordingVersion,
          subscription.wording,
        ]
          .map(cell)
          .join(','),
      );
    }
    startKey = result.LastEvaluatedKey as Record<string, string> | undefined;
    if (!startKey) break;
  }
  return { csv: `${lines.join('\r\n')}\r\n`, rows: lines.length - 1, ...(startKey ? { nextCursor: encodeCursor(startKey) } : {}) };
}
