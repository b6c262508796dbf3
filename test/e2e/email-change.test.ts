// Issue #12, the change of a person's sign-in e-mail in Chromium: a person of the demo account asks for a new address,
// types the code mailed to it, and from then on signs in with the new address; the old one gets a notice.

import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { signInToHome, withPage } from '../support/browser.ts';
import { awaitMailTo, codeIn } from '../support/mailbox.ts';

const e2e = browserTestFile();
const { portalUrl, mailUrl, portal } = e2e;
const PASSWORD = 'Moving-Person-42!';

describe('change of e-mail in Chromium', () => {
  it('change e-mail with the code: the new address signs in, the old one is told', async () => {
    const stamp = Date.now();
    const oldEmail = `mover.${stamp}@example.test`;
    const newEmail = `moved.${stamp}@example.test`;
    // A person of their own (invited by the demo owner), so the shared demo logins keep their addresses.
    await withPage(e2e.browser, async (page) => {
      await signInToHome(page, portal, DEMO_LOGINS.customer);
      await page.goto(`${portalUrl}/account/people`);
      await page.getByLabel('E-mail', { exact: true }).fill(oldEmail);
      await page.getByLabel('Role', { exact: true }).selectOption('technical');
      await page.getByRole('button', { name: 'Send the invitation' }).click();
      await page.getByText(`The invitation to ${oldEmail} is on its way.`).waitFor();
    });
    const invitation = await awaitMailTo(mailUrl, oldEmail, /You are invited to/);
    const link = /\/invitation\?token=[A-Za-z0-9_-]+/.exec(invitation.body.text ?? '')?.[0];
    expect(link).toBeDefined();

    await withPage(e2e.browser, async (page) => {
      await page.goto(`${portalUrl}${link}`);
      await page.getByLabel('Choose a password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Accept the invitation' }).click();
      await page.getByRole('link', { name: 'Sign in now' }).waitFor();
      await signInToHome(page, portal, { email: oldEmail, password: PASSWORD });

      await page.goto(`${portalUrl}/account/notifications`);
      await page.getByRole('link', { name: 'Change your sign-in e-mail address' }).click();
      await page.getByRole('heading', { name: 'Change e-mail address', level: 1 }).waitFor();
      await expect.poll(() => page.getByTestId('current-email').textContent()).toContain(oldEmail);
      await page.getByLabel('New e-mail address').fill(newEmail);
      await page.getByRole('button', { name: 'Send code' }).click();
      await page.getByText(`We sent a 6-digit code to ${newEmail}.`).waitFor();
      const code = codeIn(await awaitMailTo(mailUrl, newEmail, /code to confirm your new e-mail address/));
      expect(code).toMatch(/^\d{6}$/);
      // A wrong code first: the page says so and the address stays.
      await page.getByLabel('Code from the e-mail').fill(code === '000000' ? '111111' : '000000');
      await page.getByRole('button', { name: 'Change address' }).click();
      await page.getByRole('alert').filter({ hasText: 'not right' }).waitFor();
      await page.getByLabel('Code from the e-mail').fill(code!);
      await page.getByRole('button', { name: 'Change address' }).click();
      await page
        .getByTestId('email-changed')
        .filter({ hasText: `From now on, sign in with ${newEmail}.` })
        .waitFor();
      expect(await page.getByTestId('current-email').textContent()).toContain(newEmail);
    });

    const notice = await awaitMailTo(mailUrl, oldEmail, /e-mail address was changed/);
    expect(notice.body.text).toContain(newEmail);

    await withPage(e2e.browser, async (page) => {
      await page.goto(`${portalUrl}/sign-in`);
      await page.getByLabel('E-mail').fill(oldEmail);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: /not right/ })
        .waitFor();
      await signInToHome(page, portal, { email: newEmail, password: PASSWORD });
    });
  });
});
