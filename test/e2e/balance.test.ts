// Issue #14, the balance in Chromium: staff refund a customer's order to the balance from the customer page and the
// customer sees it as a ledger entry; the customer sets a low-balance alert, staff debit the balance below it twice,
// and the local mail server holds exactly one alert.

import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { mailsTo } from '../support/mailbox.ts';
import { signInToHome, signInWithPassword, withPage } from '../support/browser.ts';

const e2e = browserTestFile();
const { portalUrl, mailUrl, portal } = e2e;
// Harbour's one order, JWT2001 (5,508.00 EUR with its support), is refunded here; no other browser test reads its balance.
const customer = DEMO_LOGINS.secondCustomer;
const accountId = 'demo-harbour';

const lowBalanceMails = async () => (await mailsTo(mailUrl, customer.email)).filter((mail) => /balance is low/i.test(mail.subject));

describe('the balance in Chromium', () => {
  it('staff refund an order to the balance; the customer sees the refund in the ledger', async () => {
    await withPage(e2e.browser, async (page) => {
      await signInWithPassword(page, portal, '/admin', DEMO_LOGINS.staff);
      await page.getByTestId('customers-table').waitFor();
      await page.goto(`${portalUrl}/admin/customers/${accountId}`);
      const section = page.getByTestId('balance-section');
      const refund = section.getByTestId('refund-form');
      await refund.waitFor();
      await refund.getByLabel('Reason').fill('Returned within the trial period.');
      await refund.getByRole('button', { name: 'Refund to the balance' }).click();
      // The notice outlives the section's reload that shows the first entry (the forms stay mounted).
      await section.getByRole('status').first().waitFor({ timeout: 30_000 });
      await expect
        .poll(() => section.getByRole('status').first().textContent(), { timeout: 15_000 })
        .toMatch(/Refunded €5,508\.00 to the balance/);
      await expect.poll(() => section.getByTestId('staff-balance-amount').textContent()).toBe('€5,508.00');
    });

    await withPage(e2e.browser, async (page) => {
      await signInToHome(page, portal, customer);
      await page.goto(`${portalUrl}/balance`);
      await expect.poll(() => page.getByTestId('balance-amount').textContent()).toBe('€5,508.00');
      const row = page.getByTestId('ledger-table').locator('tbody tr[data-kind="refund"]');
      await expect.poll(() => row.count()).toBe(1);
      const text = await row.textContent();
      expect(text).toContain('Refund');
      expect(text).toContain('JWT2001');
      expect(text).toContain('Returned within the trial period.');
      expect(text).toContain('+€5,508.00');
    });
  });

  it('mails the low-balance alert once when two debits take the balance below the threshold', async () => {
    await withPage(e2e.browser, async (page) => {
      await signInToHome(page, portal, customer);
      await page.goto(`${portalUrl}/balance`);
      await page.getByLabel('Alert me below (EUR)').fill('100');
      await page.getByRole('button', { name: 'Save the alert' }).click();
      await expect.poll(() => page.getByTestId('alert-current').textContent()).toBe('The alert is set below €100.00.');
    });
    expect(await lowBalanceMails()).toHaveLength(0);

    await withPage(e2e.browser, async (page) => {
      await signInWithPassword(page, portal, '/admin', DEMO_LOGINS.staff);
      await page.getByTestId('customers-table').waitFor();
      await page.goto(`${portalUrl}/admin/customers/${accountId}`);
      const section = page.getByTestId('balance-section');
      for (const [amount, after] of [
        ['-5418', '€90.00'],
        ['-10', '€80.00'],
      ] as const) {
        const form = section.getByTestId('adjust-form');
        await form.getByLabel('Amount in EUR (negative for a debit)').fill(amount);
        await form.getByLabel('Note the customer sees').fill('Paid for the consulting day');
        await form.getByLabel('Reason').fill('Agreed by e-mail with Ben Carter.');
        await form.getByRole('button', { name: 'Apply the adjustment' }).click();
        // The answer waits for the low-balance check (and its mail): a wait for the page, not a timing.
        await expect.poll(() => section.getByTestId('staff-balance-amount').textContent(), { timeout: 15_000 }).toBe(after);
      }
    });

    // The alert is mailed after the debit's answer; the second debit, still below, mails nothing more.
    await expect.poll(async () => (await lowBalanceMails()).length, { timeout: 15_000 }).toBe(1);
    const [alert] = await lowBalanceMails();
    expect(alert!.subject).toContain('€90.00');
    expect(alert!.body.text).toContain('€100.00');
    expect(alert!.body.text).toContain('/balance');
  });
});
