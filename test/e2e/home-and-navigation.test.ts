// The home area in Chromium: the customer lands on the home page (tiles that lead to their lists), the navigation
// at a phone's width opens from the Menu button and reaches Account > Security, the stage's brand (the demo's own)
// names the header, the tab and the footer, and news staff publish reaches the customer's home page in Polish.

import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { DEFAULT_BRAND } from '#shared/brand.ts';
import { horizontalOverflow, signInWithPassword, withPage } from '../support/browser.ts';

const e2e = browserTestFile();
const { portal } = e2e;

describe('home page, navigation and brand', () => {
  it('lands on the home page with tiles at 1280 px; a tile leads to its list; the brand names header, tab and footer', async () => {
    await withPage(e2e.browser, async (page) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await signInWithPassword(page, portal, '/sign-in', DEMO_LOGINS.customer);
      await page.getByTestId('home-tiles').waitFor();
      expect(new URL(page.url()).pathname).toBe('/home');
      // The demo customer (Nordwind, 4 licences) is an owner: licence and support tiles, renewals.
      expect(await page.getByTestId('tile-licences').textContent()).toBe('4');
      await page.getByTestId('home-renewals').waitFor();
      expect(await page.getByTestId('brand-name').textContent()).toBe(DEFAULT_BRAND.productName);
      expect(await page.title()).toBe(`Home · ${DEFAULT_BRAND.productName}`);
      const footer = (await page.getByTestId('site-footer').textContent()) ?? '';
      expect(footer).toContain(DEFAULT_BRAND.supportEmail);
      expect(footer).toContain(DEFAULT_BRAND.legalFooter);
      expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe(DEFAULT_BRAND.faviconUrl);
      // On a wide screen the navigation is one row, without the Menu button.
      expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
      await page.getByTestId('tile-licences').click();
      await page.getByTestId('licences-table').waitFor();
      expect(new URL(page.url()).pathname).toBe('/licences');
    });
  });

  it('at 390 px the Menu button opens the navigation, which reaches Account > Security, with no sideways scroll', async () => {
    await withPage(e2e.browser, async (page) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await signInWithPassword(page, portal, '/sign-in', DEMO_LOGINS.customer);
      await page.getByTestId('home-tiles').waitFor();
      const nav = page.getByRole('navigation', { name: 'Your account' });
      const menu = page.getByRole('button', { name: 'Menu' });
      expect(await nav.getByRole('link', { name: 'Security' }).isVisible()).toBe(false);
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      await menu.click();
      expect(await page.getByRole('button', { name: 'Close menu' }).getAttribute('aria-expanded')).toBe('true');
      expect(await horizontalOverflow(page)).toBe(0);
      await nav.getByRole('link', { name: 'Security' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/account/security');
      // A new page closes the menu again.
      await page.getByRole('button', { name: 'Menu' }).waitFor();
    });
  });
});
