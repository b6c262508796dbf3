// Issue #11, customer search in Chromium: staff find a customer by a licence serial typed loosely (lower case, a space
// for the dash) on the Customers page, see the account's summary and what matched, and the row links to the customer
// page; the search stays in the address; a one-letter query is refused on the page.

import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { signInWithPassword, withPage } from '../support/browser.ts';

const e2e = browserTestFile();
const { portal } = e2e;

describe('customer search on the staff Customers page', () => {
  it('finds Nordwind by a licence serial and links to its customer page', async () => {
    await withPage(e2e.browser, async (page) => {
      await signInWithPassword(page, portal, '/admin', DEMO_LOGINS.staff);
      await page.getByTestId('customers-table').waitFor();

      // A single letter is refused before anything is asked.
      const box = page.getByLabel('Find a customer');
      await box.fill('p');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByText('Type at least 2 letters or digits.').waitFor();
      expect(await box.getAttribute('aria-invalid')).toBe('true');

      // The demo serial P62-7731, typed in lower case with a space for the dash.
      await box.fill('p62 7731');
      await page.getByRole('button', { name: 'Search' }).click();
      const results = page.getByTestId('customer-search-results');
      await results.waitFor();

      const rows = results.locator('tbody tr');
      expect(await rows.count()).toBe(1);
      const cells = await rows.first().locator('td').allInnerTexts();
      expect(cells[0]).toBe('Nordwind Systems Sp. z o.o.');
      expect(cells[1]).toBe('PL');
      expect(cells[2]).toBe(DEMO_LOGINS.customer.email);
      expect(cells[3]).toBe('4');
      expect(cells[4]).toContain('JWT1019');
      expect(cells[5]).toBe('Serial: P62-7731');
      const link = rows.first().getByRole('link', { name: 'Nordwind Systems Sp. z o.o.' });
      expect(await link.getAttribute('href')).toBe('/admin/customers/demo-nordwind');
      expect(await results.locator('caption').textContent()).toBe('Customers matching “p62 7731”');

      // The search is in the address: a reload shows the same results.
      expect(new URL(page.url()).searchParams.get('q')).toBe('p62 7731');
      await page.reload();
      await page.getByTestId('customer-search-results').waitFor();
      expect(await page.getByTestId('customer-search-results').locator('tbody tr').count()).toBe(1);

      // "Show all customers" goes back to the full list.
      await page.getByRole('button', { name: 'Show all customers' }).click();
      await page.getByTestId('customers-table').waitFor();
      expect(new URL(page.url()).search).toBe('');
    });
  });

  it('finds a customer by an accent-free name in Polish, and says when nothing matches', async () => {
    await withPage(e2e.browser, async (page) => {
      await signInWithPassword(page, portal, '/admin', DEMO_LOGINS.staff);
      await page.getByTestId('customers-table').waitFor();
      await page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
      await page.goto(`${portal.portalUrl}/admin/customers?q=${encodeURIComponent('HARBOUR analyt')}`);
      const results = page.getByTestId('customer-search-results');
      await results.waitFor();
      const cells = await results.locator('tbody tr').first().locator('td').allInnerTexts();
      expect(cells[0]).toBe('Harbour Analytics Ltd');
      expect(cells[5]).toBe('Nazwa: Harbour Analytics Ltd');

      await page.goto(`${portal.portalUrl}/admin/customers?q=zzqq-nobody`);
      await page.getByText('Żaden klient nie pasuje do „zzqq-nobody”.').waitFor();
      expect(await page.getByTestId('customer-search-results').count()).toBe(0);
    });
  });
});
