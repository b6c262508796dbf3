// Issue #12, the people of an account, in Chromium: an owner invites a billing contact, who accepts with a new password
// and sees the orders but not the licences; a person acting for two accounts switches between them in the header.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { signInToHome, withPage } from '../support/browser.ts';
import { awaitMailTo } from '../support/mailbox.ts';

const e2e = browserTestFile();
const { portalUrl, mailUrl, portal } = e2e;
const PASSWORD = 'Invited-Contact-42!';

/** The owner invites `email` with `role` on the people page; answers the invitation's link path from the mail. */
async function invite(page: Page, owner: { email: string; password: string }, email: string, role: string): Promise<string> {
  await signInToHome(page, portal, owner);
  await page.goto(`${portalUrl}/account/people`);
  await page.getByRole('heading', { name: 'People of this account', level: 1 }).waitFor();
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption(role);
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await page.getByText(`The invitation to ${email} is on its way.`).waitFor();
  await page.getByTestId('pending-invitations').locator(`li[data-email="${email}"]`).waitFor();
  const mail = await awaitMailTo(mailUrl, email, /You are invited to/);
  const token = /\/invitation\?token=([A-Za-z0-9_-]+)/.exec(mail.body.text ?? '')?.[1];
  expect(token).toBeDefined();
  return `/invitation?token=${token}`;
}

/** Opens the invitation's link and accepts it, with a new password when the page asks for one. */
async function accept(page: Page, link: string, account: string, password?: string): Promise<void> {
  await page.goto(`${portalUrl}${link}`);
  await page.getByRole('heading', { name: `Join ${account}` }).waitFor();
  if (password) await page.getByLabel('Choose a password').fill(password);
  else await page.getByText('This address has an account already').waitFor();
  await page.getByRole('button', { name: 'Accept the invitation' }).click();
  await page.getByText(`You now act for ${account}. Sign in now.`).waitFor();
}

describe('people of an account in Chromium', () => {
  it('an owner invites a billing contact, who accepts with a password and sees the orders but not the licences', async () => {
    const email = `billing.${Date.now()}@example.test`;
    let link = '';
    await withPage(e2e.browser, async (page) => {
      link = await invite(page, DEMO_LOGINS.customer, email, 'billing');
    });

    await withPage(e2e.browser, async (page) => {
      await accept(page, link, 'Nordwind Systems Sp. z o.o.', PASSWORD);
      await page.getByRole('link', { name: 'Sign in now' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await signInToHome(page, portal, { email, password: PASSWORD });
      // Licences are not for the billing role: no licence tile at home, and the page says so instead of failing.
      expect(await page.getByTestId('tile-licences').count()).toBe(0);
      await page.goto(`${portalUrl}/licences`);
      await page.getByText('Your role in this account does not allow this. Ask the account’s owner.').first().waitFor();
      expect(await page.getByTestId('licences-table').count()).toBe(0);
      await page.goto(`${portalUrl}/orders`);
      await page.getByRole('link', { name: 'Details JWT1018' }).waitFor();
      // The people page: read-only for them, their own role shown.
      await page.goto(`${portalUrl}/account/people`);
      const row = page.locator(`tr[data-email="${email}"]`);
      await row.waitFor();
      expect(await row.getByTestId('person-role').textContent()).toBe('Billing');
      expect(await page.getByRole('button', { name: 'Send the invitation' }).count()).toBe(0);
    });
  });

  it('a person acting for two accounts switches between them in the header and sees each one’s licences', async () => {
    const email = `consultant.${Date.now()}@example.test`;
    let toNordwind = '';
    let toHarbour = '';
    await withPage(e2e.browser, async (page) => {
      toNordwind = await invite(page, DEMO_LOGINS.customer, email, 'technical');
    });
    await withPage(e2e.browser, async (page) => {
      toHarbour = await invite(page, DEMO_LOGINS.secondCustomer, email, 'read-only');
    });
    await withPage(e2e.browser, async (page) => {
      await accept(page, toNordwind, 'Nordwind Systems Sp. z o.o.', PASSWORD);
      // The address has a user now: the second invitation needs no password.
      await accept(page, toHarbour, 'Harbour Analytics Ltd');
    });

    await withPage(e2e.browser, async (page) => {
      await signInToHome(page, portal, { email, password: PASSWORD });
      await page.goto(`${portalUrl}/licences`);
      const licences = page.getByTestId('licences-table');
      await licences.waitFor();
      const accountSwitch = page.getByLabel('Account', { exact: true });
      await accountSwitch.waitFor();
      await accountSwitch.selectOption({ label: 'Harbour Analytics Ltd (Read-only)' });
      await licences.getByText('PF3-5510').first().waitFor();
      expect(await licences.textContent()).not.toContain('P24-9921');
      await page.getByLabel('Account', { exact: true }).selectOption({ label: 'Nordwind Systems Sp. z o.o. (Technical)' });
      await licences.getByText('P24-9921').first().waitFor();
      expect(await licences.textContent()).not.toContain('PF3-5510');
    });
  });
});
