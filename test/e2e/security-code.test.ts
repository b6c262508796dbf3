// The security code for phone support in Chromium: the customer sets it with their password; staff open the customer
// page and check codes read on the phone: a wrong one answers no match, the right one (in any case) match.

import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { nextClientAddress, signInToHome, signInWithPassword } from '../support/browser.ts';

const e2e = browserTestFile();
const { portalUrl, portal } = e2e;
const customer = DEMO_LOGINS.secondCustomer;

describe('security code for phone support', () => {
  it('set a security code and have staff verify it', async () => {
    const code = `Harb${Date.now().toString().slice(-6)}`;
    const context = await e2e.browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': nextClientAddress() }, locale: 'en-GB' });
    const page = await context.newPage();
    await signInToHome(page, portal, customer);
    await page.goto(`${portalUrl}/account/security/code`);
    await page.getByTestId('security-code-status').waitFor();
    // A wrong password is refused and nothing is set.
    await page.getByLabel('New security code').fill(code);
    await page.getByLabel('Your password').fill('not my password');
    await page.getByRole('button', { name: 'Save the code' }).click();
    await page.getByRole('alert').filter({ hasText: 'The current password is not right.' }).waitFor();
    await page.getByLabel('New security code').fill(code);
    await page.getByLabel('Your password').fill(customer.password);
    await page.getByRole('button', { name: 'Save the code' }).click();
    await page.getByText('Your new security code is saved.').waitFor();
    expect(await page.getByTestId('security-code-status').textContent()).toMatch(/^A security code is set \(since /);
    expect(await page.content()).not.toContain(code);
    await context.close();

    const staffContext = await e2e.browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': nextClientAddress() }, locale: 'en-GB' });
    const staff = await staffContext.newPage();
    await signInWithPassword(staff, portal, '/admin', DEMO_LOGINS.staff);
    await staff.locator('[data-testid="customers-table"]').waitFor();
    await staff.goto(`${portalUrl}/admin/customers/demo-harbour`);
    const form = staff.getByTestId(`verify-code-${customer.email}`);
    await form.waitFor();
    await form.getByLabel('Security code read by the caller').fill(`${code}X`);
    await form.getByRole('button', { name: 'Verify' }).click();
    await form.getByRole('status').filter({ hasText: 'No match: the code is not right.' }).waitFor();
    await form.getByLabel('Security code read by the caller').fill(code.toLowerCase());
    await form.getByRole('button', { name: 'Verify' }).click();
    await form.getByRole('status').filter({ hasText: 'Match: the code is right.' }).waitFor();
    expect(await form.getByRole('status').textContent()).toBe('Match: the code is right.');
    await staffContext.close();
  });
});
