// Issue #12, company verification, in Chromium: the customer submits a company profile and sees it awaiting
// verification with the payment block notice; staff approve it in /admin/verifications; the customer sees it verified.
// The demo account keeps its name and VAT id (written as before), so the other browser tests find it as they expect.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { signInToHome, signInWithPassword, withPage } from '../support/browser.ts';

const e2e = browserTestFile();
const { portalUrl, portal } = e2e;

async function signedIn(page: Page, pool: 'customer' | 'staff'): Promise<void> {
  if (pool === 'customer') {
    await signInToHome(page, portal, DEMO_LOGINS.customer);
  } else {
    await signInWithPassword(page, portal, '/admin', DEMO_LOGINS.staff);
    await page.getByRole('navigation', { name: 'Staff sections' }).waitFor();
  }
}

describe('company verification in Chromium', () => {
  it('a company profile blocks payment until staff approve it, then the customer sees it verified', async () => {
    await withPage(e2e.browser, async (page) => {
      await signedIn(page, 'customer');
      await page.goto(`${portalUrl}/account/profile`);
      await page.getByRole('heading', { name: 'Account details' }).waitFor();
      expect(await page.getByTestId('account-country').textContent()).toBe('PL');
      await page.getByLabel('A company').check();
      await page.getByLabel('Company name').fill('Nordwind Systems Sp. z o.o.');
      // Another member state's VAT id is refused: the prefix must be the account's country.
      await page.getByLabel('VAT id').fill('DE123456789');
      await page.locator('#registeredAddress-line1').fill('ul. Długa 5');
      await page.locator('#registeredAddress-postalCode').fill('80-831');
      await page.locator('#registeredAddress-city').fill('Gdańsk');
      await page.getByRole('button', { name: 'Save account details' }).click();
      await page.locator('#vatId-error').waitFor();
      expect(await page.locator('main').textContent()).toContain('The VAT id must be of your account’s country');
      await page.getByLabel('VAT id').fill('PL 521-345-67-89');
      await page.getByRole('button', { name: 'Save account details' }).click();
      await page.getByTestId('verification-state').waitFor();
      expect(await page.getByTestId('verification-state').textContent()).toBe('Awaiting verification');
      expect(await page.getByTestId('payment-blocked').textContent()).toBe(
        'Checkout and paying invoices are blocked until we verify your company data.',
      );
    });

    await withPage(e2e.browser, async (page) => {
      await signedIn(page, 'staff');
      await page.goto(`${portalUrl}/admin/verifications`);
      await page.getByRole('link', { name: 'Nordwind Systems Sp. z o.o.' }).click();
      await page.getByTestId('verification-compare').waitFor();
      expect(await page.getByTestId('verification-compare').textContent()).toContain('PL5213456789');
      await page.getByLabel('Reason (the customer reads it)').fill('Checked in VIES.');
      await page.getByRole('button', { name: 'Approve' }).click();
      await expect.poll(() => page.getByTestId('verification-detail-status').textContent()).toBe('Approved');
    });

    await withPage(e2e.browser, async (page) => {
      await signedIn(page, 'customer');
      await page.goto(`${portalUrl}/account/profile`);
      await page.getByTestId('verification-state').waitFor();
      expect(await page.getByTestId('verification-state').textContent()).toBe('Verified');
      expect(await page.getByTestId('payment-blocked').count()).toBe(0);
    });
  });
});
