// Issue #14, the shop in Chromium: the demo customer (a Polish account: the seed's prices in PLN) browses the new programs,
// searches, opens a product, adds two programs to the cart, changes a quantity and sees the line totals and net total.

import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { formatMoney } from '../../web/src/format.ts';
import { signInToHome, withPage } from '../support/browser.ts';

const e2e = browserTestFile();
const { portal } = e2e;
/** How long a step may take to show its answer on a loaded machine (a deadline to wait for, not a timing asserted). */
const WAIT = { timeout: 15_000 };
const pln = (amountMinor: number) => formatMoney({ amountMinor, currency: 'PLN' }, 'en-GB');

describe('the shop', () => {
  it('browse, search, open a product, add two programs, change a quantity, see the totals', async () => {
    await withPage(e2e.browser, async (page) => {
      await signInToHome(page, portal, DEMO_LOGINS.customer);
      // Another test may have left lines in the demo account's cart: start from an empty one.
      await page.goto(`${portal.portalUrl}/cart`);
      await page.locator('[data-testid="cart-empty"], [data-testid="cart-table"]').first().waitFor();
      const rows = page.getByTestId('cart-table').locator('tbody tr');
      for (let left = await rows.count(); left > 0; left -= 1) {
        await rows
          .first()
          .getByRole('button', { name: /^Remove/ })
          .click();
        await expect.poll(() => rows.count(), WAIT).toBe(left - 1);
      }

      await page.locator('#site-nav').getByRole('link', { name: 'New programs' }).click();
      await page.getByRole('heading', { level: 1, name: 'New programs' }).waitFor();
      const cards = page.getByTestId('shop-products');
      // The seed catalogue is priced in PLN too: every product is on offer, a service plan "per month". (Products other
      // browser tests add for themselves, "Test Hosting …", may be on offer too.)
      const seedProducts = async () =>
        (await cards.getByRole('heading').allTextContents()).filter((name) => !name.startsWith('Test Hosting'));
      await expect
        .poll(seedProducts, WAIT)
        .toEqual(['Advanced Security', 'Managed Hosting', 'Remote Access', 'Server Monitoring', 'Two-Factor Authentication']);
      expect(await cards.locator('li', { hasText: 'Remote Access' }).textContent()).toContain(`from ${pln(38_900)}`);
      expect(await cards.locator('li', { hasText: 'Managed Hosting' }).textContent()).toContain(`from ${pln(7_900)} per month`);

      await page.getByLabel('Search programs').fill('monitorING');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await expect.poll(() => cards.getByRole('heading').allTextContents(), WAIT).toEqual(['Server Monitoring']);
      await cards.getByRole('link', { name: 'Server Monitoring', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Server Monitoring' }).waitFor();
      await expect.poll(() => page.getByTestId('support-note').textContent(), WAIT).toContain('support & updates');
      await page.getByRole('button', { name: 'Add to cart Server Monitoring Standard, 3 users' }).click();
      await expect
        .poll(() => page.getByTestId('cart-notice').textContent(), WAIT)
        .toContain('Added to the cart: 1 × Server Monitoring Standard');

      await page.getByRole('link', { name: 'All new programs' }).click();
      await page.getByTestId('shop-products').getByRole('link', { name: 'Remote Access', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Remote Access' }).waitFor();
      // Desktop for 3 users is sold with and without support: the row of the SKU without it.
      const desktop = page.locator('tr[data-sku="RA-DSK-3"]');
      // The page may render the row again as the previous add's cart count arrives: fill until the field holds 2.
      const quantity = desktop.getByLabel('Quantity of Remote Access Desktop, 3 users');
      await expect
        .poll(async () => {
          await quantity.fill('2');
          return quantity.inputValue();
        }, WAIT)
        .toBe('2');
      await desktop.getByRole('button', { name: 'Add to cart Remote Access Desktop, 3 users' }).click();
      await expect.poll(() => page.getByTestId('cart-notice').textContent(), WAIT).toContain('2 × Remote Access Desktop');

      // The navigation's cart link counts the lines.
      await page.locator('#site-nav').getByRole('link', { name: 'Cart, 2 products' }).click();
      await page.getByRole('heading', { level: 1, name: 'Cart' }).waitFor();
      const total = page.getByTestId('cart-total');
      await expect.poll(() => total.textContent(), WAIT).toContain(pln(2 * 79_000 + 159_900));
      await page.getByLabel('Quantity of Server Monitoring Standard').fill('3');
      await page.getByRole('button', { name: 'Update Server Monitoring Standard' }).click();
      await expect.poll(() => total.textContent(), WAIT).toContain(pln(2 * 79_000 + 3 * 159_900));
      const monitoring = page.getByTestId('cart-table').locator('tr[data-sku="SM-STD-3-365D"]');
      expect(await monitoring.textContent()).toContain(pln(3 * 159_900));
      expect(await page.getByText('VAT is added at checkout per your billing data.').count()).toBe(1);
      expect(await page.getByRole('link', { name: 'Go to checkout' }).getAttribute('href')).toBe('/checkout');
    });
  });
});
