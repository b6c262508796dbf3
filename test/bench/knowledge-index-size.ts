// The measurement behind docs/data-model.md "Knowledge base search index": how big one language's serialised minisearch
// index is for 1,000 published articles of ~2 KB of text each (plain JSON and as stored, gzipped), how many table items
// it takes, and how long building, serialising and loading take. Words are drawn from a fixed vocabulary with a fixed
// seed, so each run measures the same corpus.
// `node --import tsx test/bench/knowledge-index-size.ts` (ARTICLES=5000 for another size).

import { performance } from 'node:perf_hooks';
import type { Article } from '#shared/knowledge/model.ts';
import { buildIndex, INDEX_PART_BYTES, loadIndex, searchIndex, serialiseIndex } from '#shared/knowledge/search-index.ts';

const ARTICLES = Number(process.env.ARTICLES ?? 1000);
const BODY_BYTES = 2000;

let seed = 42;
function random(): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
}

// A support vocabulary of ~3,000 distinct words: real terms plus numbered variants (versions, error codes, hosts).
const BASE = (
  'remote access server gateway licence license activate activation user users session sessions printer print ' +
  'certificate ssl tls port firewall windows update upgrade install installation configure configuration error ' +
  'connection connect timeout password reset two factor authentication security policy backup restore monitoring ' +
  'alert disk memory cpu service restart log logs file files share drive mapping browser html5 client portal web ' +
  'domain active directory group permission admin administrator role token key serial edition enterprise desktop ' +
  'mobile trial expire expired renew renewal support contract invoice payment network dns proxy load balancer'
).split(' ');
const VOCABULARY = [...BASE, ...Array.from({ length: 3000 - BASE.length }, (_, i) => `${BASE[i % BASE.length]}${i}`)];

function words(bytes: number): string {
  const out: string[] = [];
  let length = 0;
  while (length < bytes) {
    // Zipf-like: common words often, rare ones seldom, as in real text.
    const word = VOCABULARY[Math.floor(VOCABULARY.length * random() ** 3)]!;
    out.push(word);
    length += word.length + 1;
  }
  return out.join(' ');
}

const articles: Article[] = Array.from({ length: ARTICLES }, (_, i) => ({
  articleId: `01JD3Q8W5M2K7Z9XG4R${String(i).padStart(7, '0')}`,
  slug: `article-${i}`,
  category: 'troubleshooting',
  productIds: ['remote-access'],
  status: 'published',
  translations: { en: { title: words(50), summary: words(160), body: words(BODY_BYTES) } },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  publishedAt: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
}));

const started = performance.now();
const index = buildIndex(articles, 'en');
const built = performance.now();
const { parts, jsonBytes, storedBytes } = serialiseIndex(index);
const serialised = performance.now();
const loaded = loadIndex(parts);
const reloaded = performance.now();
const hits = searchIndex(loaded, 'remote printer').length;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
console.log(`${ARTICLES} articles of ~${BODY_BYTES} B (title and summary besides), one language`);
console.log(`  JSON.stringify(index): ${kb(jsonBytes)} (item limit 400 KB: ${jsonBytes < 400_000 ? 'fits' : 'does not fit'})`);
console.log(`  stored (gzip): ${kb(storedBytes)} in ${parts.length} part(s) of at most ${kb(INDEX_PART_BYTES)}`);
console.log(
  `  build ${(built - started).toFixed(0)} ms, serialise + gzip ${(serialised - built).toFixed(0)} ms, load ${(reloaded - serialised).toFixed(0)} ms`,
);
console.log(`  a search after loading: ${hits} hits`);
