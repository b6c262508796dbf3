// The invoices page in Chromium: the demo customer's invoice is listed with its status (the proforma of an expired
// order as void), the home tile counts it, and its PDF button downloads a real PDF; staff find it on /admin/invoices.

import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { signInToHome, signInWithPassword, withPage } from '../support/browser.ts';
import { issueTestInvoice, putTestPayment } from '../support/invoices.ts';
import { putAwaitingOrder } from '../support/shop-orders.ts';
import { getInvoice } from '#shared/billing/invoice.ts';
import { expireOrders } from '#shared/shop/order-expiry.ts';

const e2e = browserTestFile();
const { portal } = e2e;
const DEMO_ACCOUNT = 'demo-nordwind';

/** An order of the demo account that expired unpaid, as the hourly job leaves it: the number of its (void) proforma. */
async function expiredOrdersProforma(): Promise<string> {
  const order = await putAwaitingOrder({
    accountId: DEMO_ACCOUNT,
    email: DEMO_LOGINS.customer.email,
    expiresAt: new Date(Date.now() - 60_000),
  });
  const proforma = order.shop!.proforma!;
  // The job reads an index: run it until it has seen the order.
  await expect
    .poll(
      async () => {
        await expireOrders(new Date());
        return (await getInvoice(DEMO_ACCOUNT, proforma.invoiceId, true))?.voidedAt;
      },
      { timeout: 15_000 },
    )
    .toBeDefined();
  return proforma.number;
}

describe('invoices in the browser', () => {
  it('lists the customer’s unpaid proforma, counts it on the home page, and downloads its PDF', async () => {
    const invoice = await issueTestInvoice(DEMO_ACCOUNT, {
      kind: 'proforma',
      dueAt: new Date(Date.now() + 14 * 86_400_000),
      order: { orderId: 'e2e-order', reference: 'E2E-PF-1' },
    });
    await putTestPayment(DEMO_ACCOUNT, { bankReference: 'E2E/BANK/1' });
    const voided = await expiredOrdersProforma();
    await withPage(e2e.browser, async (page) => {
      await signInToHome(page, portal, DEMO_LOGINS.customer);
      await expect.poll(() => page.getByTestId('tile-invoices').textContent()).toMatch(/^\d+\+?$/);

      await page.goto(`${portal.portalUrl}/invoices`);
      const row = page.getByTestId('invoices-table').locator('tr', { hasText: invoice.number });
      await row.waitFor();
      expect(await row.getByTestId('invoice-status').textContent()).toBe('Unpaid');
      // The proforma of the order that expired asks for nothing any more.
      const voidRow = page.getByTestId('invoices-table').locator('tr', { hasText: voided });
      expect(await voidRow.getByTestId('invoice-status').textContent()).toBe('Void: the order expired or was cancelled');
      expect(await page.getByTestId('payments-table').textContent()).toContain('E2E/BANK/1');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        row.getByRole('button', { name: `PDF ${invoice.number}` }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${invoice.number.replaceAll('/', '-')}.pdf`);
      // The browser runs as a server (test/support/portal.global-setup.ts): the file is copied here to be read.
      const saved = join(tmpdir(), `atrium-${randomUUID()}.pdf`);
      await download.saveAs(saved);
      const bytes = await readFile(saved);
      await rm(saved, { force: true });
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });
  });

  it('shows staff the invoice with its customer, found by its number', async () => {
    const invoice = await issueTestInvoice(DEMO_ACCOUNT, { paidAt: new Date() });
    await withPage(e2e.browser, async (page) => {
      await signInWithPassword(page, portal, '/admin', DEMO_LOGINS.staff);
      await page.getByTestId('customers-table').waitFor();
      await page.goto(`${portal.portalUrl}/admin/invoices`);
      await page.getByLabel('Number').fill(invoice.number);
      await page.getByRole('button', { name: 'Find' }).click();
      const row = page.getByTestId('admin-invoices-table').locator('tr', { hasText: invoice.number });
      // The newest invoice is on the unfiltered list's first page too: wait for the search's answer, one row.
      await expect.poll(() => page.getByTestId('admin-invoices-table').locator('tbody tr').count(), { timeout: 15_000 }).toBe(1);
      await row.waitFor();
      expect(await row.getByRole('link').getAttribute('href')).toBe(`/admin/customers/${DEMO_ACCOUNT}`);
      expect(await row.getByTestId('invoice-status').textContent()).toBe('Paid');

      const voided = await expiredOrdersProforma();
      await page.getByLabel('Number').fill(voided);
      await page.getByRole('button', { name: 'Find' }).click();
      const voidRow = page.getByTestId('admin-invoices-table').locator('tr', { hasText: voided });
      await voidRow.waitFor();
      expect(await voidRow.getByTestId('invoice-status').textContent()).toBe('Void: the order expired or was cancelled');
    });
  });
});
