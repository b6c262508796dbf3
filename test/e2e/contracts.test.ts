// Issue #11, contracts, in Chromium: staff create a support contract and see its activation code once (copy it,
// dismiss it: it is gone, and the contract's page never shows it); a customer signs up with the number and that code
// and sees the contract; staff find it by its number, claimed. Then a code regenerated on the contract's page replaces
// the old one, which a sign-up no longer accepts.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { signInWithPassword, withPage } from '../support/browser.ts';

const e2e = browserTestFile();
const { portalUrl, portal } = e2e;

/** Staff sign-in, finished: the staff navigation is there (a navigation started earlier would cut the sign-in off). */
async function signInAsStaff(page: Page): Promise<void> {
  await signInWithPassword(page, portal, '/admin', DEMO_LOGINS.staff);
  await page.getByRole('navigation', { name: 'Staff sections' }).waitFor();
}

/** Staff: a new unassigned contract through the form; answers the code the page shows. */
async function createContract(page: Page, contractNumber: string, product: string): Promise<string> {
  await page.goto(`${portalUrl}/admin/contracts`);
  await page.getByRole('link', { name: 'New contract' }).click();
  await page.getByLabel('Contract number').fill(contractNumber.toLowerCase());
  await page.getByLabel('Product or service').fill(product);
  await page.getByLabel('SLA level', { exact: true }).selectOption('critical');
  await page.getByLabel('First day').fill('2026-01-01');
  await page.getByLabel('Last day').fill('2025-12-31');
  await page.getByRole('button', { name: 'Create the contract' }).click();
  // The page checks the term before anything is sent.
  await expect.poll(() => page.locator('#endsOn-error').textContent()).toBe('The last day cannot be before the first day.');
  await page.getByLabel('Last day').fill('2028-12-31');
  await page.getByRole('button', { name: 'Create the contract' }).click();
  await page.getByTestId('created-contract-heading').waitFor();
  expect(await page.getByTestId('created-contract-heading').textContent()).toBe(`Contract ${contractNumber} created`);
  const panel = page.getByTestId('one-time-code');
  expect(await panel.getByRole('alert').textContent()).toContain('This is the only time the code is shown');
  return (await page.getByTestId('activation-code').textContent())!;
}

async function signUpWithContract(page: Page, contractNumber: string, code: string, email: string): Promise<void> {
  await page.goto(`${portalUrl}/sign-up`);
  await page.getByLabel('Name or company').fill('Evergreen Clinics');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('Evergreen-Clinics-1!');
  await page.getByLabel('Repeat the password').fill('Evergreen-Clinics-1!');
  await page.getByLabel('I have a support contract number and an activation code').check();
  await page.getByLabel('Contract number', { exact: true }).fill(contractNumber);
  await page.getByLabel('Activation code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Create the account' }).click();
}

describe('support contracts in Chromium', () => {
  it('staff create a contract and see its code once; a customer signs up with it; staff find it claimed', async () => {
    const contractNumber = `CTR-E2E-${Date.now()}`;
    let code = '';
    await withPage(
      e2e.browser,
      async (page) => {
        await signInAsStaff(page);
        await page.getByRole('navigation', { name: 'Staff sections' }).getByRole('link', { name: 'Contracts' }).click();
        await page.getByRole('heading', { name: 'Support contracts' }).waitFor();
        code = await createContract(page, contractNumber, 'Evergreen Premium Support');
        expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);

        // Copy puts the code on the clipboard.
        await page.getByRole('button', { name: 'Copy the code' }).click();
        await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(code);

        // Dismissed, it is gone from the page, and the contract's own page never shows it.
        await page.getByRole('button', { name: 'I have saved the code' }).click();
        await page.getByTestId('code-dismissed').waitFor();
        expect(await page.locator('main').textContent()).not.toContain(code);
        await page.getByRole('link', { name: 'Open the contract' }).click();
        await page.getByTestId('staff-contract-facts').waitFor();
        const facts = (await page.getByTestId('staff-contract-facts').textContent())!;
        expect(facts).toContain('Critical (first response within 1 hour, around the clock)');
        expect(facts).toContain('Unclaimed');
        expect(await page.locator('main').textContent()).not.toContain(code);
      },
      { permissions: ['clipboard-read', 'clipboard-write'] },
    );

    // The customer signs up with the number and the code, confirms, and has the contract.
    await withPage(e2e.browser, async (page) => {
      await signUpWithContract(page, contractNumber, code, `evergreen.${Date.now()}@example.test`);
      await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
    });

    // Staff find it by the start of its number: claimed by the new account.
    await withPage(e2e.browser, async (page) => {
      await signInAsStaff(page);
      await page.goto(`${portalUrl}/admin/contracts`);
      await page.getByLabel('Contract number').fill(contractNumber.slice(0, -3).toLowerCase());
      await page.getByRole('button', { name: 'Search' }).click();
      const row = page.getByTestId('staff-contracts-table').locator('tbody tr', { hasText: contractNumber });
      await row.waitFor();
      expect(await row.textContent()).toContain('Claimed');
      await row.getByRole('link', { name: /Details/ }).click();
      await page.getByTestId('contract-account').waitFor();
      expect(await page.getByTestId('contract-account').textContent()).toBe('Evergreen Clinics');
      expect(await page.locator('main').textContent()).toContain('no use for an activation code');
    });
  });

  it('regenerates a lost code: the new one is shown once and the old one no longer signs up', async () => {
    const contractNumber = `CTR-E2E-R${Date.now()}`;
    let oldCode = '';
    let newCode = '';
    await withPage(e2e.browser, async (page) => {
      await signInAsStaff(page);
      oldCode = await createContract(page, contractNumber, 'Evergreen Basic Support');
      await page.getByRole('link', { name: 'Open the contract' }).click();
      await page.getByRole('button', { name: 'Generate a new code' }).click();
      await page.getByRole('button', { name: 'Yes, generate a new code' }).click();
      await page.getByTestId('one-time-code').waitFor();
      newCode = (await page.getByTestId('activation-code').textContent())!;
      expect(newCode).not.toBe(oldCode);

      // And the SLA level changes from the same page.
      await page.getByLabel('SLA level', { exact: true }).selectOption('standard');
      await page.getByLabel('Reason (optional)').fill('Downgraded at renewal.');
      const saved = page.waitForResponse((response) => response.request().method() === 'PATCH');
      await page.getByRole('button', { name: 'Save the changes' }).click();
      // The reason goes with the change, for the audit trail.
      expect((await saved).request().postDataJSON()).toMatchObject({ sla: 'standard', reason: 'Downgraded at renewal.' });
      await expect.poll(() => page.getByTestId('contract-saved').textContent()).toBe('The changes are saved.');
      expect(await page.getByTestId('contract-sla').textContent()).toContain('Standard');
    });

    await withPage(e2e.browser, async (page) => {
      await signUpWithContract(page, contractNumber, oldCode, `stale.${Date.now()}@example.test`);
      await expect.poll(() => page.locator('main').textContent()).toContain('The contract number or activation code is not right');
      await signUpWithContract(page, contractNumber, newCode, `fresh.${Date.now()}@example.test`);
      await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
    });
  });
});
