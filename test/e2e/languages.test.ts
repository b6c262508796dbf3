// The portal in the visitor's language, in Chromium: a browser set to German opens the sign-in page in German, the
// language switch offers all five languages (each in its own words) and turns the page into Italian, and the switch
// still fits a phone's width (390 px) in German.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { en } from '../../web/src/messages/en.ts';
import { it as italian } from '../../web/src/messages/it.ts';
import { horizontalOverflow, launchBrowser, seriousAxeViolations, withPage } from '../support/browser.ts';

let browser: Browser;
const portalUrl = inject('portalUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the portal in the browser’s language', () => {
  it('shows the sign-in page in German to a de-DE browser, and in Italian once chosen in the switch', async () => {
    await withPage(
      browser,
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
        expect(italian.signIn.password).not.toBe(en.signIn.password);
        expect(await page.getByRole('heading', { level: 1, name: 'Anmelden' }).count()).toBe(0);
      },
      { locale: 'de-DE' },
    );
  });

  it('keeps the five-language switch within a 390 px screen in German, with no serious accessibility finding', async () => {
    await withPage(
      browser,
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
});
