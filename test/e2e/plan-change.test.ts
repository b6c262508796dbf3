// Issue #15 in Chromium, changing a service's plan (seed 004): the customer opens the plan page of a Medium service,
// sees the preview of an upgrade (charged now) and of a downgrade (credited now, with the invoice it corrects), confirms
// the downgrade, and sees the new plan on the page and the credit on the balance.

import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { money } from '#shared/money.ts';
import { addPeriods, DAY_MS } from '#shared/subscriptions/periods.ts';
import { createCustomer } from '../support/api.ts';
import { signInToHome, withPage } from '../support/browser.ts';
import { putTestServicePlans } from '../support/service-plans.ts';
import { putTestSubscription } from '../support/subscriptions.ts';

const e2e = browserTestFile();
const { portal } = e2e;

/** Euros as the English pages write them (amounts under 1,000). */
const euros = (minor: number) => `€${(minor / 100).toFixed(2)}`;

/** The proration rule worked out independently, with 23 % VAT (a customer in the seller's country). */
function prorated(amountMinor: number, paidUntil: string, daysLeft: number) {
  const days = Math.round((new Date(paidUntil).getTime() - addPeriods(paidUntil, { unit: 'month', count: 1 }, -1).getTime()) / DAY_MS);
  const net = Math.round((amountMinor * daysLeft) / days);
  return { net, gross: net + Math.round(net * 0.23), days };
}

describe('changing a service plan', () => {
  it('change plan with the preview', async () => {
    // Prepare: a customer (EUR) with a Medium plan at 49.00 a month, paid until 10 whole days from now, with its invoice.
    const plans = await putTestServicePlans(['EUR']);
    const customer = await createCustomer([]);
    const paidUntil = new Date(Date.now() + 10 * DAY_MS + 2 * 60 * 60 * 1000).toISOString();
    const subscription = await putTestSubscription(customer.account.accountId, {
      productId: plans.productId,
      product: plans.product,
      sku: plans.mid,
      plan: 'Medium',
      users: 10,
      price: money(4_900, 'EUR'),
      paidUntil,
      withInvoice: true,
    });
    const up = prorated(5_000, paidUntil, 10);
    const down = prorated(3_000, paidUntil, 10);

    await withPage(e2e.browser, async (page) => {
      await signInToHome(page, portal, customer.login);
      await page.goto(`${portal.portalUrl}/services/${subscription.subscriptionId}/plan`);
      const panel = page.getByTestId('plan-panel');
      await expect
        .poll(() => panel.getByTestId('plan-current').textContent(), { timeout: 15_000 })
        .toBe('Medium · €49.00 per month · 10 users');

      // The upgrade's preview: the prorated difference, charged now, and why.
      await panel.getByRole('radio', { name: /^Large/ }).check();
      const preview = panel.getByTestId('plan-preview');
      await expect.poll(() => preview.textContent()).toContain(`Charged now: ${euros(up.gross)}`);
      expect(await preview.textContent()).toContain(`the 10 of ${up.days} days left`);

      // The downgrade's preview: the prorated difference credited now, correcting the period's invoice.
      await panel.getByRole('radio', { name: /^Small/ }).check();
      await expect.poll(() => preview.textContent()).toContain(`Credited to your balance now: ${euros(down.gross)}`);
      expect(await preview.textContent()).toContain(`A correction of invoice ${subscription.lastInvoice!.number} is issued.`);

      await panel.getByRole('button', { name: 'Confirm the change' }).click();
      await expect.poll(() => panel.getByTestId('plan-outcome').textContent(), { timeout: 15_000 }).toBe('Done: your plan is now Small.');
      await expect.poll(() => panel.getByTestId('plan-current').textContent()).toBe('Small · €19.00 per month · 5 users');

      await page.goto(`${portal.portalUrl}/balance`);
      await expect.poll(() => page.getByTestId('balance-amount').textContent(), { timeout: 15_000 }).toBe(euros(down.gross));
    });
  });
});
