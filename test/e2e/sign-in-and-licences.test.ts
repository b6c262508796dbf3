// A person at the portal: signs in with a password and the mailed code, and sees their licences; staff see customers.

import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { nextClientAddress, signInWithPassword } from '../support/browser.ts';

const e2e = browserTestFile();
const { portalUrl, mailUrl } = e2e;

describe('the portal in Chromium', () => {
  it('signs a customer in with the mailed code and shows their licences', async () => {
    const context = await e2e.browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': nextClientAddress() }, locale: 'en-GB' });
    const page = await context.newPage();
    await signInWithPassword(page, { portalUrl, mailUrl }, '/', DEMO_LOGINS.customer);

    await page.getByTestId('home-tiles').waitFor();
    expect(page.url()).toBe(`${portalUrl}/home`);
    await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Licences' }).click();
    const table = page.getByTestId('licences-table');
    await table.waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(4);
    const headers = await table.locator('thead th').allTextContents();
    for (const column of ['Product', 'Users', 'Edition', 'Support']) {
      expect(headers.join('|')).toContain(column);
    }
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows[0]).toContain('Server Monitoring');
    expect(rows[0]).toContain('JWT1019');
    expect(rows.join('\n')).toContain('P24-9921');
    expect(await page.getByTestId('activation-key').textContent()).toContain('NAQR-HVW5');
    await context.close();
  });

  it('keeps a wrong password out with a clear message', async () => {
    const context = await e2e.browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': nextClientAddress() }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${portalUrl}/sign-in`);
    await page.getByLabel('E-mail').fill(DEMO_LOGINS.customer.email);
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/e-mail or password/i);
    expect(await page.getByLabel('Code').count()).toBe(0);
    await context.close();
  });

  it('signs the staff user in on the admin pages and lists the customers', async () => {
    const context = await e2e.browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': nextClientAddress() }, locale: 'en-GB' });
    const page = await context.newPage();
    await signInWithPassword(page, { portalUrl, mailUrl }, '/admin', DEMO_LOGINS.staff);
    const table = page.getByTestId('customers-table');
    await table.waitFor();
    // The newest accounts come first (other browser tests add many): the demo ones are found by name.
    for (const name of ['Nordwind Systems', 'Harbour Analytics']) {
      await page.getByLabel('Find a customer').fill(name.split(' ')[0]!);
      await page.getByRole('button', { name: 'Search' }).click();
      await expect.poll(() => page.getByTestId('customer-search-results').textContent()).toContain(name);
    }
    await context.close();
  });
});
