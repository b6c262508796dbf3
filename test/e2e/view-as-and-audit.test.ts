// Issue #11 in Chromium: a staff user views a customer's pages read-only (with a reason, shown in a banner), stops, and
// finds the view in the audit trail; the customer sees it in their activity, by team and without the staff user.

import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { signInWithPassword, withPage } from '../support/browser.ts';

const e2e = browserTestFile();
const { portal } = e2e;
const customer = DEMO_LOGINS.secondCustomer;

describe('view as customer, and the audit trail', () => {
  it('staff view the customer’s licences read-only with a reason; the audit and the customer’s activity show it', async () => {
    const reason = `Customer called about a missing licence ${Date.now()}`;

    await withPage(e2e.browser, async (page) => {
      await signInWithPassword(page, portal, '/admin', DEMO_LOGINS.staff);
      await page.getByTestId('customers-table').waitFor();
      await page.goto(`${portal.portalUrl}/admin/orders?q=${encodeURIComponent(customer.email)}`);
      await page
        .getByTestId('staff-orders-table')
        .getByRole('link', { name: /^Details/ })
        .first()
        .click();

      // A reason is required before the view opens.
      await page.getByRole('button', { name: 'View as customer' }).click();
      expect(await page.getByText('Give a reason of at least 3 characters.').isVisible()).toBe(true);
      await page.getByLabel('Reason').fill(reason);
      await page.getByRole('button', { name: 'View as customer' }).click();

      const banner = page.getByTestId('view-as-banner');
      await banner.waitFor();
      expect(await banner.textContent()).toContain('Read-only');
      expect(await banner.textContent()).toContain(customer.email);
      expect(new URL(page.url()).pathname).toBe('/licences');
      const licences = page.getByTestId('licences-table');
      await expect.poll(() => licences.locator('tbody tr').count()).toBeGreaterThan(0);
      // The customer's own navigation works in the view: their orders.
      await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Orders' }).click();
      await expect.poll(() => page.getByTestId('orders-table').locator('tbody tr').count()).toBeGreaterThan(0);
      expect(await banner.isVisible()).toBe(true);

      await page.getByRole('button', { name: 'Stop viewing' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/admin\/customers\//);

      await page.goto(`${portal.portalUrl}/admin/audit?action=account.view-as`);
      const audit = page.getByTestId('audit-table');
      await expect.poll(async () => (await audit.textContent()) ?? '').toContain(reason);
      expect(await audit.textContent()).toContain(DEMO_LOGINS.staff.email);
    });

    await withPage(e2e.browser, async (page) => {
      await signInWithPassword(page, portal, '/sign-in', customer);
      await page.getByTestId('home-tiles').waitFor();
      // Activity is among the account's pages, behind the navigation's Account button.
      const nav = page.getByRole('navigation', { name: 'Your account' });
      await nav.getByRole('button', { name: 'Account' }).click();
      await nav.getByRole('link', { name: 'Activity' }).click();
      const activity = page.getByTestId('activity-table');
      await expect.poll(async () => (await activity.textContent()) ?? '').toContain('Viewed your account to help you');
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).not.toContain(DEMO_LOGINS.staff.email);
      expect(text).not.toContain(reason);
    });
  });
});
