// Issue #4, staff part, in Chromium: staff sign in, place an order for a new e-mail; that customer signs in with the
// e-mail and the order number from the confirmation, sees the licences, downloads a .lic file, and the CLI verifies it.

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { enterMailedCode, mailCount, signInWithPassword, withPage } from '../support/browser.ts';
import { mailsTo } from '../support/mailbox.ts';
import { putTestServicePlans, type TestServicePlans } from '../support/service-plans.ts';

const e2e = browserTestFile();
const { portalUrl, mailUrl } = e2e;
let workDir: string;
let plans: TestServicePlans;
const REPOSITORY = join(import.meta.dirname, '..', '..');

beforeAll(async () => {
  plans = await putTestServicePlans();
  workDir = mkdtempSync(join(tmpdir(), 'atrium-staff-order-'));
});
afterAll(async () => {
  rmSync(workDir, { recursive: true, force: true });
});

/** The order confirmation, once it has reached the local mailbox. */
async function waitForConfirmation(email: string, reference: string) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const mail = (await mailsTo(mailUrl, email)).find((each) => each.subject.includes(reference));
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No order confirmation reached ${email}`);
}

function verifyWithCli(file: string, publicKey: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/atrium-verify-licence.mjs', file, '--public-key', publicKey],
      { cwd: REPOSITORY },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

/** The licence file behind the first "Download .lic" button of the licences table, saved where the test can read it. */
async function downloadLicenceFile(page: Page, licenceId: string): Promise<string> {
  const target = join(workDir, `${licenceId}.lic`);
  const button = page
    .getByTestId('licences-table')
    .getByRole('button', { name: /Download \.lic/ })
    .first();
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toMatch(/\.lic$/);
  await download.saveAs(target);
  return target;
}

describe('a staff-created order in Chromium', () => {
  it('staff order for a new e-mail; the customer signs in with the order number, sees the licences and verifies a .lic', async () => {
    const customerEmail = `new.customer.${Date.now()}@example.test`;
    let reference = '';
    let serials: string[] = [];

    // Staff: password and mailed code at /admin, then Orders → New order.
    await withPage(e2e.browser, async (page) => {
      await signInWithPassword(page, { portalUrl, mailUrl }, '/admin', DEMO_LOGINS.staff);
      await page.getByTestId('customers-table').waitFor();

      await page.getByRole('navigation', { name: 'Staff sections' }).getByRole('link', { name: 'Orders' }).click();
      await page.getByRole('heading', { name: 'Orders', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'New order' }).click();
      await page.getByRole('heading', { name: 'New order' }).waitFor();

      await page.getByLabel('Customer e-mail').fill(customerEmail);
      await page.getByLabel('Contact name').fill('Ewa Zielińska');
      await page.getByLabel('City').fill('Wrocław');
      await page.getByLabel('Country').fill('pl');
      // The catalogue arrives with the page; wait for its options before choosing.
      await expect.poll(() => page.getByLabel('Product 1', { exact: true }).locator('option').count()).toBeGreaterThan(1);
      await page.getByLabel('Product 1', { exact: true }).selectOption('RA-ENT-10-S1Y');
      await page.getByLabel('Quantity of product 1').fill('2');
      await page.getByRole('button', { name: 'Add a product' }).click();
      // A service plan is priced per period: its price says so (then the line takes a licence instead).
      await page.getByLabel('Product 2', { exact: true }).selectOption(plans.mid);
      expect(await page.getByTestId('order-line').nth(1).locator('.field-hint').textContent()).toBe(
        'Service, renews every month · €49.00 / month',
      );
      await page.getByLabel('Product 2', { exact: true }).selectOption('RA-DSK-3');
      await expect.poll(() => page.getByTestId('order-total').textContent()).toContain('€3,178.00');
      await page.getByRole('button', { name: 'Create the order' }).click();

      await page.getByTestId('created-order-heading').waitFor();
      reference = (await page.getByTestId('created-order-reference').textContent())!.trim();
      expect(reference).toMatch(/^JWT\d{4,}$/);
      expect(await page.getByRole('status').first().textContent()).toContain('A new customer account was created');
      const issued = page.getByTestId('issued-licences');
      await expect.poll(() => issued.locator('tbody tr').count()).toBe(3);
      serials = await issued.locator('td.serial').allTextContents();

      // The new order is found by the customer's e-mail.
      await page.getByRole('link', { name: 'All orders' }).first().click();
      await page.getByLabel('Reference or customer e-mail').fill(customerEmail);
      await page.getByRole('button', { name: 'Search' }).click();
      await expect.poll(() => page.getByTestId('staff-orders-table').locator('tbody tr').count()).toBe(1);
      expect(await page.getByTestId('staff-orders-table').textContent()).toContain(reference);
    });

    // The confirmation lists what was issued and how to sign in.
    const confirmation = await waitForConfirmation(customerEmail, reference);
    for (const serial of serials) expect(confirmation.body.text).toContain(serial);
    expect(confirmation.body.text).toContain(`${portalUrl}/sign-in`);

    // The customer: e-mail + order number, then the mailed code; the licences are there.
    await withPage(e2e.browser, async (page) => {
      await page.goto(`${portalUrl}/sign-in`);
      await page.getByRole('radio', { name: 'With an order number' }).click();
      await page.getByLabel('E-mail').fill(customerEmail);
      await page.getByLabel('Order number', { exact: true }).fill(reference);
      const before = await mailCount(mailUrl, customerEmail);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await enterMailedCode(page, mailUrl, customerEmail, before);
      await page.getByTestId('home-tiles').waitFor();
      expect(new URL(page.url()).pathname).toBe('/home');

      await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Licences' }).click();
      const table = page.getByTestId('licences-table');
      await table.waitFor();
      await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
      const text = await table.textContent();
      for (const serial of serials) expect(text).toContain(serial);
      expect(text).toContain(reference);

      // One licence's file, verified by the CLI with the portal's published public key.
      const details = table.getByRole('link', { name: /Details/ }).first();
      const licenceId = (await details.getAttribute('href'))!.split('/').pop()!;
      const file = await downloadLicenceFile(page, licenceId);

      const published = (await (await fetch(`${portalUrl}/api/licensing/public-key`)).json()) as { publicKeyPem: string };
      const publicKey = join(workDir, 'licence-signing-key.pub.pem');
      writeFileSync(publicKey, published.publicKeyPem);
      const verified = await verifyWithCli(file, publicKey);
      expect(verified.code, verified.stdout + verified.stderr).toBe(0);
      expect(verified.stdout).toMatch(/^valid/);
      expect(verified.stdout).toContain(licenceId);
    });
  });
});
