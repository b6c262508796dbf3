// The news item entity: news for the customers' home page and /news, written per language by staff (English always,
// the fallback), dated, published or not. Owns its keys, its item and its use cases; each staff change is written
// with its audit entry in one transaction.

import type { AuditTrail } from '#shared/audit/audit.ts';
import { changesBetween } from '#shared/audit/audit.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys, SK_PREFIX } from '#shared/db/keys.ts';
import { queryPage, type Page } from '#shared/db/page.ts';
import { ConflictError, NotFoundError } from '#shared/http/errors.ts';
import { DEFAULT_LOCALE, type Locale } from '#shared/i18n/locale.ts';
import { newId } from '#shared/ids.ts';
import { nowIso } from '#shared/time.ts';
import * as z from '#shared/validation.ts';

export interface NewsVersion {
  title: string;
  body: string;
}

/** English always; any other language when staff wrote it. */
export type NewsTranslations = { en: NewsVersion } & Partial<Record<Exclude<Locale, 'en'>, NewsVersion>>;

export interface News {
  newsId: string;
  /** ISO day. */
  date: string;
  published: boolean;
  translations: NewsTranslations;
  updatedAt: string;
}

/** One item in one language, as customers read it. */
export interface NewsView extends NewsVersion {
  newsId: string;
  date: string;
  locale: Locale;
}

export const newsKey = keys.news;

const versionSchema = () => z.object({ title: z.string(), body: z.string() });
const newsSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    newsId: z.string(),
    date: z.string(),
    published: z.boolean(),
    translations: z.object({
      en: versionSchema(),
      pl: z.optional(versionSchema()),
      de: z.optional(versionSchema()),
      fr: z.optional(versionSchema()),
      it: z.optional(versionSchema()),
    }),
    updatedAt: z.string(),
  }),
);

export function newsItem(news: News): Item {
  // On the published index only while published: unpublishing takes it off the customers' list.
  return { ...newsKey(news.newsId), ...(news.published ? keys.publishedNews(news.date, news.newsId) : {}), type: 'News', ...news };
}

export function newsFromItem(item: Item): News {
  return parseItem('News', newsSchema, item) as News;
}

/** The item in the page's language, else in English. */
export function newsIn(news: News, locale: Locale): NewsView {
  const version = news.translations[locale];
  const shown = version ? locale : DEFAULT_LOCALE;
  const texts = version ?? news.translations.en;
  return { newsId: news.newsId, date: news.date, title: texts.title, body: texts.body, locale: shown };
}

/** Published news, newest date first, in one language (one Query on GSI1). */
export function listPublishedNews(locale: Locale, page: { limit?: number; cursor?: string }): Promise<Page<NewsView>> {
  return queryPage(
    {
      index: 'GSI1',
      partition: keys.publishedNews('', '').GSI1PK,
      newestFirst: true,
      ...(page.limit ? { limit: page.limit } : {}),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    },
    (item) => newsIn(newsFromItem(item), locale),
  );
}

/** Every news item for staff, newest written first. */
export function listAllNews(page: { limit?: number; cursor?: string }): Promise<Page<News>> {
  return queryPage(
    {
      partition: newsKey('').PK,
      sortKeyPrefix: SK_PREFIX.news,
      newestFirst: true,
      ...(page.limit ? { limit: page.limit } : {}),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    },
    newsFromItem,
  );
}

async function getNews(newsId: string): Promise<News> {
  const result = await db().send(new GetCommand({ TableName: tableName(), Key: newsKey(newsId), ConsistentRead: true }));
  if (!result.Item) throw new NotFoundError('There is no such news item.');
  return newsFromItem(result.Item);
}

type Commit = AuditTrail['commit'];
const NEWS_FIELDS: Array<keyof News> = ['date', 'published', 'translations'];

function label(news: News): string {
  return news.translations.en.title.slice(0, 80);
}

/** The item as read is the one replaced: a concurrent change makes this one a 409, not a silent overwrite. */
async function replace(before: News, after: News, commit: Commit): Promise<News> {
  try {
    await commit({
      target: { kind: 'news', id: after.newsId, label: label(after) },
      changes: changesBetween(before, after, NEWS_FIELDS),
      items: [
        {
          Put: {
            TableName: tableName(),
            Item: newsItem(after),
            ConditionExpression: 'updatedAt = :read',
            ExpressionAttributeValues: { ':read': before.updatedAt },
          },
        },
      ],
    });
  } catch (error) {
    if ((error as Error).name === 'TransactionCanceledException') {
      throw new ConflictError('The news item was changed meanwhile. Reload it and try again.', 'NEWS_CHANGED');
    }
    throw error;
  }
  return after;
}

export async function createNews(input: { date: string; translations: NewsTranslations }, commit: Commit): Promise<News> {
  const news: News = { newsId: newId(), date: input.date, published: false, translations: input.translations, updatedAt: nowIso() };
  await commit({
    target: { kind: 'news', id: news.newsId, label: label(news) },
    changes: changesBetween(undefined, news, NEWS_FIELDS),
    items: [{ Put: { TableName: tableName(), Item: newsItem(news), ConditionExpression: 'attribute_not_exists(PK)' } }],
  });
  return news;
}

export async function editNews(
  newsId: string,
  input: { date: string; translations: NewsTranslations; updatedAt: string },
  commit: Commit,
): Promise<News> {
  const before = await getNews(newsId);
  if (before.updatedAt !== input.updatedAt) {
    throw new ConflictError('The news item was changed meanwhile. Reload it and try again.', 'NEWS_CHANGED');
  }
  return replace(before, { ...before, date: input.date, translations: input.translations, updatedAt: nowIso() }, commit);
}

export async function publishNews(newsId: string, published: boolean, commit: Commit): Promise<News> {
  const before = await getNews(newsId);
  return replace(before, { ...before, published, updatedAt: nowIso() }, commit);
}
