// Checkout in Chromium: from a filled cart, review the order (lines, VAT, billing data), place it by bank transfer, see
// the transfer instructions on the order page, and read the order mail with the transfer data from the local mail server.

import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEFAULT_BILLING } from '#shared/billing/settings.ts';
import { signInToHome, withPage } from '../support/browser.ts';
import { awaitMailTo } from '../support/mailbox.ts';
import { customerWithCart } from '../support/shopper.ts';

const e2e = browserTestFile();
const { portalUrl, mailUrl } = e2e;

describe('checkout', () => {
  it('places the cart by bank transfer, shows the transfer instructions and mails them', async () => {
    const customer = await customerWithCart([
      ['RA-DSK-3', 1],
      ['2FA-25', 3],
    ]);
    await withPage(e2e.browser, async (page) => {
      await signInToHome(page, { portalUrl, mailUrl }, customer.login);
      await page.goto(`${portalUrl}/checkout`);

      // The review: both lines, the tax rule in words, the billing data, the gross on the button.
      const lines = page.getByTestId('checkout-lines');
      await lines.getByText('Two-Factor Authentication').waitFor();
      expect(await lines.getByRole('row').count()).toBe(3);
      expect(await page.getByTestId('tax-rule').textContent()).toBe('VAT 23 %');
      expect(await page.getByTestId('checkout-billing').textContent()).toContain('61-001 Poznań, PL');
      expect(await page.getByRole('radio', { name: /^Bank transfer/ }).isChecked()).toBe(true);
      const place = page.getByRole('button', { name: 'Place order (€881.91)' });
      // A double click places one order: the page keeps its key and ignores the second click while busy.
      await place.dblclick();

      // The order page: awaiting payment, the amount due and the transfer data with the reference as its title.
      await page.getByTestId('transfer-instructions').waitFor();
      expect(page.url()).toMatch(/\/orders\/[0-9A-Z]{26}$/);
      const heading = (await page.locator('main h1').textContent()) ?? '';
      const reference = heading.replace('Order ', '');
      expect(await page.getByTestId('order-status').textContent()).toBe('Awaiting payment');
      expect(await page.getByTestId('amount-due').textContent()).toBe('€881.91');
      const instructions = (await page.getByTestId('transfer-instructions').textContent()) ?? '';
      for (const expected of [DEFAULT_BILLING.bank.iban, DEFAULT_BILLING.bank.swift, DEFAULT_BILLING.bank.holder, reference, '€881.91']) {
        expect(instructions).toContain(expected);
      }
      const proforma = (await page.getByTestId('proforma-number').textContent()) ?? '';
      expect(proforma).toMatch(/^PF\/\d{4}\/\d{6}$/);

      // The orders list shows it awaiting payment, once.
      await page.goto(`${portalUrl}/orders`);
      const rows = page.getByTestId('orders-table').getByRole('row').filter({ hasText: reference });
      await rows.first().waitFor();
      expect(await rows.count()).toBe(1);
      expect(await rows.getByTestId('order-status').textContent()).toBe('Awaiting payment');

      // The order mail carries the transfer data.
      const mail = await awaitMailTo(mailUrl, customer.login.email, new RegExp(`Your order ${reference}`));
      const text = mail.body.text ?? '';
      for (const expected of [
        `IBAN: ${DEFAULT_BILLING.bank.iban}`,
        `SWIFT/BIC: ${DEFAULT_BILLING.bank.swift}`,
        'Amount: €881.91',
        `Transfer title: ${reference}`,
        proforma,
      ]) {
        expect(text).toContain(expected);
      }
    });
  });
});
