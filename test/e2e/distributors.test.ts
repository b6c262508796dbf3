// Distributors in Chromium (issue #15, seeds 000 and 003): the partner signs in through the sign-in page's Partners
// entry, lands on its clients and opens a client's licence; the client's licence pages name the distributor to ask.

import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { enterMailedCode, mailCount, signInToHome, withPage } from '../support/browser.ts';

const e2e = browserTestFile();
const { portalUrl, mailUrl } = e2e;

describe('distributors in Chromium', () => {
  it('the partner signs in through the Partners entry, lands on its clients and sees a client’s licence', async () => {
    await withPage(e2e.browser, async (page) => {
      await page.goto(`${portalUrl}/sign-in`);
      await page.getByRole('link', { name: 'Partners / Resellers' }).click();
      await page.getByTestId('partner-hint').waitFor();
      expect(await page.getByTestId('partner-hint').textContent()).toBe('Partner sign-in: after signing in you see your clients.');
      const before = await mailCount(mailUrl, DEMO_LOGINS.partner.email);
      await page.getByLabel('E-mail').fill(DEMO_LOGINS.partner.email);
      await page.getByLabel('Password', { exact: true }).fill(DEMO_LOGINS.partner.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await enterMailedCode(page, mailUrl, DEMO_LOGINS.partner.email, before);

      // Lands on its clients: Orchard with its three licences; the navigation has the distributor's link.
      const clients = page.getByTestId('clients-table');
      await clients.waitFor();
      expect(new URL(page.url()).pathname).toBe('/distributor/clients');
      const orchard = clients.locator('tbody tr', { hasText: 'Orchard Dental Clinic' });
      expect(await orchard.locator('td').nth(2).textContent()).toBe('3');
      expect(await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Clients' }).count()).toBe(1);

      await orchard.getByRole('link', { name: /^View licences/ }).click();
      const licences = page.getByTestId('client-licences-table');
      await licences.waitFor();
      const row = licences.locator('tbody tr', { hasText: 'P72-8815' });
      expect(await row.locator('td').first().textContent()).toBe('Orchard Dental Clinic');
      expect(await page.getByLabel('Client', { exact: true }).inputValue()).toBe('demo-orchard');

      await row.getByRole('link', { name: /^Details/ }).click();
      const facts = page.getByTestId('licence-facts');
      await facts.waitFor();
      expect(await facts.textContent()).toContain('P72-8815');
      expect(await page.locator('main .eyebrow').textContent()).toBe('Orchard Dental Clinic');
    });
  });

  it('the client’s licences page says its distributor orders upgrades and renewals, with the distributor’s e-mail', async () => {
    await withPage(e2e.browser, async (page) => {
      await signInToHome(page, { portalUrl, mailUrl }, DEMO_LOGINS.partnerClient);
      await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Licences' }).click();
      const notice = page.getByTestId('distributor-notice');
      await notice.waitFor();
      expect(await notice.textContent()).toContain('Your distributor Baltic Software Partners Sp. z o.o. orders upgrades and renewals');
      expect(await notice.getByRole('link').getAttribute('href')).toBe(`mailto:${DEMO_LOGINS.partner.email}`);
      // No distributor pages for a client.
      expect(await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Clients' }).count()).toBe(0);
    });
  });
});
