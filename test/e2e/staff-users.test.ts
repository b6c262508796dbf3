// Issue #11, staff users, in Chromium: an admin invites a staff user from the Staff users page; the invitee opens the
// mailed link, chooses a first password, signs in with the e-mailed code and sees their own sign-in; the admin's
// page then shows them active.

import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { signInWithPassword, withPage } from '../support/browser.ts';
import { awaitMailTo } from '../support/mailbox.ts';

const e2e = browserTestFile();
const { portalUrl, mailUrl, portal } = e2e;

describe('staff users in Chromium', () => {
  it('an admin invites a staff user, who sets a first password from the mailed link and signs in with the e-mailed code', async () => {
    const email = `invited.staff.${Date.now()}@example.test`;
    const password = 'First-Staff-Pass-7!';

    // The admin: Staff users in the navigation, the invitation in Polish for a support user.
    await withPage(e2e.browser, async (page) => {
      await signInWithPassword(page, portal, '/admin', DEMO_LOGINS.staff);
      await page.getByTestId('customers-table').waitFor();
      await page.getByRole('navigation', { name: 'Staff sections' }).getByRole('link', { name: 'Staff users' }).click();
      await page.getByRole('heading', { name: 'Staff users', level: 1 }).waitFor();
      await page.getByLabel('E-mail address').fill(email);
      await page.getByRole('checkbox', { name: /^Support/ }).check();
      await page.getByLabel('Language of the invitation').selectOption('pl');
      await page.getByRole('button', { name: 'Send the invitation' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain(`We sent the invitation to ${email}`);
      const row = page.locator(`tr[data-email="${email}"]`);
      await expect.poll(() => row.getByTestId('staff-status').textContent()).toBe('Invited');
    });

    // The invitee: the link from the Polish invitation, a first password, then password + e-mailed code.
    const invitation = await awaitMailTo(mailUrl, email, /Zaproszenie do panelu obsługi Atrium/);
    const link = /https?:\/\/\S+\/admin\/reset-password\?\S+/.exec(invitation.body.text ?? '')?.[0];
    expect(link).toBeDefined();
    await withPage(e2e.browser, async (page) => {
      await page.goto(link!);
      await page.getByLabel('New password').fill(password);
      await page.getByLabel('Repeat the password').fill(password);
      await page.getByRole('button', { name: 'Save the new password' }).click();
      await page.getByText('Your password has been changed. Sign in with the new one.').waitFor();
      expect(new URL(page.url()).pathname).toBe('/admin/sign-in');

      await signInWithPassword(page, portal, '/admin', { email, password });
      await page.getByTestId('customers-table').waitFor();
      const nav = page.getByRole('navigation', { name: 'Staff sections' });
      // A support user has no Staff users page, but their own sign-ins.
      expect(await nav.getByRole('link', { name: 'Staff users' }).count()).toBe(0);
      await nav.getByRole('link', { name: 'My sign-ins' }).click();
      const signIns = page.getByTestId('sign-ins-table');
      await signIns.waitFor();
      await expect.poll(() => signIns.locator('tbody tr').count()).toBe(1);
      expect(await signIns.textContent()).toContain('Password and e-mailed code');
    });

    // The admin sees them active now.
    await withPage(e2e.browser, async (page) => {
      await signInWithPassword(page, portal, '/admin', DEMO_LOGINS.staff);
      await page.getByTestId('customers-table').waitFor();
      await page.goto(`${portalUrl}/admin/staff`);
      const row = page.locator(`tr[data-email="${email}"]`);
      await expect.poll(() => row.getByTestId('staff-status').textContent()).toBe('Active');
      expect(await row.textContent()).toContain('Support');
    });
  });
});
