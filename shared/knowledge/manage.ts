// Staff (admin, support) write the knowledge base: create and edit articles, publish and unpublish them. Each change is
// written with its audit entry and the knowledge base's revision in one transaction; when it changes what customers
// can find (a publish, an unpublish, an edit of a published article) the search indexes are rebuilt.

import type { AuditTrail } from '#shared/audit/audit.ts';
import { changesBetween } from '#shared/audit/audit.ts';
import { tableName } from '#shared/db/client.ts';
import { queryPage, type Page } from '#shared/db/page.ts';
import { ConflictError } from '#shared/http/errors.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import { newId } from '#shared/ids.ts';
import { nowIso } from '#shared/time.ts';
import { rebuildAfterChange, revisionUpdate } from './index-store.ts';
import {
  type Article,
  type ArticleCategory,
  ARTICLE_SK_PREFIX,
  type ArticleTranslations,
  articleFromItem,
  articleIn,
  articleItem,
  articleLocales,
  getArticle,
  KB_PARTITION,
  slugFrom,
} from './model.ts';

type Commit = AuditTrail['commit'];

export interface ArticleInput {
  slug?: string | undefined;
  category: ArticleCategory;
  productIds: string[];
  translations: ArticleTranslations;
}

/** An article in the staff's list: no bodies (a page of full articles could be megabytes). */
export interface ArticleSummary {
  articleId: string;
  slug: string;
  category: ArticleCategory;
  productIds: string[];
  status: Article['status'];
  title: string;
  locales: Locale[];
  updatedAt: string;
  publishedAt?: string;
}

const FIELDS: Array<keyof Article> = ['slug', 'category', 'productIds', 'status', 'translations'];

function label(article: Article): string {
  return articleIn(article, 'en').title.slice(0, 80);
}

export function summaryOf(article: Article): ArticleSummary {
  return {
    articleId: article.articleId,
    slug: article.slug,
    category: article.category,
    productIds: article.productIds,
    status: article.status,
    title: articleIn(article, 'en').title,
    locales: articleLocales(article),
    updatedAt: article.updatedAt,
    ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
  };
}

/** Every article, drafts too, newest written first (one Query of the KB partition per page). */
export function listArticles(page: { limit?: number; cursor?: string }): Promise<Page<ArticleSummary>> {
  return queryPage(
    {
      partition: KB_PARTITION,
      sortKeyPrefix: ARTICLE_SK_PREFIX,
      newestFirst: true,
      ...(page.limit ? { limit: page.limit } : {}),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    },
    (item) => summaryOf(articleFromItem(item)),
  );
}

function changed(): ConflictError {
  return new ConflictError('The article was changed meanwhile. Reload it and try again.', 'ARTICLE_CHANGED');
}

/** The article as read is the one replaced: a concurrent change makes this one a 409, not a silent overwrite. */
async function replace(before: Article, after: Article, commit: Commit): Promise<Article> {
  try {
    await commit({
      target: { kind: 'article', id: after.articleId, label: label(after) },
      changes: changesBetween(before, after, FIELDS),
      items: [
        {
          Put: {
            TableName: tableName(),
            Item: articleItem(after),
            ConditionExpression: 'updatedAt = :read',
            ExpressionAttributeValues: { ':read': before.updatedAt },
          },
        },
        revisionUpdate(),
      ],
    });
  } catch (error) {
    if ((error as Error).name === 'TransactionCanceledException') throw changed();
    throw error;
  }
  return after;
}

export async function createArticle(input: ArticleInput, commit: Commit): Promise<Article> {
  const at = nowIso();
  const draft = { translations: input.translations };
  const article: Article = {
    articleId: newId(),
    slug: input.slug ?? slugFrom(articleIn(draft, 'en').title),
    category: input.category,
    productIds: input.productIds,
    status: 'draft',
    translations: input.translations,
    createdAt: at,
    updatedAt: at,
  };
  await commit({
    target: { kind: 'article', id: article.articleId, label: label(article) },
    changes: changesBetween(undefined, article, FIELDS),
    items: [
      { Put: { TableName: tableName(), Item: articleItem(article), ConditionExpression: 'attribute_not_exists(PK)' } },
      revisionUpdate(),
    ],
  });
  return article;
}

export async function editArticle(articleId: string, input: ArticleInput & { updatedAt: string }, commit: Commit): Promise<Article> {
  const before = await getArticle(articleId);
  if (before.updatedAt !== input.updatedAt) throw changed();
  const after = await replace(
    before,
    {
      ...before,
      slug: input.slug ?? before.slug,
      category: input.category,
      productIds: input.productIds,
      translations: input.translations,
      updatedAt: nowIso(),
    },
    commit,
  );
  if (after.status === 'published') await rebuildAfterChange();
  return after;
}

export async function publishArticle(articleId: string, published: boolean, commit: Commit): Promise<Article> {
  const before = await getArticle(articleId);
  const at = nowIso();
  const after = await replace(
    before,
    {
      ...before,
      status: published ? 'published' : 'draft',
      updatedAt: at,
      ...(published && !before.publishedAt ? { publishedAt: at } : {}),
    },
    commit,
  );
  await rebuildAfterChange();
  return after;
}
