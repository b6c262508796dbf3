// Route contracts of the support desk's knowledge area (issue #13): customers search and read the published articles and
// get suggestions while typing a ticket's subject; staff (admin, support) write, edit, publish and unpublish them.

import { pageOf, timestamp } from '#shared/api/common.ts';
import { catalogueIdSchema } from '#shared/api/catalogue.ts';
import { contract, customer, json, staff } from '#shared/api/contract.ts';
import { pageQuery, ulidSchema } from '#shared/http/schemas.ts';
import { LOCALES } from '#shared/i18n/locale.ts';
import { ARTICLE_CATEGORIES, ARTICLE_STATUSES } from '#shared/knowledge/kinds.ts';
import * as z from '#shared/validation.ts';

const editors = staff('admin', 'support');
const locale = z.enum(LOCALES);
const category = z.enum(ARTICLE_CATEGORIES);
const articlePath = z.strictObject({ articleId: ulidSchema });

/** A search hit, a suggestion or a recent article: what a list shows without the article's body. */
const articleHit = z.strictObject({
  articleId: z.string(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  /** Plain text around the first word the query matched; absent when listing without a query. */
  snippet: z.optional(z.string()),
  category,
  productIds: z.array(z.string()),
  /** The language of title and summary (the page's, else English, else the article's first). */
  locale,
  publishedAt: timestamp,
});

export const searchArticles = contract({
  method: 'GET',
  path: '/api/knowledge',
  summary:
    'Searches the published articles in the page’s language: ranked hits with title, summary and a snippet; every article, newest first, without `q`. Filters by category and product.',
  access: customer,
  request: {
    query: z.strictObject({
      q: z.optional(z.string().check(z.maxLength(200))),
      locale: z.optional(locale),
      category: z.optional(category),
      product: z.optional(catalogueIdSchema),
      limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(50))),
      cursor: z.optional(z.string().check(z.regex(/^\d{1,5}$/, 'A cursor from the previous page.'))),
    }),
  },
  response: json(z.strictObject({ items: z.array(articleHit), total: z.number(), nextCursor: z.optional(z.string()) })),
});

export const suggestArticles = contract({
  method: 'GET',
  path: '/api/knowledge/suggest',
  summary: 'Up to five published articles that may answer a ticket’s subject (fuzzy, by word start), best first.',
  access: customer,
  request: { query: z.strictObject({ subject: z.optional(z.string().check(z.maxLength(200))), locale: z.optional(locale) }) },
  response: json(z.strictObject({ items: z.array(articleHit) })),
});

export const getArticle = contract({
  method: 'GET',
  path: '/api/knowledge/{articleId}',
  summary: 'One published article in the page’s language (else English); a draft is 404.',
  access: customer,
  request: { path: articlePath, query: z.strictObject({ locale: z.optional(locale) }) },
  response: json(
    z.strictObject({
      articleId: z.string(),
      slug: z.string(),
      category,
      productIds: z.array(z.string()),
      title: z.string(),
      summary: z.string(),
      /** Markdown: render it safely (no raw HTML). */
      body: z.string(),
      locale,
      locales: z.array(locale),
      publishedAt: timestamp,
      updatedAt: timestamp,
    }),
  ),
});

// --- Staff: the editor ---------------------------------------------------------------------------------------------

const translation = z.strictObject({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  summary: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  body: z.string().check(z.trim(), z.minLength(1), z.maxLength(20_000)),
});

/** One or more languages; a customer reads the page's, else English, else the first written. */
export const articleTranslations = z
  .strictObject({
    en: z.optional(translation),
    pl: z.optional(translation),
    de: z.optional(translation),
    fr: z.optional(translation),
    it: z.optional(translation),
  })
  .check(z.refine((texts) => Object.values(texts).some(Boolean), 'At least one language.'));

const articleInput = z.strictObject({
  slug: z.optional(z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/, 'Lower-case letters, digits and dashes.'))),
  category,
  /** Catalogue product ids (`remote-access`); none: about every product. */
  productIds: z.array(catalogueIdSchema).check(z.maxLength(20)),
  translations: articleTranslations,
});

const staffArticle = z.strictObject({
  articleId: z.string(),
  slug: z.string(),
  category,
  productIds: z.array(z.string()),
  status: z.enum(ARTICLE_STATUSES),
  translations: z.strictObject({
    en: z.optional(translation),
    pl: z.optional(translation),
    de: z.optional(translation),
    fr: z.optional(translation),
    it: z.optional(translation),
  }),
  createdAt: timestamp,
  updatedAt: timestamp,
  publishedAt: z.optional(timestamp),
});

const staffArticleSummary = z.strictObject({
  articleId: z.string(),
  slug: z.string(),
  category,
  productIds: z.array(z.string()),
  status: z.enum(ARTICLE_STATUSES),
  /** In English, else the first language written. */
  title: z.string(),
  locales: z.array(locale),
  updatedAt: timestamp,
  publishedAt: z.optional(timestamp),
});

export const listStaffArticles = contract({
  method: 'GET',
  path: '/api/admin/knowledge',
  summary: 'Staff: every article, drafts too, newest written first (no bodies).',
  access: editors,
  request: { query: pageQuery },
  response: json(pageOf(staffArticleSummary)),
});

export const getStaffArticle = contract({
  method: 'GET',
  path: '/api/admin/knowledge/{articleId}',
  summary: 'Staff: one article with every translation, draft or published.',
  access: editors,
  request: { path: articlePath },
  response: json(staffArticle),
});

export const createArticle = contract({
  method: 'POST',
  path: '/api/admin/knowledge',
  summary: 'Staff: writes an article (a draft until published).',
  access: editors,
  audit: { action: 'article.create', reason: 'none' },
  request: { body: articleInput },
  response: json(staffArticle, 201),
});

export const editArticle = contract({
  method: 'PUT',
  path: '/api/admin/knowledge/{articleId}',
  summary:
    'Staff: replaces an article’s texts, category and products (a published one is searchable as edited). 409 when it changed meanwhile.',
  access: editors,
  audit: { action: 'article.edit', reason: 'none' },
  request: { path: articlePath, body: z.strictObject({ ...articleInput.shape, updatedAt: timestamp }) },
  response: json(staffArticle),
});

export const publishArticle = contract({
  method: 'POST',
  path: '/api/admin/knowledge/{articleId}/publish',
  summary: 'Staff: publishes an article (customers find it) or takes it back to a draft; the search index is rebuilt.',
  access: editors,
  audit: { action: 'article.publish', reason: 'none' },
  request: { path: articlePath, body: z.strictObject({ published: z.boolean() }) },
  response: json(staffArticle),
});
