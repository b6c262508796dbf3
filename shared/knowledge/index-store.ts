// The stored search indexes of the knowledge base: rebuilt from the published articles (one paged, strongly consistent
// Query of the KB partition, never a Scan) whenever what customers can find changes, one index per language in the
// table (a head and gzipped parts, shared/knowledge/search-index.ts), and read back into the Lambda's memory, where it
// stays while its revision is the stored one.

import type MiniSearch from 'minisearch';
import { GetCommand, QueryCommand, TransactWriteCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { LOCALES, type Locale } from '#shared/i18n/locale.ts';
import { logger } from '#shared/observability/logger.ts';
import { nowIso } from '#shared/time.ts';
import { ARTICLE_SK_PREFIX, type Article, articleFromItem, KB_PARTITION } from './model.ts';
import { buildIndex, emptyIndex, type IndexedArticle, loadIndex, serialiseIndex } from './search-index.ts';

/** The item that counts article writes (added to each write's transaction: shared/knowledge/manage.ts). */
export function revisionUpdate() {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.kbRevision(),
      UpdateExpression: 'ADD revision :one',
      ExpressionAttributeValues: { ':one': 1 },
    },
  };
}

async function currentRevision(): Promise<number> {
  const result = await db().send(new GetCommand({ TableName: tableName(), Key: keys.kbRevision(), ConsistentRead: true }));
  return Number(result.Item?.revision ?? 0);
}

/** Every published article, read page by page from the KB partition (drafts filtered out by DynamoDB). */
export async function readPublishedArticles(): Promise<Article[]> {
  const articles: Article[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        FilterExpression: '#status = :published',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pk': KB_PARTITION, ':prefix': ARTICLE_SK_PREFIX, ':published': 'published' },
        ConsistentRead: true,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    articles.push(...(page.Items ?? []).map(articleFromItem));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return articles;
}

export interface IndexBuild {
  revision: number;
  articles: number;
  /** Per language: bytes stored (gzipped) and the parts they took. */
  sizes: Record<Locale, { storedBytes: number; parts: number }>;
}

/**
 * Rebuilds every language's index from the published articles. The revision is read before the articles, so the index
 * holds at least what that revision wrote; a head already at a newer revision is kept (a slower, older rebuild loses).
 */
export async function rebuildSearchIndexes(): Promise<IndexBuild> {
  const revision = await currentRevision();
  const articles = await readPublishedArticles();
  const builtAt = nowIso();
  const sizes = {} as IndexBuild['sizes'];
  for (const locale of LOCALES) {
    const { parts, storedBytes } = serialiseIndex(buildIndex(articles, locale));
    sizes[locale] = { storedBytes, parts: parts.length };
    try {
      await db().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName(),
                Item: {
                  ...keys.kbIndexHead(locale),
                  type: 'ArticleIndex',
                  locale,
                  revision,
                  parts: parts.length,
                  articles: articles.length,
                  builtAt,
                },
                ConditionExpression: 'attribute_not_exists(PK) OR revision <= :revision',
                ExpressionAttributeValues: { ':revision': revision },
              },
            },
            // Parts beyond the count (left by a bigger index) are never read: the head says how many belong to it.
            ...parts.map((data, part) => ({
              Put: { TableName: tableName(), Item: { ...keys.kbIndexPart(locale, part), type: 'ArticleIndexPart', revision, data } },
            })),
          ],
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'TransactionCanceledException') throw error;
      logger.info('A newer knowledge-base index is already stored; this rebuild is dropped.', { locale, revision });
    }
  }
  return { revision, articles: articles.length, sizes };
}

/**
 * The rebuild after a staff change: the change itself is committed, so a failure here is logged, not answered as a
 * failure of the change (the next publish or edit rebuilds again; docs/operations.md).
 */
export async function rebuildAfterChange(): Promise<void> {
  try {
    await rebuildSearchIndexes();
  } catch (error) {
    logger.error('Rebuilding the knowledge-base search index failed', { error });
  }
}

const cache = new Map<Locale, { revision: number; index: MiniSearch<IndexedArticle> }>();

async function readStoredIndex(locale: Locale): Promise<{ revision: number; index: MiniSearch<IndexedArticle> } | undefined> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': KB_PARTITION, ':prefix': keys.kbIndexHead(locale).SK },
        ConsistentRead: true,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  const head = items.find((item) => item.SK === keys.kbIndexHead(locale).SK);
  if (!head) return undefined;
  const revision = Number(head.revision);
  const parts = Array.from({ length: Number(head.parts) }, (_, part) =>
    items.find((item) => item.SK === keys.kbIndexPart(locale, part).SK),
  );
  // A Query is not isolated from a transaction: parts of another revision mean a rebuild landed meanwhile.
  if (parts.some((part) => !part || Number(part.revision) !== revision)) return undefined;
  return { revision, index: loadIndex(parts.map((part) => part!.data as Uint8Array)) };
}

/**
 * The language's index: from memory while the stored head's revision is the cached one (one GetItem), else read and
 * loaded again (one Query, re-read once if a rebuild landed in between). No index stored yet: an empty one.
 */
export async function searchIndexFor(locale: Locale): Promise<MiniSearch<IndexedArticle>> {
  const head = await db().send(new GetCommand({ TableName: tableName(), Key: keys.kbIndexHead(locale), ConsistentRead: true }));
  if (!head.Item) return emptyIndex();
  const cached = cache.get(locale);
  if (cached && cached.revision === Number(head.Item.revision)) return cached.index;
  const stored = (await readStoredIndex(locale)) ?? (await readStoredIndex(locale));
  if (!stored) return cached?.index ?? emptyIndex();
  cache.set(locale, stored);
  return stored.index;
}

/** Forgets the cached indexes (tests that rebuild and read in one process). */
export function clearSearchIndexCache(): void {
  cache.clear();
}
