// Issue #15 in Chromium, renewals: a customer with money on the balance renews a due subscription from the balance on
// its renewal page and sees paid-until move one period from its old end, and the balance go down; a renewal in the
// cart reads in the page's language.

import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { money } from '#shared/money.ts';
import { addCartActions } from '#shared/shop/cart-lines.ts';
import { getSubscription } from '#shared/subscriptions/model.ts';
import { addDays, addPeriods } from '#shared/subscriptions/periods.ts';
import { createCustomer } from '../support/api.ts';
import { giveBalance } from '../support/balances.ts';
import { signInToHome, withPage } from '../support/browser.ts';
import { putTestSubscription } from '../support/subscriptions.ts';

const e2e = browserTestFile();
const { portal } = e2e;

describe('renewals', () => {
  it('renew a due subscription from balance and see paid until move', async () => {
    // Prepare: a customer (buying in EUR) with 500.00 EUR on the balance and a monthly service due in 5 days.
    const customer = await createCustomer([]);
    const accountId = customer.account.accountId;
    await giveBalance(accountId, 50_000, 'EUR');
    const subscription = await putTestSubscription(accountId, {
      price: money(4900, 'EUR'),
      status: 'due',
      paidUntil: addDays(new Date(), 5).toISOString(),
    });

    await withPage(e2e.browser, async (page) => {
      await signInToHome(page, portal, customer.login);
      await page.goto(`${portal.portalUrl}/services/${subscription.subscriptionId}/renew`);
      const panel = page.getByTestId('renew-panel');
      await panel.getByTestId('renew-price').waitFor();
      const before = {
        paidUntil: await panel.getByTestId('renew-paid-until').textContent(),
        after: await panel.getByTestId('renew-paid-until-after').textContent(),
        balance: await panel.getByTestId('renew-balance').textContent(),
      };
      expect(before.balance).toContain('500.00');

      // Act: pay one month from the balance.
      await panel.getByRole('button', { name: 'Pay from balance now' }).click();

      // Assess: renewed, paid-until is now what the page promised (one period after the old end), the balance went down.
      await expect.poll(() => panel.getByTestId('renew-done').textContent(), { timeout: 15_000 }).toContain(`paid until ${before.after}`);
      await expect.poll(() => panel.getByTestId('renew-paid-until').textContent(), { timeout: 15_000 }).toBe(before.after);
      expect(before.after).not.toBe(before.paidUntil);
      await expect.poll(() => panel.getByTestId('renew-balance').textContent(), { timeout: 15_000 }).not.toBe(before.balance);
    });
    const renewed = await getSubscription(accountId, subscription.subscriptionId);
    expect(renewed.paidUntil).toBe(addPeriods(subscription.paidUntil, subscription.period, 1).toISOString());
    expect(renewed.status).toBe('active');
  });

  it('the cart names a renewal line in the page’s language', async () => {
    // Prepare: a monthly service in the cart for renewal (its quote records the facts, not English words).
    const customer = await createCustomer([]);
    const accountId = customer.account.accountId;
    const subscription = await putTestSubscription(accountId, {
      price: money(4900, 'EUR'),
      paidUntil: addDays(new Date(), 5).toISOString(),
    });
    await addCartActions(accountId, { actions: [{ kind: 'renewal', subscriptionId: subscription.subscriptionId, periods: 1 }] });

    await withPage(e2e.browser, async (page) => {
      await signInToHome(page, portal, customer.login);
      // Act: the cart in Polish.
      await page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
      await page.goto(`${portal.portalUrl}/cart`);

      // Assess: the line says what it renews in Polish, after the product.
      const line = page.getByTestId('cart-table').locator(`tr[data-sku="RENEW-${subscription.subscriptionId}"]`);
      await expect
        .poll(() => line.locator('strong').textContent(), { timeout: 15_000 })
        .toBe('Managed Hosting Business, odnowienie 1 miesiąc (203.0.113.10)');
    });
  });
});
