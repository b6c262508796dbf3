// Issue #12, the security centre in Chromium: a person saves an IP allow-list that leaves out the address they use
// (after the page's warning and "Save anyway"), is refused at once and after a reload with a clear message; staff clear
// the list on the customer page with a reason, and the person's pages work again.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { signInWithPassword, withPage } from '../support/browser.ts';
import { awaitMailTo } from '../support/mailbox.ts';

const e2e = browserTestFile();
const { portalUrl, mailUrl, portal } = e2e;
const PASSWORD = 'Allow-List-Person-42!';
const REFUSED = 'Your IP address is not on your allow-list. Sign in from an allowed address, or ask our support to clear the list.';

/** A technical contact of Nordwind of their own (the owner invites, they accept with a password), so the demo owner keeps no list. */
async function newPerson(page: Page, email: string): Promise<void> {
  await signInWithPassword(page, portal, '/sign-in', DEMO_LOGINS.customer);
  await page.getByTestId('home-tiles').waitFor();
  await page.goto(`${portalUrl}/account/people`);
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption('technical');
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  const mail = await awaitMailTo(mailUrl, email, /You are invited to/);
  const token = /\/invitation\?token=([A-Za-z0-9_-]+)/.exec(mail.body.text ?? '')?.[1];
  expect(token).toBeDefined();
  await page.goto(`${portalUrl}/invitation?token=${token}`);
  await page.getByLabel('Choose a password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Accept the invitation' }).click();
  await page.getByText('You now act for Nordwind Systems Sp. z o.o.. Sign in now.').waitFor();
}

describe('the security centre in Chromium', () => {
  it('an allow-list that excludes the browser refuses it after the warning, until staff clear the list', async () => {
    const email = `allow.list.${Date.now()}@example.test`;
    await withPage(e2e.browser, async (page) => newPerson(page, email));

    await withPage(e2e.browser, async (page) => {
      await signInWithPassword(page, portal, '/sign-in', { email, password: PASSWORD });
      await page.getByTestId('home-tiles').waitFor();
      await page.goto(`${portalUrl}/account/security`);
      await page.getByRole('heading', { name: 'Security', level: 1 }).waitFor();
      await expect.poll(() => page.getByTestId('current-address').textContent()).toContain('The list allows it.');
      expect(await page.getByRole('link', { name: 'One-time security code for phone support' }).getAttribute('href')).toBe(
        '/account/security/code',
      );
      // The history shows this sign-in.
      await expect.poll(() => page.getByTestId('sign-in-history').locator('tbody tr').count()).toBeGreaterThan(0);

      // A bad line is named, nothing is saved.
      const list = page.getByLabel('Allowed addresses, one per line');
      await list.fill('203.0.113.0/24\nnot-an-address');
      await page.getByRole('button', { name: 'Save the list' }).click();
      await page.getByText('Line 2 (not-an-address) is not an address, a range or a block.').waitFor();

      // A list without this browser's address: first the warning, then "Save anyway".
      await list.fill('203.0.113.0/24');
      await page.getByRole('button', { name: 'Save the list' }).click();
      const warning = page.getByTestId('lockout-warning');
      await warning.waitFor();
      expect(await warning.textContent()).toContain('This list does not include the address you are using now');
      expect(await page.getByText('The list is saved.').count()).toBe(0);
      await page.getByRole('button', { name: 'Save anyway' }).click();
      await page.getByText('The list is saved.').waitFor();
      expect(await page.getByTestId('current-address').textContent()).toContain('The list does not allow it.');

      // The very next call is refused with the clear message, and so is a reload (the session cannot be restored).
      await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Licences' }).click();
      await page.getByText(REFUSED).first().waitFor();
      expect(await page.getByTestId('licences-table').count()).toBe(0);
      await page.goto(`${portalUrl}/licences`);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.getByText(REFUSED).waitFor();
    });

    await withPage(e2e.browser, async (page) => {
      await signInWithPassword(page, portal, '/admin', DEMO_LOGINS.staff);
      await page.getByTestId('customers-table').waitFor();
      await page.goto(`${portalUrl}/admin/customers/demo-nordwind`);
      const row = page.getByTestId('users-table').getByRole('row').filter({ hasText: email });
      await row.getByRole('button', { name: `Clear IP allow-list ${email}` }).click();
      await page.getByTestId('staff-clear-allow-list').getByLabel('Reason').fill('Customer called: locked out after a new office address');
      await page.getByTestId('staff-clear-allow-list').getByRole('button', { name: 'Clear IP allow-list', exact: true }).click();
      await page.getByText(`The IP allow-list of ${email} is cleared.`).waitFor();
    });

    await withPage(e2e.browser, async (page) => {
      await signInWithPassword(page, portal, '/sign-in', { email, password: PASSWORD });
      await page.getByTestId('home-tiles').waitFor();
      await page.goto(`${portalUrl}/account/security`);
      await expect.poll(() => page.getByTestId('current-address').textContent()).toContain('The list allows it.');
      expect(await page.getByLabel('Allowed addresses, one per line').inputValue()).toBe('');
    });
  });

  it('changes the password (a wrong current one is named), then signs out everywhere; each time the sign-in page says why', async () => {
    const email = `new.password.${Date.now()}@example.test`;
    const newPassword = 'Changed-In-Browser-7!';
    await withPage(e2e.browser, async (page) => newPerson(page, email));

    await withPage(e2e.browser, async (page) => {
      await signInWithPassword(page, portal, '/sign-in', { email, password: PASSWORD });
      await page.getByTestId('home-tiles').waitFor();
      await page.goto(`${portalUrl}/account/security`);
      await page.getByLabel('Current password').fill('Not-The-Password-1!');
      await page.getByLabel('New password', { exact: true }).fill(newPassword);
      await page.getByLabel('Repeat the password').fill(newPassword);
      await page.getByRole('button', { name: 'Change the password' }).click();
      await page.getByText('The current password is not right.').waitFor();

      await page.getByLabel('Current password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Change the password' }).click();
      await page.getByText('Your password has been changed. Sign in with the new one.').waitFor();
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      // The old session is gone: a page behind the sign-in cannot restore it.
      await page.goto(`${portalUrl}/licences`);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();

      await signInWithPassword(page, portal, '/sign-in', { email, password: newPassword });
      await page.getByTestId('home-tiles').waitFor();
      await page.goto(`${portalUrl}/account/security`);
      await page.getByRole('button', { name: 'Sign out everywhere' }).click();
      await page.getByText('This signs you out on every device, this one too.').waitFor();
      await page.getByRole('button', { name: 'Sign out everywhere' }).click();
      await page.getByText('You are signed out on every device. Sign in again to continue.').waitFor();
      await page.goto(`${portalUrl}/licences`);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    });
  });
});
