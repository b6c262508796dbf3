// The customer's home page (GET /api/me/home) per role, and the news and banner staff write for it: per language with
// English as the fallback, unpublished news hidden, the banner only while it is on.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createCustomer, createStaff, signIn, startTestApi, type TestApi } from '../support/api.ts';
import type { DemoPurchase } from '#infra/local/seed.ts';
import { updatePerson } from '#shared/accounts/person.ts';

let api: TestApi;
let staffToken: string;
beforeAll(async () => {
  api = await startTestApi();
  staffToken = await signIn(api, 'staff', await createStaff(['support']));
});
afterAll(() => api.stop());

const DAY_MS = 24 * 60 * 60 * 1000;
const daysFromToday = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

function purchase(serial: string, date: string, extra: Partial<DemoPurchase> = {}): DemoPurchase {
  return {
    reference: `H${serial}${Math.floor(Math.random() * 1e6)}`,
    date,
    product: 'Remote Access',
    edition: 'Enterprise',
    users: 5,
    serial,
    unitPriceMinor: 10_000,
    ...extra,
  };
}

/** A news item written and (unless told otherwise) published by staff: its id. */
async function staffNews(date: string, translations: Record<string, { title: string; body: string }>, publish = true) {
  const created = await call(api, 'POST', '/api/admin/news', { token: staffToken, body: { date, translations } });
  expect(created.status).toBe(201);
  if (publish) {
    const published = await call(api, 'POST', `/api/admin/news/${created.body.newsId}/publish`, {
      token: staffToken,
      body: { published: true },
    });
    expect(published.status).toBe(200);
  }
  return created.body.newsId as string;
}

describe('GET /api/me/home', () => {
  it('counts the licences and the support ending soon, and lists the renewals of the next 60 days, soonest first', async () => {
    // Prepare: support ending in ~10 and ~50 days, a time-limited licence ending in 20 days, an old perpetual one.
    const customer = await createCustomer([
      purchase('SOON', daysFromToday(-355), { supportYears: 1 }),
      purchase('LATER', daysFromToday(-315), { supportYears: 1 }),
      purchase('TRIAL', daysFromToday(-20), { days: 40 }),
      purchase('OLD', '2020-03-01'),
    ]);
    const token = await signIn(api, 'customer', customer.login);
    const lastSignIn = { at: '2026-11-28T08:00:00.000Z', sourceIp: '203.0.113.7' };
    await updatePerson(customer.userId, { lastSignIn });
    // Act
    const home = await call(api, 'GET', '/api/me/home?locale=en', { token });
    // Assess
    expect(home.status).toBe(200);
    expect(home.body.tiles).toEqual({
      licences: { active: { count: 4, more: false }, expiring: { count: 1, more: false } },
      support: { expiring: { count: 1, more: false } },
      // The renewable support subscriptions of SOON and LATER (issue #15: every role sees the services tile).
      activeServices: { count: 2, more: false },
    });
    expect(home.body.renewals.map((renewal: { serial: string }) => renewal.serial)).toEqual(['SOON', 'LATER']);
    // Read with the caller's person (no extra read): the last sign-in the security area keeps.
    expect(home.body.lastSignIn).toEqual(lastSignIn);
  });

  it('gives a billing person no licence or support tiles and no renewals, but the services tile, the news, banner and activity', async () => {
    const customer = await createCustomer([purchase('B1', daysFromToday(-355), { supportYears: 1 })]);
    const billing = await addMember(customer.account.accountId, 'billing');
    const home = await call(api, 'GET', '/api/me/home', { token: await signIn(api, 'customer', billing) });
    expect(home.status).toBe(200);
    expect(home.body.tiles).toEqual({ activeServices: { count: 1, more: false } });
    expect(home.body.renewals).toBeUndefined();
    expect(Array.isArray(home.body.news)).toBe(true);
    expect(Array.isArray(home.body.activity)).toBe(true);
  });

  it('shows the account’s latest staff actions, at most 5', async () => {
    const customer = await createCustomer([purchase('A1', '2021-01-01', { supportYears: 1 })]);
    const admin = await signIn(api, 'staff', await createStaff(['admin']));
    for (let view = 0; view < 6; view += 1) {
      const viewed = await call(api, 'POST', `/api/admin/customers/${customer.account.accountId}/view-as`, {
        token: admin,
        body: { reason: 'Helping the customer on the phone.' },
      });
      expect(viewed.status).toBeLessThan(300);
    }
    const home = await call(api, 'GET', '/api/me/home', { token: await signIn(api, 'customer', customer.login) });
    expect(home.body.activity).toHaveLength(5);
    expect(home.body.activity[0].action).toBe('account.view-as');
  });
});

