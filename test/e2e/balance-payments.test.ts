// Issue #14 in Chromium, the balance end to end: a customer with money on the balance pays an order awaiting payment
// from its page (fulfilled at once, with its VAT invoice), then staff refund that order to the balance, and the
// customer's invoices page shows the correction invoice beside the invoice it corrects.

import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_STAFF } from '#infra/local/seed.ts';
import { createCustomer } from '../support/api.ts';
import { giveBalance } from '../support/balances.ts';
import { signInToHome, signInWithPassword, withPage } from '../support/browser.ts';
import { putAwaitingOrder } from '../support/shop-orders.ts';

const e2e = browserTestFile();
const { portal } = e2e;
const billingStaff = DEMO_STAFF.find((staff) => staff.groups.includes('billing' as never))!;

describe('paying from the balance and refunding to it', () => {
  it('pays an order from the balance on its page, then a staff refund shows as a correction invoice', async () => {
    // Prepare: a new customer with 10,000.00 EUR on the balance (a top-up, as the ledger records one) and an order
    // awaiting payment.
    const customer = await createCustomer([]);
    const accountId = customer.account.accountId;
    await giveBalance(accountId, 1_000_000, 'EUR');
    const order = await putAwaitingOrder({ accountId, email: customer.login.email, lines: [{ sku: 'RA-DSK-3', quantity: 1 }] });

    // Act 1: the customer pays the whole amount from the balance on the order's page.
    await withPage(e2e.browser, async (page) => {
      await signInToHome(page, portal, customer.login);
      await page.goto(`${portal.portalUrl}/orders/${order.orderId}`);
      const pay = page.getByTestId('pay-from-balance');
      await pay.waitFor();
      await pay.getByRole('button', { name: 'Pay from balance' }).click();
      // Assess: fulfilled, with its VAT invoice's number, and nothing left to pay.
      await expect.poll(() => page.getByTestId('order-status').textContent(), { timeout: 15_000 }).toBe('Fulfilled');
      expect(await page.getByTestId('invoice-number').textContent()).toMatch(/^FV\/\d{4}\/\d{6}$/);
      expect(await page.getByTestId('amount-due').count()).toBe(0);
    });

    // Act 2: billing staff refund the order to the balance from the customer page.
    await withPage(e2e.browser, async (page) => {
      await signInWithPassword(page, portal, '/admin', billingStaff);
      await page.getByTestId('customers-table').waitFor();
      await page.goto(`${portal.portalUrl}/admin/customers/${accountId}`);
      const refund = page.getByTestId('balance-section').getByTestId('refund-form');
      await refund.waitFor();
      await refund.getByLabel('Reason').fill('The customer returned the licence.');
      await refund.getByRole('button', { name: 'Refund to the balance' }).click();
      await expect
        .poll(() => page.getByTestId('balance-section').getByRole('status').first().textContent(), { timeout: 15_000 })
        .toMatch(/correction invoice FK\/\d{4}\/\d{6}/);
    });

    // Assess: the customer's invoices list the correction and mark the invoice it corrects.
    await withPage(e2e.browser, async (page) => {
      await signInToHome(page, portal, customer.login);
      await page.goto(`${portal.portalUrl}/invoices`);
      const rows = page.getByTestId('invoices-table').locator('tbody tr');
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(3);
      const texts = await rows.allTextContents();
      const correction = texts.find((text) => /^FK\//.test(text));
      const corrected = texts.find((text) => /^FV\//.test(text));
      expect(correction).toContain('Correction');
      expect(correction).toMatch(/FV\/\d{4}\/\d{6}/);
      expect(corrected).toContain('Corrected');
    });
  });
});
