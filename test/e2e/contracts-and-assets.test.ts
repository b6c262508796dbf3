// Issue #13, contracts and assets, in Chromium: staff create a contract and hand its code over; the customer registers
// it on /contracts with the number and code (a wrong code first is refused in words); staff add an asset under it on
// the staff contract page; the customer sees the asset on the contract's page and on /assets, and keeps a note on it.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { signInToHome, signInWithPassword, withPage } from '../support/browser.ts';

const e2e = browserTestFile();
const { portalUrl, portal } = e2e;

async function signInAsStaff(page: Page): Promise<void> {
  await signInWithPassword(page, portal, '/admin', DEMO_LOGINS.staff);
  await page.getByRole('navigation', { name: 'Staff sections' }).waitFor();
}

/** Staff: a new unassigned contract through the form; answers the one-time code the page shows. */
async function createContract(page: Page, contractNumber: string): Promise<string> {
  await page.goto(`${portalUrl}/admin/contracts/new`);
  await page.getByLabel('Contract number').fill(contractNumber);
  await page.getByLabel('Product or service').fill('Network Care Premium');
  await page.getByRole('button', { name: 'Create the contract' }).click();
  await page.getByTestId('activation-code').waitFor();
  return (await page.getByTestId('activation-code').textContent())!;
}

describe('contracts and assets in Chromium', () => {
  it('registers a contract on /contracts, and shows the asset staff add under it', async () => {
    const contractNumber = `CTR-E2E-${Date.now().toString(36).toUpperCase()}`;
    await withPage(e2e.browser, async (staff) => {
      await signInAsStaff(staff);
      const code = await createContract(staff, contractNumber);

      await withPage(e2e.browser, async (customer) => {
        await signInToHome(customer, portal, DEMO_LOGINS.customer);
        await customer.goto(`${portalUrl}/contracts`);
        const form = customer.getByRole('region', { name: 'Register a contract' });
        await form.getByLabel('Contract number').fill(contractNumber);
        await form.getByLabel('Activation code').fill('AAAA-BBBB-CCCC-DDDD');
        await form.getByRole('button', { name: 'Register contract' }).click();
        await expect.poll(() => customer.locator('#activationCode-error').textContent()).toContain('not right');

        await form.getByLabel('Activation code').fill(code.toLowerCase());
        await form.getByRole('button', { name: 'Register contract' }).click();
        await expect
          .poll(() => customer.getByTestId('contract-registered').textContent())
          .toBe(`Contract ${contractNumber} was added to this account.`);
        const row = customer.getByTestId('my-contracts-table').locator('tr', { hasText: contractNumber });
        await row.waitFor();
        expect(await row.textContent()).toContain('Active');
        expect(await row.getByRole('link', { name: `0 (show the assets of ${contractNumber})` }).count()).toBe(1);

        // Staff add an asset under the claimed contract, with a MAC typed in Cisco's form.
        await staff.goto(`${portalUrl}/admin/contracts/${contractNumber}`);
        await staff.locator('#asset-category').selectOption('network');
        await staff.locator('#asset-name').fill('Branch router');
        await staff.locator('#asset-vendor').fill('MikroTik');
        await staff.locator('#asset-macAddress').fill('aabb.ccdd.ee01');
        await staff.getByRole('button', { name: 'Add asset' }).click();
        await expect.poll(() => staff.getByTestId('asset-done').textContent()).toBe('Branch router was added.');
        expect(await staff.getByTestId('staff-contract-assets').textContent()).toContain('AA:BB:CC:DD:EE:01');

        // The customer sees it on the contract's page, and keeps a note on it.
        await customer.goto(`${portalUrl}/contracts`);
        await customer.getByRole('link', { name: `1 (show the assets of ${contractNumber})` }).click();
        const assets = customer.getByTestId('contract-assets-table');
        await assets.waitFor();
        expect(await assets.textContent()).toContain('Branch router');
        expect(await assets.textContent()).toContain('AA:BB:CC:DD:EE:01');
        await assets.getByRole('button', { name: 'Edit note Branch router' }).click();
        await customer.getByLabel('Your note on Branch router').fill('In the cabinet by reception.');
        await customer.getByRole('button', { name: 'Save note' }).click();
        await expect.poll(() => assets.textContent()).toContain('In the cabinet by reception.');

        // And on the account's assets page, filtered by category.
        await customer.goto(`${portalUrl}/assets`);
        await customer.getByLabel('Category').selectOption('network');
        await expect.poll(() => customer.getByTestId('assets-table').textContent()).toContain('Branch router');
        await customer.getByLabel('Category').selectOption('software');
        await expect.poll(() => customer.getByTestId('assets-table').count()).toBe(0);
      });
    });
  });
});
