// Issue #11, catalogue part, in Chromium: staff place an order, then set a new price for its SKU on the catalogue page;
// the price history shows both versions, and the older order's page still shows the price it was placed at.

import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { signInWithPassword, withPage } from '../support/browser.ts';

const e2e = browserTestFile();
const { portalUrl, mailUrl } = e2e;
// No other browser test orders this SKU, so its new price changes no other test's totals.
const SKU = 'AS-ESS-10-S1Y';

describe('the staff catalogue in Chromium', () => {
  it('edits a price on the catalogue page; the price history shows it and an older order keeps its price', async () => {
    await withPage(e2e.browser, async (page) => {
      await signInWithPassword(page, { portalUrl, mailUrl }, '/admin', DEMO_LOGINS.staff);
      await page.getByTestId('customers-table').waitFor();

      // An order at today's price: €220.00.
      await page.goto(`${portalUrl}/admin/orders/new`);
      await page.getByLabel('Customer e-mail').fill(`catalogue.${Date.now()}@example.test`);
      await page.getByLabel('Contact name').fill('Piotr Wiśniewski');
      await page.getByLabel('City').fill('Kraków');
      await page.getByLabel('Country').fill('PL');
      await expect.poll(() => page.getByLabel('Product 1', { exact: true }).locator('option').count()).toBeGreaterThan(1);
      await page.getByLabel('Product 1', { exact: true }).selectOption(SKU);
      await expect.poll(() => page.getByTestId('order-total').textContent()).toContain('€220.00');
      await page.getByRole('button', { name: 'Create the order' }).click();
      await page.getByTestId('created-order-heading').waitFor();
      const orderPath = await page.getByRole('link', { name: 'Open the order' }).getAttribute('href');

      // The catalogue page, from the staff navigation: a new price for the SKU.
      await page.getByRole('navigation', { name: 'Staff sections' }).getByRole('link', { name: 'Catalogue' }).click();
      await page.getByRole('heading', { name: 'Catalogue', level: 1 }).waitFor();
      const row = page.getByTestId(`sku-${SKU}`);
      await expect.poll(() => row.getByTestId('sku-prices').textContent()).toContain('€220.00');
      await page.getByRole('button', { name: `Set price for ${SKU}` }).click();
      const form = page.getByRole('form', { name: `New price for ${SKU}` });
      // What the form refuses before asking the API: a negative amount.
      await form.getByLabel('New price').fill('-5');
      await form.getByRole('button', { name: 'Save price' }).click();
      await expect.poll(() => form.getByText('Enter an amount such as 1499.00').count()).toBe(1);
      await form.getByLabel('New price').fill('249.50');
      await form.getByRole('button', { name: 'Save price' }).click();
      await expect.poll(() => page.getByTestId('catalogue-notice').textContent()).toContain(`${SKU} now costs €249.50 (version 2)`);
      await expect.poll(() => row.getByTestId('sku-prices').textContent()).toContain('€249.50');

      // Its history in EUR (the seed prices it in PLN and GBP too): both versions, the newest first.
      await page.getByRole('button', { name: `Price history of ${SKU}` }).click();
      const history = page.getByTestId('price-history');
      const euro = history.locator('tbody tr', { hasText: '€' });
      await expect.poll(() => euro.count()).toBe(2);
      const rows = await euro.allTextContents();
      expect(rows[0]).toContain('€249.50');
      // Set by this staff user (their e-mail once they have a staff user item, else their id); v1 by the seed.
      expect(rows[0]).not.toContain('Initial catalogue');
      expect(rows[1]).toContain('€220.00');
      expect(rows[1]).toContain('Initial catalogue');

      // A new multi-seat SKU through the page's form: a seat count of 0 is refused before the API is asked.
      const product = page.getByTestId('product-two-factor-authentication');
      await product.getByText('Add an edition or a SKU').click();
      const skuForm = product.getByRole('form', { name: 'New SKU' });
      await skuForm.getByLabel('SKU').fill('2fa-100');
      await skuForm.getByLabel('Seats').fill('0');
      await skuForm.getByLabel('Price').fill('590');
      await skuForm.getByRole('button', { name: 'Add SKU' }).click();
      await expect.poll(() => skuForm.getByText('Enter a whole number of seats, at least 1.').count()).toBe(1);
      await skuForm.getByLabel('Seats').fill('100');
      await skuForm.getByRole('button', { name: 'Add SKU' }).click();
      await expect.poll(() => page.getByTestId('catalogue-notice').textContent()).toContain('SKU 2FA-100 added.');
      await expect.poll(() => page.getByTestId('sku-2FA-100').textContent()).toContain('€590.00');

      // The order placed before keeps the price it was placed at.
      await page.goto(`${portalUrl}${orderPath}`);
      const lines = page.getByTestId('staff-order-lines');
      await lines.waitFor();
      expect(await lines.textContent()).toContain(SKU);
      expect(await lines.locator('tfoot').textContent()).toContain('€220.00');
      expect(await lines.textContent()).not.toContain('€249.50');
    });
  });
});
