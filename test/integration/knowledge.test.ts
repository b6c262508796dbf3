// The knowledge base against DynamoDB Local: staff write and publish articles, publishing rebuilds the stored search
// index (a published article is found, a draft or an unpublished one is not), drafts are 404 to customers, the search
// answers per language, suggestions find an article from a ticket subject with a typo, and the activity feed's seam.
// Each test uses words of its own (the KB partition is shared by every test of the run).

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createCustomer, createStaff, purchases, signIn, startTestApi, type TestApi } from '../support/api.ts';
import { auditEntries } from '../support/route-checks.ts';
import { GetCommand, PutCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { rebuildSearchIndexes } from '#shared/knowledge/index-store.ts';
import { recentArticles } from '#shared/knowledge/read.ts';

let api: TestApi;
let staffToken: string;
let customerToken: string;
beforeAll(async () => {
  api = await startTestApi();
  staffToken = await signIn(api, 'staff', await createStaff(['support']));
  customerToken = await signIn(api, 'customer', (await createCustomer(purchases(1))).login);
});
afterAll(() => api.stop());

/** A word no other test uses, letters only (the index folds and splits on anything else). */
function uniqueWord(prefix: string): string {
  return `${prefix}${randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 8)}`;
}

type Texts = Record<string, { title: string; summary: string; body: string }>;

async function writeArticle(translations: Texts, extra: Record<string, unknown> = {}): Promise<{ articleId: string; updatedAt: string }> {
  const created = await call(api, 'POST', '/api/admin/knowledge', {
    token: staffToken,
    body: { category: 'troubleshooting', productIds: ['remote-access'], translations, ...extra },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

async function publish(articleId: string, published = true) {
  const answer = await call(api, 'POST', `/api/admin/knowledge/${articleId}/publish`, { token: staffToken, body: { published } });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

async function search(query: string) {
  const answer = await call(api, 'GET', `/api/knowledge?${query}`, { token: customerToken });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as {
    items: Array<{ articleId: string; title: string; snippet?: string; locale: string }>;
    total: number;
    nextCursor?: string;
  };
}

const ids = (page: { items: Array<{ articleId: string }> }) => page.items.map((item) => item.articleId);

describe('publishing and the search index', () => {
  it('finds a published article after publishing, never a draft, and no longer after unpublishing', async () => {
    // Prepare: two articles with the same rare word, one published.
    const word = uniqueWord('gateway');
    const published = await writeArticle({
      en: {
        title: `Printing through the ${word}`,
        summary: 'Printers on the remote desktop.',
        body: `Map the local printer. The ${word} keeps the queue.`,
      },
    });
    const draft = await writeArticle({ en: { title: `Draft about ${word}`, summary: 'Not yet.', body: 'Secret.' } });
    expect((await search(`q=${word}`)).items).toEqual([]);
    // Act
    const answer = await publish(published.articleId);
    // Assess: the publish is audited, and the index answers with the article and a snippet around the word.
    expect(answer).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    const found = await search(`q=${word}&locale=en`);
    expect(ids(found)).toEqual([published.articleId]);
    expect(found.items[0]!.snippet).toContain(word);
    const entries = await auditEntries();
    expect(entries.some((entry) => entry.action === 'article.publish' && (entry.target as { id: string }).id === published.articleId)).toBe(
      true,
    );
    expect(ids(await search(`q=${word}`))).not.toContain(draft.articleId);

    // Unpublished: gone from the search, and a 404 to customers.
    await publish(published.articleId, false);
    expect(ids(await search(`q=${word}`))).toEqual([]);
    const gone = await call(api, 'GET', `/api/knowledge/${published.articleId}`, { token: customerToken });
    expect(gone.status).toBe(404);
  });

  it('re-indexes an edit of a published article, and refuses an edit of a version that changed meanwhile (409)', async () => {
    const before = uniqueWord('firewall');
    const after = uniqueWord('proxy');
    const article = await writeArticle({ en: { title: `Port rules for ${before}`, summary: 'Ports.', body: 'Open port 443.' } });
    const { updatedAt } = await publish(article.articleId);
    const edit = (version: string) =>
      call(api, 'PUT', `/api/admin/knowledge/${article.articleId}`, {
        token: staffToken,
        body: {
          category: 'configuration',
          productIds: [],
          translations: { en: { title: `Port rules for ${after}`, summary: 'Ports.', body: 'Open port 443.' } },
          updatedAt: version,
        },
      });
    expect((await edit(updatedAt)).status).toBe(200);
    expect(ids(await search(`q=${after}`))).toEqual([article.articleId]);
    expect(ids(await search(`q=${before}`))).toEqual([]);
    const stale = await edit(updatedAt);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('ARTICLE_CHANGED');
  });

  it('keeps a newer stored index when an older rebuild finishes last', async () => {
    const word = uniqueWord('monitor');
    const article = await writeArticle({ en: { title: `Alerts of ${word}`, summary: 'Alerts.', body: 'Disk alerts.' } });
    await publish(article.articleId);
    const head = await db().send(new GetCommand({ TableName: tableName(), Key: keys.kbIndexHead('en'), ConsistentRead: true }));
    // A rebuild that read an older revision than the stored head's: its write is dropped.
    await db().send(new PutCommand({ TableName: tableName(), Item: { ...head.Item, revision: Number(head.Item!.revision) + 1000 } }));
    const build = await rebuildSearchIndexes();
    const kept = await db().send(new GetCommand({ TableName: tableName(), Key: keys.kbIndexHead('en'), ConsistentRead: true }));
    expect(build.revision).toBeLessThan(Number(kept.Item!.revision));
    expect(kept.Item!.revision).toBe(Number(head.Item!.revision) + 1000);
    // Put the head back, so later rebuilds of this run land again.
    await db().send(new PutCommand({ TableName: tableName(), Item: head.Item! }));
  });
});

describe('what customers read', () => {
  it('answers a draft or unknown article with 404, and a published one in the page’s language, else English', async () => {
    const draft = await writeArticle({ en: { title: 'Draft', summary: 'Draft.', body: 'Draft.' } });
    expect((await call(api, 'GET', `/api/knowledge/${draft.articleId}`, { token: customerToken })).status).toBe(404);
    expect((await call(api, 'GET', '/api/knowledge/01JD3Q8W5M2K7Z9XG4R6T1V000', { token: customerToken })).status).toBe(404);

    const article = await writeArticle({
      en: { title: 'Reset a password', summary: 'How to.', body: '# Steps\n\nOpen **Security**.' },
      pl: { title: 'Reset hasła', summary: 'Jak to zrobić.', body: '# Kroki\n\nOtwórz **Bezpieczeństwo**.' },
    });
    await publish(article.articleId);
    const polish = await call(api, 'GET', `/api/knowledge/${article.articleId}?locale=pl`, { token: customerToken });
    expect(polish.status).toBe(200);
    expect(polish.body).toMatchObject({
      title: 'Reset hasła',
      body: '# Kroki\n\nOtwórz **Bezpieczeństwo**.',
      locale: 'pl',
      locales: ['en', 'pl'],
    });
    const german = await call(api, 'GET', `/api/knowledge/${article.articleId}?locale=de`, { token: customerToken });
    expect(german.body).toMatchObject({ title: 'Reset a password', locale: 'en' });
  });

  it('searches per language: the Polish text in Polish (accents folded), the English one in English', async () => {
    const polishWord = uniqueWord('drukarka');
    const englishWord = uniqueWord('printer');
    const article = await writeArticle({
      en: { title: `The ${englishWord} is offline`, summary: 'Printing.', body: 'Restart the spooler.' },
      pl: { title: `Łączenie: ${polishWord} nie drukuje`, summary: 'Drukowanie.', body: 'Uruchom ponownie bufor wydruku.' },
    });
    await publish(article.articleId);
    expect(ids(await search(`q=${polishWord}&locale=pl`))).toEqual([article.articleId]);
    expect(ids(await search(`q=${polishWord}&locale=en`))).toEqual([]);
    expect(ids(await search(`q=${englishWord}&locale=en`))).toEqual([article.articleId]);
    // Folded: "laczenie" finds "Łączenie" together with the Polish word.
    expect(ids(await search(`q=${encodeURIComponent(`laczenie ${polishWord}`)}&locale=pl`))).toEqual([article.articleId]);
    // German has no version: the English text is searched and shown.
    const german = await search(`q=${englishWord}&locale=de`);
    expect(german.items[0]).toMatchObject({ articleId: article.articleId, locale: 'en' });
  });

  it('filters by category and product, pages with a cursor, and refuses a bad cursor or category (400)', async () => {
    const word = uniqueWord('licence');
    const first = await writeArticle(
      { en: { title: `${word} one`, summary: 'One.', body: 'One.' } },
      { category: 'licensing', productIds: ['remote-access'] },
    );
    const second = await writeArticle(
      { en: { title: `${word} two`, summary: 'Two.', body: 'Two.' } },
      { category: 'licensing', productIds: ['advanced-security'] },
    );
    const general = await writeArticle(
      { en: { title: `${word} three`, summary: 'Three.', body: 'Three.' } },
      { category: 'security', productIds: [] },
    );
    for (const article of [first, second, general]) await publish(article.articleId);

    expect(new Set(ids(await search(`q=${word}&category=licensing`)))).toEqual(new Set([first.articleId, second.articleId]));
    // About the product, or about every product.
    expect(new Set(ids(await search(`q=${word}&product=advanced-security`)))).toEqual(new Set([second.articleId, general.articleId]));
    const page1 = await search(`q=${word}&limit=2`);
    expect(page1.items).toHaveLength(2);
    expect(page1.total).toBe(3);
    const page2 = await search(`q=${word}&limit=2&cursor=${page1.nextCursor}`);
    expect(new Set([...ids(page1), ...ids(page2)])).toEqual(new Set([first.articleId, second.articleId, general.articleId]));
    expect((await call(api, 'GET', '/api/knowledge?cursor=abc', { token: customerToken })).status).toBe(400);
    expect((await call(api, 'GET', '/api/knowledge?category=cooking', { token: customerToken })).status).toBe(400);
  });

  it('suggests articles for a ticket subject with a typo and a cut-off word, best first, at most five', async () => {
    const word = uniqueWord('certificate');
    const article = await writeArticle({
      en: { title: `Renewing the SSL ${word}`, summary: 'Certificates on the gateway.', body: 'Upload the new certificate.' },
    });
    await publish(article.articleId);
    // One letter off in the rare word, and "renew" cut short.
    const typo = `${word.slice(0, -1)}x`;
    const answer = await call(api, 'GET', `/api/knowledge/suggest?subject=${encodeURIComponent(`renew ${typo}`)}&locale=en`, {
      token: customerToken,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.items[0]).toMatchObject({ articleId: article.articleId, title: `Renewing the SSL ${word}` });
    expect(answer.body.items.length).toBeLessThanOrEqual(5);
    const empty = await call(api, 'GET', '/api/knowledge/suggest?subject=%20%20&locale=en', { token: customerToken });
    expect(empty.body.items).toEqual([]);
  });
});

describe('staff only', () => {
  it('refuses the editor to a customer, and lists drafts to staff', async () => {
    const draft = await writeArticle({ en: { title: 'Staff list draft', summary: 'Draft.', body: 'Draft.' } });
    const refused = await call(api, 'GET', '/api/admin/knowledge', { token: customerToken });
    expect([401, 403]).toContain(refused.status);
    const listed = await call(api, 'GET', '/api/admin/knowledge?limit=100', { token: staffToken });
    expect(listed.status).toBe(200);
    expect(listed.body.items.find((item: { articleId: string }) => item.articleId === draft.articleId)).toMatchObject({
      status: 'draft',
      title: 'Staff list draft',
      locales: ['en'],
    });
    const one = await call(api, 'GET', `/api/admin/knowledge/${draft.articleId}`, { token: staffToken });
    expect(one.body.translations.en.body).toBe('Draft.');
    const none = await call(api, 'POST', '/api/admin/knowledge', {
      token: staffToken,
      body: { category: 'licensing', productIds: [], translations: {} },
    });
    expect(none.status).toBe(400);
  });
});

describe('recentArticles (the activity feed)', () => {
  it('gives the newest published articles about the products, or about every product, in the language asked', async () => {
    const mine = await writeArticle(
      {
        en: { title: 'Monitoring news', summary: 'New.', body: 'New.' },
        pl: { title: 'Nowości monitoringu', summary: 'Nowe.', body: 'Nowe.' },
      },
      { productIds: ['server-monitoring'] },
    );
    const other = await writeArticle(
      { en: { title: '2FA news', summary: 'New.', body: 'New.' } },
      { productIds: ['two-factor-authentication'] },
    );
    await publish(other.articleId);
    await publish(mine.articleId);
    const recent = await recentArticles('pl', ['server-monitoring'], 50);
    expect(recent[0]).toMatchObject({ articleId: mine.articleId, title: 'Nowości monitoringu', locale: 'pl' });
    expect(recent.map((article) => article.articleId)).not.toContain(other.articleId);
    expect(recent.every((article) => article.productIds.length === 0 || article.productIds.includes('server-monitoring'))).toBe(true);
  });
});
