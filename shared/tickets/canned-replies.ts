// The staff's canned replies: ready answers (title, Markdown body, language) the reply form offers. All of them live in
// one partition, `CANNED`, at most MAX_CANNED_REPLIES, counted by a counter item written in the same transaction as
// each create and delete (and the audit entry), so the limit holds under concurrent requests.

import { changesBetween, type AuditTrail, type TransactItem } from '#shared/audit/audit.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys, SK_PREFIX } from '#shared/db/keys.ts';
import { queryPage, type Page } from '#shared/db/page.ts';
import { ConflictError, NotFoundError } from '#shared/http/errors.ts';
import { LOCALES, type Locale } from '#shared/i18n/locale.ts';
import { newId } from '#shared/ids.ts';
import * as z from '#shared/validation.ts';

export const MAX_CANNED_REPLIES = 200;

export interface CannedReply {
  cannedReplyId: string;
  title: string;
  /** Markdown, as a staff reply is. */
  body: string;
  locale: Locale;
  createdAt: string;
  updatedAt: string;
  /** The staff user who wrote the current version (e-mail). */
  updatedBy?: string;
}

export type CannedReplyInput = Pick<CannedReply, 'title' | 'body' | 'locale'>;

const schema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    cannedReplyId: z.string(),
    title: z.string(),
    body: z.string(),
    locale: z.enum(LOCALES),
    createdAt: z.string(),
    updatedAt: z.string(),
    updatedBy: z.optional(z.string()),
  }),
);

export function cannedReplyItem(reply: CannedReply): Item {
  return { ...keys.cannedReply(reply.cannedReplyId), type: 'CannedReply', ...reply };
}

export function cannedReplyFromItem(item: Item): CannedReply {
  return parseItem('CannedReply', schema, item);
}

const AUDITED_FIELDS = ['title', 'body', 'locale'] as const satisfies readonly (keyof CannedReply)[];

type Commit = AuditTrail['commit'];

function cancelledAt(error: unknown, index: number): boolean {
  if ((error as Error).name !== 'TransactionCanceledException') return false;
  const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
  return reasons[index]?.Code === 'ConditionalCheckFailed';
}

/** One page of canned replies, oldest first, optionally of one language: one Query in the partition. */
export function listCannedReplies(page: { limit?: number; cursor?: string; locale?: Locale }): Promise<Page<CannedReply>> {
  return queryPage(
    {
      partition: keys.cannedReplyCount().PK,
      sortKeyPrefix: SK_PREFIX.cannedReply,
      ...(page.locale ? { where: { locale: page.locale } } : {}),
      ...(page.limit ? { limit: page.limit } : {}),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    },
    cannedReplyFromItem,
  );
}

export async function findCannedReply(cannedReplyId: string): Promise<CannedReply> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: keys.cannedReply(cannedReplyId), ConsistentRead: true }));
  if (!found.Item) throw new NotFoundError('No such canned reply.');
  return cannedReplyFromItem(found.Item);
}

function target(reply: CannedReply) {
  return { kind: 'canned-reply' as const, id: reply.cannedReplyId, label: reply.title };
}

/** Adds a canned reply: the counter goes up only below the limit (409 CANNED_REPLIES_FULL), in one transaction. */
export async function createCannedReply(input: CannedReplyInput, by: string, now: Date, commit: Commit): Promise<CannedReply> {
  const at = now.toISOString();
  const reply: CannedReply = { cannedReplyId: newId(now), ...input, createdAt: at, updatedAt: at, updatedBy: by };
  const items: TransactItem[] = [
    {
      Update: {
        TableName: tableName(),
        Key: keys.cannedReplyCount(),
        UpdateExpression: 'ADD #count :one',
        ConditionExpression: 'attribute_not_exists(#count) OR #count < :max',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':one': 1, ':max': MAX_CANNED_REPLIES },
      },
    },
    { Put: { TableName: tableName(), Item: cannedReplyItem(reply), ConditionExpression: 'attribute_not_exists(PK)' } },
  ];
  try {
    await commit({ target: target(reply), changes: changesBetween(undefined, reply, AUDITED_FIELDS), items });
  } catch (error) {
    if (cancelledAt(error, 0)) {
      throw new ConflictError(`There are already ${MAX_CANNED_REPLIES} canned replies: remove one first.`, 'CANNED_REPLIES_FULL');
    }
    throw error;
  }
  return reply;
}

/** Replaces a canned reply's texts; conditioned on the version read, so a concurrent edit is a 409, never lost. */
export async function updateCannedReply(
  cannedReplyId: string,
  input: CannedReplyInput,
  by: string,
  now: Date,
  commit: Commit,
): Promise<CannedReply> {
  const before = await findCannedReply(cannedReplyId);
  const after: CannedReply = { ...before, ...input, updatedAt: now.toISOString(), updatedBy: by };
  const items: TransactItem[] = [
    {
      Put: {
        TableName: tableName(),
        Item: cannedReplyItem(after),
        ConditionExpression: 'updatedAt = :read',
        ExpressionAttributeValues: { ':read': before.updatedAt },
      },
    },
  ];
  try {
    await commit({ target: target(after), changes: changesBetween(before, after, AUDITED_FIELDS), items });
  } catch (error) {
    if (cancelledAt(error, 0))
      throw new ConflictError('The canned reply changed meanwhile. Reload it and try again.', 'CANNED_REPLY_CHANGED');
    throw error;
  }
  return after;
}

/** Removes a canned reply and counts it out, in one transaction (a second delete of the same one is a 404). */
export async function deleteCannedReply(cannedReplyId: string, commit: Commit): Promise<void> {
  const before = await findCannedReply(cannedReplyId);
  const items: TransactItem[] = [
    { Delete: { TableName: tableName(), Key: keys.cannedReply(cannedReplyId), ConditionExpression: 'attribute_exists(PK)' } },
    {
      Update: {
        TableName: tableName(),
        Key: keys.cannedReplyCount(),
        UpdateExpression: 'ADD #count :minus',
        ConditionExpression: '#count > :zero',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
      },
    },
  ];
  try {
    await commit({ target: target(before), changes: changesBetween(before, undefined, AUDITED_FIELDS), items });
  } catch (error) {
    if (cancelledAt(error, 0)) throw new NotFoundError('No such canned reply.');
    throw error;
  }
}
