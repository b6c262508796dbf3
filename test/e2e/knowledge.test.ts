// The knowledge base in Chromium: the demo customer searches the seeded articles (English, then Polish), opens one,
// and sees suggestions appear while typing (the ArticleSuggestions component the ticket form uses, here under the
// knowledge base's own search box, debounced, with a typo in the words).

import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { signInWithPassword, withPage } from '../support/browser.ts';

const e2e = browserTestFile();
const { portal } = e2e;

describe('knowledge base', () => {
  it('suggests an article while typing, finds it by search, and opens it', async () => {
    await withPage(e2e.browser, async (page) => {
      await signInWithPassword(page, portal, '/sign-in', DEMO_LOGINS.customer);
      await page.getByTestId('home-tiles').waitFor();
      await page.goto(`${portal.portalUrl}/knowledge`);
      await page.getByRole('heading', { name: 'Knowledge base', level: 1 }).waitFor();
      // Typing, with a typo: the suggestions arrive once typing pauses, in a polite live region.
      await page.getByLabel('Search articles').pressSequentially('printr not printing', { delay: 20 });
      const suggestions = page.getByTestId('article-suggestions');
      const suggestion = suggestions.getByRole('link', { name: 'Printer not printing in a remote session' });
      await suggestion.waitFor();
      expect(await suggestions.getAttribute('aria-live')).toBe('polite');
      expect(await suggestion.getAttribute('target')).toBe('_blank');
      // Searching: ranked results with a snippet; the article opens in the page.
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      const results = page.getByTestId('knowledge-results');
      await results.getByRole('link', { name: 'Printer not printing in a remote session' }).click();
      await page.getByTestId('knowledge-article').waitFor();
      expect(await page.locator('main h1').textContent()).toBe('Printer not printing in a remote session');
      expect(await page.getByTestId('knowledge-article').textContent()).toContain('Restart the Print Spooler service.');
    });
  });

  it('searches in Polish when the page is in Polish', async () => {
    await withPage(e2e.browser, async (page) => {
      await signInWithPassword(page, portal, '/sign-in', DEMO_LOGINS.customer);
      await page.getByTestId('home-tiles').waitFor();
      await page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
      await page.goto(`${portal.portalUrl}/knowledge`);
      await page.getByLabel('Szukaj artykułów').fill('certyfikat');
      await page.getByRole('button', { name: 'Szukaj', exact: true }).click();
      await page.getByTestId('knowledge-results').getByRole('link', { name: 'Odnowienie certyfikatu SSL bramy' }).waitFor();
      // The list shows every article before the search answers: wait for the search's own answer.
      await expect.poll(() => page.getByTestId('knowledge-results').locator('li').count()).toBe(1);
    });
  });
});
