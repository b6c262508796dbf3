// The knowledge-base article entity (issue #13): how-tos and answers written by staff in Markdown, per language (one or
// more translations), in a category, related to catalogue products, draft or published. Owns its keys, its item and
// its reads; the staff's writes are in shared/knowledge/manage.ts, the customers' reads in shared/knowledge/read.ts.

import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '#shared/i18n/locale.ts';
import * as z from '#shared/validation.ts';
import { ARTICLE_CATEGORIES, ARTICLE_STATUSES, type ArticleCategory, type ArticleStatus } from './kinds.ts';

export { ARTICLE_CATEGORIES, ARTICLE_STATUSES, type ArticleCategory, type ArticleStatus };

export interface ArticleTranslation {
  title: string;
  /** One or two sentences shown in search results. */
  summary: string;
  /** Markdown, rendered safely where shown. */
  body: string;
}

export type ArticleTranslations = Partial<Record<Locale, ArticleTranslation>>;

export interface Article {
  articleId: string;
  /** For readable links and references (`reset-a-forgotten-password`); not unique, the id is. */
  slug: string;
  category: ArticleCategory;
  /** Catalogue product ids (`remote-access`) the article is about; empty: about every product. */
  productIds: string[];
  status: ArticleStatus;
  translations: ArticleTranslations;
  createdAt: string;
  updatedAt: string;
  /** First set when published; kept when published again after an unpublish (its place in "new articles"). */
  publishedAt?: string;
}

/** One article in one language, as a customer reads it. */
export interface ArticleText extends ArticleTranslation {
  /** The language of the texts (the page's, else English, else the first written). */
  locale: Locale;
}

const translationSchema = () => z.object({ title: z.string(), summary: z.string(), body: z.string() });
const articleSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    articleId: z.string(),
    slug: z.string(),
    category: z.enum(ARTICLE_CATEGORIES),
    productIds: z.array(z.string()),
    status: z.enum(ARTICLE_STATUSES),
    translations: z.object({
      en: z.optional(translationSchema()),
      pl: z.optional(translationSchema()),
      de: z.optional(translationSchema()),
      fr: z.optional(translationSchema()),
      it: z.optional(translationSchema()),
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
    publishedAt: z.optional(z.string()),
  }),
);

export const ARTICLE_SK_PREFIX = keys.kbArticle('').SK;
export const KB_PARTITION = keys.kbArticle('').PK;
export const PUBLISHED_ARTICLES_PARTITION = keys.publishedArticle('', '').GSI1PK;

export function articleItem(article: Article): Item {
  // On the published index only while published: unpublishing takes it off the customers' lists and the search.
  const published = article.status === 'published' && article.publishedAt;
  return {
    ...keys.kbArticle(article.articleId),
    ...(published ? keys.publishedArticle(article.publishedAt!, article.articleId) : {}),
    type: 'Article',
    ...article,
  };
}

export function articleFromItem(item: Item): Article {
  return parseItem('Article', articleSchema, item) as Article;
}

/** The languages an article is written in, in the portal's order. */
export function articleLocales(article: Pick<Article, 'translations'>): Locale[] {
  return LOCALES.filter((code) => article.translations[code]);
}

/** The article in the page's language, else English, else the first language it is written in. */
export function articleIn(article: Pick<Article, 'translations'>, locale: Locale): ArticleText {
  const shown = article.translations[locale] ? locale : article.translations[DEFAULT_LOCALE] ? DEFAULT_LOCALE : articleLocales(article)[0]!;
  return { ...article.translations[shown]!, locale: shown };
}

/** `Reset a forgotten password!` → `reset-a-forgotten-password` (accents folded, at most 80 characters). */
export function slugFrom(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'article';
}

/** One article by id, as stored (staff), strongly consistent. */
export async function findArticle(articleId: string): Promise<Article | undefined> {
  const result = await db().send(new GetCommand({ TableName: tableName(), Key: keys.kbArticle(articleId), ConsistentRead: true }));
  return result.Item ? articleFromItem(result.Item) : undefined;
}

export async function getArticle(articleId: string): Promise<Article> {
  const article = await findArticle(articleId);
  if (!article) throw new NotFoundError('There is no such article.');
  return article;
}
