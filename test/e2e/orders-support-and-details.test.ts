// A customer finds their way around: orders (sorted both ways) and one order in full, support & updates with their
// status, one licence with the support covering it; then the same pages in Polish.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { nextClientAddress, signInWithPassword } from '../support/browser.ts';

const e2e = browserTestFile();
const { portalUrl, mailUrl } = e2e;

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('the customer pages in Chromium', () => {
  it('shows orders, an order, support & updates and a licence, in English and then in Polish', async () => {
    const context = await e2e.browser.newContext({
      extraHTTPHeaders: { 'x-forwarded-for': nextClientAddress() },
      locale: 'en-GB',
      timezoneId: 'UTC',
    });
    const page = await context.newPage();
    await signInWithPassword(page, { portalUrl, mailUrl }, '/sign-in', DEMO_LOGINS.customer);
    await page.getByTestId('home-tiles').waitFor();
    const nav = page.getByRole('navigation', { name: 'Your account' });
    await nav.getByRole('link', { name: 'Licences' }).click();
    await page.getByTestId('licences-table').waitFor();
    expect(await nav.getByRole('link', { name: 'Licences' }).getAttribute('aria-current')).toBe('page');

    // Orders: newest first, totals in the page's language; the date column reverses the order.
    await nav.getByRole('link', { name: 'Orders' }).click();
    const orders = page.getByTestId('orders-table');
    await orders.waitFor();
    expect(page.url()).toBe(`${portalUrl}/orders`);
    expect(await heading(page).textContent()).toBe('Your orders');
    // The four seeded orders, newest first. Browser tests that ran before this one may have placed newer orders for the
    // demo customer (the order of the files is vitest's): the seeded ones keep their places among them.
    const seeded = async () =>
      (await orders.locator('tbody tr').allTextContents())
        .map((row) => /JWT\d+/.exec(row)?.[0])
        .filter((reference) => reference !== undefined);
    await expect.poll(seeded).toEqual(['JWT1019', 'JWT1018', 'JWT1017', 'JWT1016']);
    // Server Monitoring 399.00 with a year of support at 20%.
    expect(await orders.locator('tbody tr', { hasText: 'JWT1019' }).textContent()).toContain('€478.80');
    await page.getByRole('button', { name: /^Date/ }).click();
    await expect.poll(async () => (await orders.locator('tbody tr').first().textContent()) ?? '').toContain('JWT1016');
    expect(page.url()).toBe(`${portalUrl}/orders?sort=asc`);
    expect(await orders.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(seeded).toEqual(['JWT1016', 'JWT1017', 'JWT1018', 'JWT1019']);
    await page.getByRole('button', { name: /^Date/ }).click();
    await expect.poll(seeded).toEqual(['JWT1019', 'JWT1018', 'JWT1017', 'JWT1016']);
    expect(await orders.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');

    // One order in full: lines with SKU and subtotal, the total, and the contact given at purchase.
    await page.getByRole('link', { name: 'Details JWT1018' }).click();
    await page.getByTestId('order-lines').waitFor();
    expect(await heading(page).textContent()).toBe('Order JWT1018');
    expect(await nav.getByRole('link', { name: 'Orders' }).getAttribute('aria-current')).toBe('true');
    const lines = await page.getByTestId('order-lines').locator('tbody tr').allTextContents();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('REMOTE-ACCESS-ENTERPRISE-25U');
    expect(lines[0]).toContain('€2,999.00');
    expect(lines[1]).toContain('Remote Access Support & Updates');
    expect(lines[1]).toContain('€1,199.60');
    expect(await page.getByTestId('order-lines').locator('tfoot').textContent()).toContain('€4,198.60');
    const contact = await page.getByTestId('order-contact').textContent();
    for (const part of ['Anna Nowak', 'anna@nordwind.example', 'Poland', 'Gdańsk']) expect(contact).toContain(part);

    // Support & updates: one subscription per status, computed from today's date.
    await nav.getByRole('link', { name: 'Support & updates' }).click();
    const support = page.getByTestId('support-table');
    await support.waitFor();
    expect(await heading(page).textContent()).toBe('Support & updates');
    await expect.poll(() => support.locator('tbody tr').count()).toBe(4);
    const statusOf = async (reference: string) =>
      support.locator('tbody tr', { hasText: reference }).locator('[data-status]').textContent();
    expect(await statusOf('JWT1019')).toBe('Expiring soon');
    expect(await statusOf('JWT1018')).toBe('Active');
    expect(await statusOf('JWT1016')).toBe('Expired');

    // A licence in full, with the support covering it.
    await support.getByRole('link', { name: 'P24-9921' }).click();
    const covering = page.getByTestId('licence-support');
    await covering.waitFor();
    expect(await heading(page).textContent()).toBe('Remote Access');
    const facts = await page.getByTestId('licence-facts').textContent();
    for (const part of ['P24-9921', 'Enterprise', '25', 'JWT1018', 'Perpetual']) expect(facts).toContain(part);
    expect(await covering.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining('Active')]);

    // The same pages in Polish.
    await page.getByLabel('Language').selectOption('pl');
    await page.getByRole('heading', { level: 2, name: 'Wsparcie i aktualizacje tej licencji' }).waitFor();
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'Komputer',
      'Historia aktywacji',
      'Wsparcie i aktualizacje tej licencji',
    ]);
    const navPl = page.getByRole('navigation', { name: 'Twoje konto' });
    // The account's pages (Aktywność among them) are behind the "Konto" button.
    // The cart's link carries its count (another test may have filled this customer's cart): compared by its label.
    const navTexts = (await navPl.getByRole('link').allTextContents()).map((text) => (text.startsWith('Koszyk') ? 'Koszyk' : text));
    expect(navTexts).toEqual([
      'Start',
      'Licencje',
      'Wsparcie i aktualizacje',
      'Usługi',
      'Aktualizacje',
      'Zamówienia',
      'Nowe programy',
      'Koszyk',
      'Faktury',
      'Saldo',
      'Umowy i zasoby',
      'Zgłoszenia',
      'Baza wiedzy',
    ]);
    expect(await navPl.getByRole('button', { name: 'Konto' }).count()).toBe(1);
    expect(await page.getByTestId('licence-facts').textContent()).toContain('Bezterminowa');

    await navPl.getByRole('link', { name: 'Wsparcie i aktualizacje' }).click();
    await support.waitFor();
    expect(await heading(page).textContent()).toBe('Wsparcie i aktualizacje');
    expect(await statusOf('JWT1019')).toBe('Wkrótce wygasa');

    await navPl.getByRole('link', { name: 'Zamówienia' }).click();
    await orders.waitFor();
    expect(await heading(page).textContent()).toBe('Twoje zamówienia');
    expect(plain(await orders.locator('tbody tr', { hasText: 'JWT1018' }).textContent())).toContain('4198,60 €');
    await page.getByRole('link', { name: 'Szczegóły JWT1018' }).click();
    await page.getByTestId('order-lines').waitFor();
    expect(await heading(page).textContent()).toBe('Zamówienie JWT1018');
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe('Dane kontaktowe podane przy zakupie');
    expect(await page.getByTestId('order-contact').textContent()).toContain('Polska');
    await context.close();
  });
});
