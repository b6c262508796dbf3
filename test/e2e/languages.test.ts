// The portal in the visitor's language, in Chromium: a browser set to German opens the sign-in page in German, the
// language switch offers all five languages (each in its own words) and turns the page into Italian, and the switch
// still fits a phone's width (390 px) in German; German's longer words keep the customer's and the staff's
// widest pages within the window.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { en } from '../../web/src/messages/en.ts';
import { it as italian } from '../../web/src/messages/it.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { de } from '../../web/src/messages/de.ts';
import {
  cellsOutsideWindow,
  horizontalOverflow,
  seriousAxeViolations,
  signInToHome,
  signInWithPassword,
  withPage,
} from '../support/browser.ts';

const e2e = browserTestFile();
const { portalUrl, mailUrl } = e2e;

describe('the portal in the browser’s language', () => {
  it('shows the sign-in page in German to a de-DE e2e.browser, and in Italian once chosen in the switch', async () => {
    await withPage(
      e2e.browser,
      async (page) => {
        await page.goto(`${portalUrl}/sign-in`);
        await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
        expect(await page.locator('html').getAttribute('lang')).toBe('de');
        expect(await page.title()).toBe('Anmelden · Atrium');
        await page.getByLabel('E-Mail').waitFor();
        await page.getByLabel('Passwort', { exact: true }).waitFor();
        expect(await page.getByRole('button', { name: 'Anmelden' }).isVisible()).toBe(true);
        expect(await page.getByRole('link', { name: 'Passwort vergessen?' }).isVisible()).toBe(true);

        const languageSwitch = page.getByLabel('Sprache');
        expect(await languageSwitch.inputValue()).toBe('de');
        expect(await languageSwitch.locator('option').allTextContents()).toEqual(['English', 'Polski', 'Deutsch', 'Français', 'Italiano']);

        await languageSwitch.selectOption({ label: 'Italiano' });
        await page.getByRole('heading', { level: 1, name: italian.signIn.customerTitle }).waitFor();
        expect(await page.locator('html').getAttribute('lang')).toBe('it');
        expect(await page.getByLabel(italian.app.language).inputValue()).toBe('it');
        await page.getByLabel(italian.signIn.email).waitFor();
        // The Italian catalogue is a translation, not the English copy it started as.
        expect(italian.signIn.customerTitle).not.toBe(en.signIn.customerTitle);
        // ("Password" is the Italian word too: the button and the intro are the texts that must differ.)
        expect(italian.signIn.submit).not.toBe(en.signIn.submit);
        expect(italian.signIn.customerIntro).not.toBe(en.signIn.customerIntro);
        expect(await page.getByRole('heading', { level: 1, name: 'Anmelden' }).count()).toBe(0);
      },
      { locale: 'de-DE' },
    );
  });

  it('keeps the five-language switch within a 390 px screen in German, with no serious accessibility finding', async () => {
    await withPage(
      e2e.browser,
      async (page) => {
        await page.goto(`${portalUrl}/sign-in`);
        await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
        const box = await page.getByLabel('Sprache').boundingBox();
        expect(box).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(390);
        expect(await horizontalOverflow(page)).toBe(0);
        expect(await seriousAxeViolations(page)).toEqual([]);
      },
      { locale: 'de-DE', viewport: { width: 390, height: 844 } },
    );
  });

  it('fits the customer’s pages in German (longer words) within 390 px and 1280 px', async () => {
    await withPage(e2e.browser, async (page) => {
      await signInToHome(page, { portalUrl, mailUrl }, DEMO_LOGINS.customer);
      expectWithinWindow(await inGerman(page, ['/licences', '/support', '/orders', '/activity']));
      expect(await page.getByRole('heading', { level: 1, name: de.activity.heading }).count()).toBe(1);
    });
  });

  it('fits the widest staff pages in German within 390 px and 1280 px', async () => {
    await withPage(e2e.browser, async (page) => {
      await signInWithPassword(page, { portalUrl, mailUrl }, '/admin', DEMO_LOGINS.staff);
      await page.locator('[data-testid="customers-table"]').waitFor();
      const search = `/admin/customers?q=${encodeURIComponent('p62 7731')}`;
      expectWithinWindow(
        await inGerman(page, [
          '/admin/dashboard',
          search,
          '/admin/customers/demo-nordwind',
          '/admin/orders',
          '/admin/audit',
          '/admin/contracts',
          '/admin/catalogue',
        ]),
      );
      expect(await page.getByRole('heading', { level: 1, name: de.catalogue.title }).count()).toBe(1);
    });
  });
});

type Findings = Record<string, { overflow: number; cellsOutside: string[] }>;

/** Each page in German at a phone's and a laptop's width, once loaded: how far it overflows, which cells stick out. */
async function inGerman(page: Page, paths: string[]): Promise<Findings> {
  await page.evaluate(() => localStorage.setItem('atrium.locale', 'de'));
  const findings: Findings = {};
  for (const path of paths) {
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${portalUrl}${path}`);
      await page.locator('main h1').first().waitFor();
      // Loaded: nothing busy, and no status still saying "Wird geladen…" (de.app.loading).
      await page.waitForFunction(
        (loading) =>
          !document.querySelector('main [aria-busy="true"]') &&
          !Array.from(document.querySelectorAll('main [role="status"]')).some((status) => status.textContent?.includes(loading)),
        de.app.loading,
      );
      expect(await page.locator('html').getAttribute('lang')).toBe('de');
      findings[`${path} at ${width} px`] = { overflow: await horizontalOverflow(page), cellsOutside: await cellsOutsideWindow(page) };
    }
  }
  return findings;
}

function expectWithinWindow(findings: Findings): void {
  for (const [where, found] of Object.entries(findings)) {
    expect(found.overflow, `${where}: wider than the window`).toBe(0);
    expect(found.cellsOutside, `${where}: cells outside the window`).toEqual([]);
  }
}
