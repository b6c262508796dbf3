// Issue #11, the customer page in Chromium: staff place an order for a new customer, find the customer on the staff
// Customers page, open the customer page, free the (activated) licence with a reason, and see it in the page's audit
// section and in the licence's history; the customer then sees it in their own activity.

import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { enterMailedCode, mailCount, nextClientAddress, seriousAxeViolations, signInWithPassword, withPage } from '../support/browser.ts';

const e2e = browserTestFile();
const { portalUrl, mailUrl } = e2e;

describe('the customer page in Chromium', () => {
  it('finds the customer, opens the page, frees a licence with a reason and sees it in the audit section', async () => {
    const customerEmail = `page.customer.${Date.now()}@example.test`;
    let reference = '';
    await withPage(e2e.browser, async (page) => {
      await signInWithPassword(page, { portalUrl, mailUrl }, '/admin', DEMO_LOGINS.staff);
      await page.getByTestId('customers-table').waitFor();

      // A customer of its own, so the demo data other browser tests read stays as it is.
      await page.goto(`${portalUrl}/admin/orders/new`);
      await page.getByRole('heading', { name: 'New order' }).waitFor();
      await page.getByLabel('Customer e-mail').fill(customerEmail);
      await page.getByLabel('Contact name').fill('Olga Nowak');
      await page.getByLabel('City').fill('Gdańsk');
      await page.getByLabel('Country').fill('pl');
      await expect.poll(() => page.getByLabel('Product 1', { exact: true }).locator('option').count()).toBeGreaterThan(1);
      await page.getByLabel('Product 1', { exact: true }).selectOption('RA-ENT-10-S1Y');
      await page.getByRole('button', { name: 'Create the order' }).click();
      await page.getByTestId('created-order-heading').waitFor();
      reference = (await page.getByTestId('created-order-reference').textContent())!.trim();

      // Find the customer on the staff Customers page (newest first) and open the customer page.
      await page.getByRole('navigation', { name: 'Staff sections' }).getByRole('link', { name: 'Customers' }).click();
      const customers = page.getByTestId('customers-table');
      await customers.waitFor();
      await customers.getByRole('row').filter({ hasText: customerEmail }).getByRole('link', { name: 'Olga Nowak' }).click();
      await page.getByTestId('customer-facts').waitFor();
      expect(new URL(page.url()).pathname).toMatch(/^\/admin\/customers\/[0-9A-Z]{26}$/);
      expect(await page.getByTestId('customer-facts').textContent()).toContain(customerEmail);
      // The staff order that created the account is its first audit entry.
      await expect.poll(() => page.getByTestId('customer-audit-table').locator('tbody tr').count()).toBe(1);

      // The software activates the licence on a computer, with the key the page shows.
      const activationKey = (await page.getByTestId('customer-facts').locator('code').first().textContent())!.trim();
      const row = page.getByTestId('customer-licences-table').locator('tbody tr').first();
      const licenceId = (await row.getAttribute('data-licence-id'))!;
      const activated = await fetch(`${portalUrl}/api/licensing/activate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': nextClientAddress() },
        body: JSON.stringify({ activationKey, computerId: 'OFFICE-PC-7', licenceId }),
      });
      expect(activated.status).toBe(200);
      await page.reload();

      const licenceRow = page.getByTestId('customer-licences-table').locator('tbody tr').first();
      await expect.poll(() => licenceRow.textContent()).toContain('OFFICE-PC-7');
      await licenceRow.getByRole('button', { name: /^Manage/ }).click();
      const manager = page.getByTestId('licence-manager');
      await expect.poll(() => manager.getByTestId('manager-computer').textContent()).toContain('OFFICE-PC-7');
      await manager.getByRole('button', { name: 'Free the licence' }).click();

      // The reason is required: an empty one is refused in the form, before anything is sent.
      await manager.getByRole('button', { name: 'Free the licence' }).click();
      await expect.poll(() => manager.locator('.field-error').textContent()).toContain('Give a reason');
      // The open licence panel, its history and the form with its error pass axe too.
      expect(await seriousAxeViolations(page)).toEqual([]);
      await manager.getByLabel('Reason').fill('The customer’s office PC was stolen');
      await manager.getByRole('button', { name: 'Free the licence' }).click();

      await expect.poll(() => page.getByTestId('action-notice').textContent()).toContain('The licence is free.');
      await expect
        .poll(() => page.getByTestId('customer-licences-table').locator('tbody tr').first().textContent())
        .not.toContain('OFFICE-PC-7');
      const audit = page.getByTestId('audit-section');
      await expect.poll(() => audit.textContent()).toContain('The customer’s office PC was stolen');
      expect(await audit.textContent()).toContain('licence.free');
      // Who: the staff user's e-mail once the staff user has one on record, else their id; and their groups.
      expect(await audit.textContent()).toContain('(admin)');
      expect(await audit.locator('tbody tr').count()).toBe(2);
      expect(await audit.locator('tbody tr').first().textContent()).toContain('licence.free');
    });

    // The customer signs in with the order number and sees support's action in their activity, without who or why.
    await withPage(e2e.browser, async (page) => {
      await page.goto(`${portalUrl}/sign-in`);
      await page.getByRole('radio', { name: 'With an order number' }).click();
      await page.getByLabel('E-mail').fill(customerEmail);
      await page.getByLabel('Order number', { exact: true }).fill(reference);
      const before = await mailCount(mailUrl, customerEmail);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await enterMailedCode(page, mailUrl, customerEmail, before);
      await page.getByTestId('home-tiles').waitFor();
      // Activity is among the account's pages, behind the navigation's Account button.
      const nav = page.getByRole('navigation', { name: 'Your account' });
      await nav.getByRole('button', { name: 'Account' }).click();
      await nav.getByRole('link', { name: 'Activity' }).click();
      const activity = page.getByTestId('activity-table');
      await expect.poll(async () => (await activity.textContent()) ?? '').toContain('Freed a licence from its computer');
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).not.toContain('The customer’s office PC was stolen');
      expect(text).not.toContain(DEMO_LOGINS.staff.email);
    });
  });
});
