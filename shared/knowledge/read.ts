// Customers read the knowledge base: search it (ranked hits from the stored index, with a snippet of each article's
// text), get suggestions for a ticket's subject, read one published article, and (for the home page's activity feed)
// the newest articles about their products.

import { BatchGetCommand, QueryCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { NotFoundError, ValidationError } from '#shared/http/errors.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import { searchIndexFor } from './index-store.ts';
import {
  type Article,
  type ArticleCategory,
  articleFromItem,
  articleIn,
  articleLocales,
  findArticle,
  PUBLISHED_ARTICLES_PARTITION,
} from './model.ts';
import { type Hit, searchIndex, snippetOf, suggestFromIndex } from './search-index.ts';

export interface ArticleHit {
  articleId: string;
  slug: string;
  title: string;
  summary: string;
  /** Plain text around the first matched word (absent without a query). */
  snippet?: string;
  category: ArticleCategory;
  productIds: string[];
  locale: Locale;
  publishedAt: string;
}

export interface SearchPage {
  items: ArticleHit[];
  /** How many articles matched in all. */
  total: number;
  nextCursor?: string;
}

/** A search page's cursor: where the next page starts in the ranked hits. */
function offsetOf(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const offset = Number(cursor);
  if (!/^\d{1,5}$/.test(cursor) || !Number.isSafeInteger(offset)) {
    throw new ValidationError('The cursor is not valid.', [{ path: 'cursor', message: 'not a cursor' }]);
  }
  return offset;
}

/** Published articles by id, for the hits of one page (one BatchGetItem; unprocessed keys asked again, a few times). */
async function articlesById(ids: readonly string[]): Promise<Map<string, Article>> {
  const found = new Map<string, Article>();
  let pending: Record<string, unknown>[] = ids.map((id) => keys.kbArticle(id));
  for (let attempt = 0; pending.length > 0 && attempt < 3; attempt += 1) {
    const result = await db().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending } } }));
    for (const item of result.Responses?.[tableName()] ?? []) {
      const article = articleFromItem(item);
      found.set(article.articleId, article);
    }
    pending = (result.UnprocessedKeys?.[tableName()]?.Keys ?? []) as Record<string, unknown>[];
  }
  return found;
}

function hitView(hit: Hit, article: Article | undefined, locale: Locale, withSnippet: boolean): ArticleHit {
  const snippet = withSnippet && article ? snippetOf(articleIn(article, locale).body, hit.terms) : undefined;
  return {
    articleId: hit.id,
    slug: hit.slug,
    title: hit.title,
    summary: hit.summary,
    ...(snippet ? { snippet } : {}),
    category: hit.category,
    productIds: hit.productIds,
    locale: hit.locale,
    publishedAt: hit.publishedAt,
  };
}

/**
 * Ranked hits for a query in one language (every article, newest first, for an empty query), filtered by category and
 * product; one page at a time. Reads: the index head (and the index itself when it changed), then the page's articles
 * for their snippets.
 */
export async function searchArticles(input: {
  q?: string | undefined;
  locale: Locale;
  category?: ArticleCategory | undefined;
  product?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}): Promise<SearchPage> {
  const offset = offsetOf(input.cursor);
  const index = await searchIndexFor(input.locale);
  const query = input.q?.trim() ?? '';
  const hits = searchIndex(index, query, {
    ...(input.category ? { category: input.category } : {}),
    ...(input.product ? { product: input.product } : {}),
  });
  const page = hits.slice(offset, offset + input.limit);
  const articles = query && page.length > 0 ? await articlesById(page.map((hit) => hit.id)) : new Map<string, Article>();
  const next = offset + page.length;
  return {
    items: page.map((hit) => hitView(hit, articles.get(hit.id), input.locale, query !== '')),
    total: hits.length,
    ...(next < hits.length ? { nextCursor: String(next) } : {}),
  };
}

/** Up to five articles that may answer a ticket's subject, best first (the index only: no article read). */
export async function suggestArticles(subject: string, locale: Locale): Promise<ArticleHit[]> {
  const index = await searchIndexFor(locale);
  return suggestFromIndex(index, subject, 5).map((hit) => hitView(hit, undefined, locale, false));
}

export interface PublishedArticle {
  articleId: string;
  slug: string;
  category: ArticleCategory;
  productIds: string[];
  title: string;
  summary: string;
  body: string;
  locale: Locale;
  /** Every language the article is written in (the page may offer them). */
  locales: Locale[];
  publishedAt: string;
  updatedAt: string;
}

/** One published article in the page's language (else English, else its first); a draft or unknown id is a 404. */
export async function getPublishedArticle(articleId: string, locale: Locale): Promise<PublishedArticle> {
  const article = await findArticle(articleId);
  if (!article || article.status !== 'published') throw new NotFoundError('There is no such article.');
  const text = articleIn(article, locale);
  return {
    articleId: article.articleId,
    slug: article.slug,
    category: article.category,
    productIds: article.productIds,
    title: text.title,
    summary: text.summary,
    body: text.body,
    locale: text.locale,
    locales: articleLocales(article),
    publishedAt: article.publishedAt ?? article.updatedAt,
    updatedAt: article.updatedAt,
  };
}

export interface RecentArticle {
  articleId: string;
  slug: string;
  title: string;
  summary: string;
  locale: Locale;
  productIds: string[];
  publishedAt: string;
}

/** How many published articles recentArticles reads at most to find `limit` about the given products. */
const RECENT_READ_LIMIT = 50;

/**
 * The activity feed's seam: published articles, newest first, about any of `productIds` or about every product (none
 * named); all of them when `productIds` is empty. One Query on GSI1 (`KB#PUBLISHED`), reading at most 50 articles.
 */
export async function recentArticles(locale: Locale, productIds: readonly string[], limit: number): Promise<RecentArticle[]> {
  const result = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': PUBLISHED_ARTICLES_PARTITION },
      ScanIndexForward: false,
      Limit: RECENT_READ_LIMIT,
    }),
  );
  const wanted = new Set(productIds);
  return (result.Items ?? [])
    .map(articleFromItem)
    .filter((article) => wanted.size === 0 || article.productIds.length === 0 || article.productIds.some((id) => wanted.has(id)))
    .slice(0, limit)
    .map((article) => {
      const text = articleIn(article, locale);
      return {
        articleId: article.articleId,
        slug: article.slug,
        title: text.title,
        summary: text.summary,
        locale: text.locale,
        productIds: article.productIds,
        publishedAt: article.publishedAt ?? article.updatedAt,
      };
    });
}
