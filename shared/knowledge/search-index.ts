// The knowledge base's search index, pure: built with minisearch from the published articles of one language (each
// article in that language, else in its fallback), serialised and gzipped into parts that fit a table item, loaded
// back, and asked for ranked hits, suggestions and snippets. Storage lives in shared/knowledge/index-store.ts.

import { gunzipSync, gzipSync } from 'node:zlib';
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { Locale } from '#shared/i18n/locale.ts';
import { lazySchema, parseItem } from '#shared/db/entity.ts';
import { LOCALES } from '#shared/i18n/locale.ts';
import { foldedWords } from '#shared/search/fold.ts';
import * as z from '#shared/validation.ts';
import { ARTICLE_CATEGORIES } from './kinds.ts';
import { type Article, type ArticleCategory, articleIn } from './model.ts';

/** What the index keeps of each article besides the terms: enough to show a hit without reading the article. */
export interface IndexedArticle {
  id: string;
  slug: string;
  title: string;
  summary: string;
  category: ArticleCategory;
  productIds: string[];
  locale: Locale;
  publishedAt: string;
}

/**
 * A stored part's largest size: DynamoDB's item limit is 400 KB including the key and the other attributes, so a part
 * keeps a margin. The gzipped index of 1,000 articles of 2 KB is far below one part (test/bench/knowledge-index-size.ts).
 */
export const INDEX_PART_BYTES = 350_000;

/** Every term is matched folded: "łączenie", "Laczenie" and "LACZENIE" are one term (as in customer search). */
function processTerm(term: string): string | null {
  const folded = foldedWords(term).join('');
  return folded.length > 0 ? folded : null;
}

const OPTIONS: Options<IndexedArticle> = {
  fields: ['title', 'summary', 'body'],
  storeFields: ['slug', 'title', 'summary', 'category', 'productIds', 'locale', 'publishedAt'],
  processTerm,
  searchOptions: { boost: { title: 3, summary: 2 }, processTerm },
};

/** Markdown to the words a reader sees: no link targets, code fences, emphasis marks or heading signs in the index. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n/g, '\n')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`~|]+/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** The index of one language over the given published articles. */
export function buildIndex(articles: readonly Article[], locale: Locale): MiniSearch<IndexedArticle> {
  const index = new MiniSearch<IndexedArticle>(OPTIONS);
  index.addAll(
    articles.map((article) => {
      const text = articleIn(article, locale);
      return {
        id: article.articleId,
        slug: article.slug,
        title: text.title,
        summary: text.summary,
        body: plainText(text.body),
        category: article.category,
        productIds: article.productIds,
        locale: text.locale,
        publishedAt: article.publishedAt ?? article.updatedAt,
      };
    }),
  );
  return index;
}

/** The index as stored: `JSON.stringify(miniSearch)`, gzipped, cut into parts of at most INDEX_PART_BYTES. */
export function serialiseIndex(index: MiniSearch<IndexedArticle>): { parts: Uint8Array[]; jsonBytes: number; storedBytes: number } {
  const json = JSON.stringify(index);
  const zipped = gzipSync(json);
  const parts: Uint8Array[] = [];
  for (let start = 0; start < zipped.length || parts.length === 0; start += INDEX_PART_BYTES) {
    parts.push(new Uint8Array(zipped.subarray(start, start + INDEX_PART_BYTES)));
  }
  return { parts, jsonBytes: Buffer.byteLength(json, 'utf8'), storedBytes: zipped.length };
}

/** The parts, in order, back into a searchable index. */
export function loadIndex(parts: readonly Uint8Array[]): MiniSearch<IndexedArticle> {
  const json = gunzipSync(Buffer.concat(parts.map((part) => Buffer.from(part)))).toString('utf8');
  return MiniSearch.loadJSON<IndexedArticle>(json, OPTIONS);
}

export function emptyIndex(): MiniSearch<IndexedArticle> {
  return new MiniSearch<IndexedArticle>(OPTIONS);
}

export interface IndexFilter {
  category?: ArticleCategory;
  /** Articles about this product, or about every product (none named). */
  product?: string;
}

/** The fields the index stores per article (OPTIONS.storeFields), read back typed: minisearch hands them back untyped. */
const storedSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    category: z.enum(ARTICLE_CATEGORIES),
    productIds: z.array(z.string()),
    locale: z.enum(LOCALES),
    publishedAt: z.string(),
  }),
);

function storedOf(result: SearchResult): Omit<IndexedArticle, 'id'> {
  return parseItem('IndexedArticle', storedSchema, result);
}

function matches(result: SearchResult, filter: IndexFilter): boolean {
  if (filter.category && result.category !== filter.category) return false;
  const { productIds } = storedOf(result);
  if (filter.product && productIds.length > 0 && !productIds.includes(filter.product)) return false;
  return true;
}

export interface Hit extends IndexedArticle {
  score: number;
  /** The folded index terms the query matched, for the snippet. */
  terms: string[];
}

function toHit(result: SearchResult): Hit {
  return {
    id: String(result.id),
    ...storedOf(result),
    score: result.score,
    terms: result.terms,
  };
}

/**
 * Ranked hits: every word must match (a word may be the start of a longer one, or one letter off in six); when that
 * finds nothing, any word does. An empty query lists every article, newest first.
 */
export function searchIndex(index: MiniSearch<IndexedArticle>, query: string, filter: IndexFilter = {}): Hit[] {
  const filterBy = (result: SearchResult) => matches(result, filter);
  if (query.trim() === '') {
    return index
      .search(MiniSearch.wildcard, { filter: filterBy })
      .map(toHit)
      .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.id.localeCompare(a.id));
  }
  const options = { prefix: true, fuzzy: 0.2, filter: filterBy } as const;
  const all = index.search(query, { ...options, combineWith: 'AND' });
  return (all.length > 0 ? all : index.search(query, { ...options, combineWith: 'OR' })).map(toHit);
}

/** Articles that may answer a ticket's subject while it is typed: any word, fuzzy and by prefix, best first. */
export function suggestFromIndex(index: MiniSearch<IndexedArticle>, subject: string, limit = 5): Hit[] {
  if (foldedWords(subject).length === 0) return [];
  return index.search(subject, { prefix: true, fuzzy: 0.2, combineWith: 'OR' }).slice(0, limit).map(toHit);
}

const SNIPPET_CHARS = 180;

/**
 * About SNIPPET_CHARS of the article's text around the first word the query matched (whole words, "…" where cut); the
 * text's start when no matched word is in it.
 */
export function snippetOf(markdown: string, terms: readonly string[]): string {
  const text = plainText(markdown).replace(/\s+/g, ' ');
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const found = words.find((word) => {
    const folded = foldedWords(word[0]).join('');
    return terms.some((term) => folded.startsWith(term) || term.startsWith(folded));
  });
  const at = found?.index ?? 0;
  let start = Math.max(0, at - SNIPPET_CHARS / 3);
  if (start > 0) start = text.indexOf(' ', start) + 1 || at;
  let end = Math.min(text.length, start + SNIPPET_CHARS);
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}
