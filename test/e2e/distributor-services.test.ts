// A distributor's /services in Chromium (issue #15's leftovers): the demo partner sees its client's due service among
// the upcoming renewals (whose it is), filters the services to that client (the client column), and renews all its
// due services into its own cart, where the renewal is marked as for the client; then turns on the automatic renewal
// of that client's service, which its own balance pays.

import { describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { browserTestFile } from '../support/browser-file.ts';
import { signInWithPassword, withPage } from '../support/browser.ts';
import { putTestSubscription } from '../support/subscriptions.ts';

const e2e = browserTestFile();
const { portal } = e2e;
const DAY = 86_400_000;
/** The demo partner's client (infra/local/seed.ts). */
const ORCHARD = { accountId: 'demo-orchard', name: 'Orchard Dental Clinic' };

describe('a distributor’s services in Chromium', () => {
  it('the partner sees its client’s due service, filters to the client and renews all its due services into its cart, then turns its auto-renew on', async () => {
    // An address no other test writes: this service's row, line and list entry are found by it.
    const address = '198.51.100.231';
    const due = await putTestSubscription(ORCHARD.accountId, {
      status: 'due',
      paidUntil: new Date(Date.now() + 3 * DAY).toISOString(),
      identifier: { kind: 'ip', value: address },
    });

    await withPage(e2e.browser, async (page) => {
      await signInWithPassword(page, portal, '/sign-in?next=%2Fservices', DEMO_LOGINS.partner);
      await page.waitForURL('**/services');

      // Its own account's table, and below it what is due for it and its clients, with whose each is.
      const upcoming = page.getByTestId('due-list');
      await upcoming.waitFor();
      expect(await upcoming.locator('li', { hasText: address }).textContent()).toContain(`${ORCHARD.name}: Managed Hosting Business`);

      await page.getByLabel('Client', { exact: true }).selectOption(ORCHARD.accountId);
      await page.waitForURL(`**/services?clientId=${ORCHARD.accountId}`);
      const table = page.getByTestId('services-table');
      const row = table.getByTestId('service-row').filter({ hasText: address });
      await row.waitFor();
      expect(await table.locator('thead th').first().textContent()).toBe('Client');
      expect(await row.locator('td').first().textContent()).toBe(ORCHARD.name);
      expect(await row.getByTestId('subscription-status').textContent()).toBe('Renewal due');

      const renewAll = page.getByTestId('renew-all-due');
      await renewAll.getByRole('button', { name: /^Renew all due \(\d+\)$/ }).click();
      await expect.poll(() => renewAll.getByRole('status').textContent()).toMatch(/added to your cart|already in your cart/);
      await renewAll.getByRole('link', { name: 'Go to the cart' }).click();
      await page.waitForURL('**/cart');
      const line = page.locator(`tr[data-sku="RENEW-${due.subscriptionId}"]`);
      await line.waitFor();
      expect(await line.textContent()).toContain('Managed Hosting');
      expect(await line.locator('.badge').first().textContent()).toBe(`For ${ORCHARD.name}`);

      // The client's service: the distributor switches its automatic renewal (paid from the distributor's balance).
      await page.goto(`${portal.portalUrl}/services/${due.subscriptionId}?clientId=${ORCHARD.accountId}`);
      const autoRenew = page.getByTestId('auto-renew');
      await expect.poll(() => autoRenew.getByTestId('auto-renew-state').textContent()).toBe('Off');
      await autoRenew.getByRole('button', { name: 'Turn on automatic renewal' }).click();
      await expect.poll(() => autoRenew.getByRole('status').textContent()).toBe('Automatic renewal is on.');
    });
  });
});
