// The knowledge base's search index, pure: built per language (fallback texts included), serialised into gzipped parts
// and loaded back to the same answers, Markdown reduced to its words, snippets around the matched word.

import { describe, expect, it } from 'vitest';
import type { Article } from '#shared/knowledge/model.ts';
import {
  buildIndex,
  loadIndex,
  plainText,
  searchIndex,
  serialiseIndex,
  snippetOf,
  suggestFromIndex,
} from '#shared/knowledge/search-index.ts';

function article(articleId: string, translations: Article['translations'], extra: Partial<Article> = {}): Article {
  return {
    articleId,
    slug: articleId.toLowerCase(),
    category: 'troubleshooting',
    productIds: [],
    status: 'published',
    translations,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    publishedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

const printer = article('A', {
  en: { title: 'Printer offline', summary: 'When printing stops.', body: 'Restart the **spooler** service.' },
  pl: { title: 'Drukarka nie działa', summary: 'Gdy wydruk staje.', body: 'Uruchom ponownie usługę bufora.' },
});
const vpn = article(
  'B',
  { en: { title: 'Gateway certificate', summary: 'Renew it.', body: 'Upload the [new certificate](https://x.test).' } },
  {
    category: 'security',
    productIds: ['remote-access'],
    publishedAt: '2026-02-01T00:00:00.000Z',
  },
);

describe('the knowledge-base search index', () => {
  it('indexes each article in the language asked, else in its fallback', () => {
    const polish = buildIndex([printer, vpn], 'pl');
    expect(searchIndex(polish, 'dzIałA').map((hit) => [hit.id, hit.locale])).toEqual([['A', 'pl']]);
    expect(searchIndex(polish, 'certificate').map((hit) => [hit.id, hit.locale])).toEqual([['B', 'en']]);
    expect(searchIndex(buildIndex([printer], 'en'), 'drukarka')).toEqual([]);
  });

  it('loads from its stored parts to the same answers', () => {
    const index = buildIndex([printer, vpn], 'en');
    const { parts, storedBytes, jsonBytes } = serialiseIndex(index);
    expect(parts.length).toBe(1);
    expect(storedBytes).toBeLessThan(jsonBytes);
    const loaded = loadIndex(parts);
    expect(searchIndex(loaded, 'spooler')).toEqual(searchIndex(index, 'spooler'));
    expect(searchIndex(loaded, '').map((hit) => hit.id)).toEqual(['B', 'A']);
  });

  it('filters by category and product (articles about every product stay in)', () => {
    const index = buildIndex([printer, vpn], 'en');
    expect(searchIndex(index, '', { category: 'security' }).map((hit) => hit.id)).toEqual(['B']);
    expect(searchIndex(index, '', { product: 'advanced-security' }).map((hit) => hit.id)).toEqual(['A']);
  });

  it('suggests by word start and with a typo', () => {
    const index = buildIndex([printer, vpn], 'en');
    expect(suggestFromIndex(index, 'my gatew certifcate expired').map((hit) => hit.id)[0]).toBe('B');
    expect(suggestFromIndex(index, '  ')).toEqual([]);
  });

  it('reduces Markdown to its words and cuts a snippet around the matched word', () => {
    expect(plainText('# Title\n\n- **bold** [link](https://x.test) `code`')).toBe('Title\nbold link code');
    const body = `${'Lorem ipsum dolor sit amet. '.repeat(20)}The spooler service hangs. ${'Other text here. '.repeat(20)}`;
    const snippet = snippetOf(body, ['spooler']);
    expect(snippet).toContain('spooler');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThan(200);
  });
});