describe('news and the banner', () => {
  it('shows published news in the page’s language, else in English, and never an unpublished item', async () => {
    // Prepare: far-future dates keep these first in the newest-first list.
    const both = await staffNews('2999-12-31', {
      en: { title: 'New release', body: 'Version 9 is out.' },
      pl: { title: 'Nowe wydanie', body: 'Wersja 9 już jest.' },
    });
    const englishOnly = await staffNews('2999-12-30', { en: { title: 'Maintenance window', body: 'Sunday night.' } });
    const draft = await staffNews('2999-12-31', { en: { title: 'Not yet', body: 'Secret.' } }, false);
    const customer = await createCustomer([purchase('N1', '2021-01-01')]);
    const token = await signIn(api, 'customer', customer.login);
    // Act
    const polish = await call(api, 'GET', '/api/me/home?locale=pl', { token });
    const german = await call(api, 'GET', '/api/news?locale=de&limit=10', { token });
    // Assess
    expect(polish.body.news.slice(0, 2)).toEqual([
      { newsId: both, date: '2999-12-31', title: 'Nowe wydanie', body: 'Wersja 9 już jest.', locale: 'pl' },
      { newsId: englishOnly, date: '2999-12-30', title: 'Maintenance window', body: 'Sunday night.', locale: 'en' },
    ]);
    const germanIds = german.body.items.map((item: { newsId: string }) => item.newsId);
    expect(german.body.items[0]).toMatchObject({ newsId: both, title: 'New release', locale: 'en' });
    expect(germanIds).not.toContain(draft);

    // Taken back: gone from the customers' list.
    const unpublished = await call(api, 'POST', `/api/admin/news/${both}/publish`, { token: staffToken, body: { published: false } });
    expect(unpublished.status).toBe(200);
    const after = await call(api, 'GET', '/api/news?limit=10', { token });
    expect(after.body.items.map((item: { newsId: string }) => item.newsId)).not.toContain(both);
  });

  it('refuses an edit of a version that changed meanwhile (409 NEWS_CHANGED), and an unknown news id (404)', async () => {
    const newsId = await staffNews('2000-01-01', { en: { title: 'Old', body: 'Old.' } }, false);
    const listed = await call(api, 'GET', '/api/admin/news?limit=100', { token: staffToken });
    const read = listed.body.items.find((item: { newsId: string }) => item.newsId === newsId);
    const edit = (updatedAt: string) =>
      call(api, 'PUT', `/api/admin/news/${newsId}`, {
        token: staffToken,
        body: { date: '2000-01-02', translations: { en: { title: 'New', body: 'New.' } }, updatedAt },
      });
    expect((await edit(read.updatedAt)).status).toBe(200);
    const stale = await edit(read.updatedAt);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('NEWS_CHANGED');
    const unknown = await call(api, 'POST', '/api/admin/news/01JD3Q8W5M2K7Z9XG4R6T1V0ZZ/publish', {
      token: staffToken,
      body: { published: true },
    });
    expect(unknown.status).toBe(404);
  });

  it('shows the banner in the page’s language (English as fallback) only while it is on; refuses a javascript: link', async () => {
    const customer = await createCustomer([purchase('BN', '2021-01-01')]);
    const token = await signIn(api, 'customer', customer.login);
    const set = (body: unknown) => call(api, 'PUT', '/api/admin/banner', { token: staffToken, body });

    expect((await set({ enabled: true, texts: { en: '20% off renewals', pl: '20% taniej' }, link: '/support' })).status).toBe(200);
    expect((await call(api, 'GET', '/api/me/home?locale=pl', { token })).body.banner).toEqual({
      text: '20% taniej',
      link: '/support',
      locale: 'pl',
    });
    expect((await call(api, 'GET', '/api/me/home?locale=it', { token })).body.banner).toEqual({
      text: '20% off renewals',
      link: '/support',
      locale: 'en',
    });

    const bad = await set({ enabled: true, texts: { en: 'Click' }, link: 'javascript:alert(1)' });
    expect(bad.status).toBe(400);

    expect((await set({ enabled: false, texts: { en: '20% off renewals' } })).status).toBe(200);
    expect((await call(api, 'GET', '/api/me/home', { token })).body.banner).toBeUndefined();
  });

  it('lets only admin and support staff write news (billing: 403)', async () => {
    const billing = await signIn(api, 'staff', await createStaff(['billing']));
    const refused = await call(api, 'POST', '/api/admin/news', {
      token: billing,
      body: { date: '2026-01-01', translations: { en: { title: 'x', body: 'y' } } },
    });
    expect(refused.status).toBe(403);
  });
});
