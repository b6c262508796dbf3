// Issue #15, the services pages in Chromium: a customer with a service due for renewal sees it in the services table
// (status, days left, price per period, the upcoming renewals note), opens Manage, turns automatic renewal on and sees
// the change in the service's history.

import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { createCustomer } from '../support/api.ts';
import { signInToHome, withPage } from '../support/browser.ts';
import { putTestSubscription } from '../support/subscriptions.ts';

const e2e = browserTestFile();
const { portal } = e2e;
const DAY = 86_400_000;

describe('the services pages in Chromium', () => {
  it('shows a due service in the table, and Manage turns automatic renewal on with a line in the history', async () => {
    const customer = await createCustomer([]);
    const { accountId } = customer.account;
    // Five whole days and an hour left: the table says 5.
    const due = await putTestSubscription(accountId, {
      status: 'due',
      paidUntil: new Date(Date.now() + 5 * DAY + 3_600_000).toISOString(),
      identifier: { kind: 'ip', value: '203.0.113.45' },
    });
    await putTestSubscription(accountId, { plan: 'Starter', sku: 'MH-STA-1M', identifier: { kind: 'ip', value: '203.0.113.46' } });

    await withPage(e2e.browser, async (page) => {
      await signInToHome(page, portal, customer.login);
      await page.goto(`${portal.portalUrl}/services`);
      const table = page.getByTestId('services-table');
      await table.waitFor();
      await expect.poll(() => table.getByTestId('service-row').count()).toBe(2);
      const row = table.getByTestId('service-row').filter({ hasText: '203.0.113.45' });
      expect(await row.getByTestId('subscription-status').textContent()).toBe('Renewal due');
      expect(await row.getByTestId('days-left').textContent()).toBe('5');
      expect(await row.textContent()).toContain('Managed Hosting Business');
      expect(await row.textContent()).toMatch(/49\.00.*\/ month/);
      expect(await page.getByTestId('upcoming-renewals').textContent()).toContain('1 service is due');

      await row.getByRole('link', { name: /Manage/ }).click();
      await page.waitForURL(`**/services/${due.subscriptionId}`);
      const autoRenew = page.getByTestId('auto-renew');
      await expect.poll(() => autoRenew.getByTestId('auto-renew-state').textContent()).toBe('Off');
      await autoRenew.getByRole('button', { name: 'Turn on automatic renewal' }).click();
      await expect.poll(() => autoRenew.getByTestId('auto-renew-state').textContent()).toBe('On: renews from the balance');
      await expect.poll(() => autoRenew.getByRole('status').textContent()).toBe('Automatic renewal is on.');

      const history = page.getByTestId('subscription-history');
      await history.waitFor();
      const first = history.getByTestId('history-row').first();
      await expect.poll(() => first.textContent()).toContain('Automatic renewal changed');
      expect(await first.textContent()).toContain('turned on');
      expect(await first.textContent()).toContain('You');
    });
  });
});
