// Every sign-in path of the portal in Chromium, each reading its code or link from the local mailbox: sign-up with a
// contract, e-mail confirmation, password + code with a resent code, e-mail + order number, forgot password for a
// migrated customer, and sign-out with the session kept across a reload until then.

import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_CONTRACTS, DEMO_LOGINS, DEMO_MIGRATED_USER } from '#infra/local/seed.ts';
import { enterMailedCode, mailCount, signInWithPassword, withPage } from '../support/browser.ts';
import { E2E_CODE_COOLDOWN_SECONDS } from '../support/e2e-settings.ts';
import { mailsTo } from '../support/mailbox.ts';

const e2e = browserTestFile();
const { portalUrl, mailUrl, portal } = e2e;
const NEW_PASSWORD = 'Lakeside-Clinic-2026!';

/** The link (confirmation or reset) in the newest mail to this address, once it has arrived. */
async function waitForLink(email: string, after: number): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const mine = await mailsTo(mailUrl, email);
    const link = mine.length > after ? /(https?:\/\/\S+code=\d{6})/.exec(mine.at(-1)?.body.text ?? '')?.[1] : undefined;
    if (link) return link;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No link reached ${email}`);
}

describe('accounts and sign-in in Chromium', () => {
  it('signs up with a contract number and activation code, confirms the e-mail by its link, signs in and sees the contract', async () => {
    await withPage(e2e.browser, async (page) => {
      const email = `dana.${Date.now()}@example.test`;
      const contract = DEMO_CONTRACTS[0];
      await page.goto(`${portalUrl}/sign-in`);
      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.getByLabel('Name or company').fill('Dana Consulting');
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password', { exact: true }).fill('Dana-Consulting-1!');
      await page.getByLabel('Repeat the password').fill('Dana-Consulting-1!');
      await page.getByLabel('I have a support contract number and an activation code').check();
      await page.getByLabel('Contract number', { exact: true }).fill(contract.contractNumber);
      await page.getByLabel('Activation code', { exact: true }).fill(contract.activationCode.toLowerCase());
      const before = await mailCount(mailUrl, email);
      await page.getByRole('button', { name: 'Create the account' }).click();
      await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
      // The link is in the mail: nothing on this page asks for a code "below".
      expect(await page.locator('main').textContent()).not.toContain('Enter it below');
      expect(await page.locator('main').textContent()).toContain('check your spam folder');

      await page.goto(await waitForLink(email, before));
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Your e-mail address is confirmed');
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await signInWithPassword(page, portal, '/sign-in', { email, password: 'Dana-Consulting-1!' });
      // Signed in, the customer lands on the home page.
      await page.getByTestId('home-tiles').waitFor();
      expect(new URL(page.url()).pathname).toBe('/home');

      // The claimed contract is on the account: number, product, term and status.
      await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Support & updates' }).click();
      const contracts = page.getByTestId('contracts-table');
      await contracts.waitFor();
      const row = contracts.locator('tbody tr');
      expect(await row.count()).toBe(1);
      const text = (await row.textContent())!.replace(/[\u00a0\u202f]/g, ' ');
      expect(text).toContain(contract.contractNumber);
      expect(text).toContain(contract.product);
      expect(text).toContain('1 Jan 2026 – 31 Dec 2028');
      expect(await row.locator('[data-status]').textContent()).toBe('Active');
    });
  });

  it('refuses the same activation code a second time with a clear message', async () => {
    await withPage(e2e.browser, async (page) => {
      const contract = DEMO_CONTRACTS[1];
      for (const [index, expected] of [
        ['1', 'Check your e-mail'],
        ['2', 'already been used'],
      ] as const) {
        await page.goto(`${portalUrl}/sign-up`);
        await page.getByLabel('Name or company').fill(`Twice ${index}`);
        await page.getByLabel('E-mail').fill(`twice.${index}.${Date.now()}@example.test`);
        await page.getByLabel('Password', { exact: true }).fill('Twice-Twice-22!');
        await page.getByLabel('Repeat the password').fill('Twice-Twice-22!');
        await page.getByLabel('I have a support contract number and an activation code').check();
        await page.getByLabel('Contract number', { exact: true }).fill(contract.contractNumber);
        await page.getByLabel('Activation code', { exact: true }).fill(contract.activationCode);
        await page.getByRole('button', { name: 'Create the account' }).click();
        await expect.poll(() => page.locator('main').textContent()).toContain(expected);
      }
    });
  });

  it('signs in with password and code; a new code can be sent once the countdown ends, and it works', async () => {
    await withPage(e2e.browser, async (page, context) => {
      // The page's clock, moved on by hand: the countdown is not spent for real.
      await context.clock.install();
      const login = DEMO_LOGINS.secondCustomer;
      await page.goto(`${portalUrl}/sign-in`);
      await page.getByLabel('E-mail').fill(login.email);
      await page.getByLabel('Password', { exact: true }).fill(login.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByLabel('Code').waitFor();
      const resend = page.getByRole('button', { name: /^Send a new code/ });
      // The countdown is the start answer's resendAfterSeconds (the browser tests' portal uses a short cooldown).
      expect(await resend.textContent()).toBe(`Send a new code (in ${E2E_CODE_COOLDOWN_SECONDS} s)`);
      expect(await resend.isDisabled()).toBe(true);
      // One way back, said once: not "Send a new code · Use a different e-mail or get a new code".
      expect(await page.getByRole('button', { name: 'Use a different e-mail', exact: true }).count()).toBe(1);
      await page.clock.fastForward(1_000);
      await expect.poll(() => resend.textContent()).toBe(`Send a new code (in ${E2E_CODE_COOLDOWN_SECONDS - 1} s)`);
      await page.clock.fastForward((E2E_CODE_COOLDOWN_SECONDS - 1) * 1_000);
      await expect.poll(() => resend.isDisabled()).toBe(false);
      expect(await resend.textContent()).toBe('Send a new code');
      const before = await mailCount(mailUrl, login.email);
      // The server's cooldown runs on the real clock (2 s in the browser tests' portal): wait it out before asking.
      await new Promise((resolve) => setTimeout(resolve, E2E_CODE_COOLDOWN_SECONDS * 1000 + 200));
      await resend.click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('We sent a new code');
      await enterMailedCode(page, mailUrl, login.email, before);
      await page.getByTestId('home-tiles').waitFor();
      await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Licences' }).click();
      await page.getByTestId('activation-key').waitFor();
      expect(await page.getByTestId('activation-key').textContent()).toContain('HBR7-K2QX');
    });
  });

  it('signs in with e-mail and an order number, then the mailed code', async () => {
    await withPage(e2e.browser, async (page) => {
      const email = DEMO_LOGINS.customer.email;
      await page.goto(`${portalUrl}/sign-in`);
      await page.getByRole('radio', { name: 'With an order number' }).click();
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Order number', { exact: true }).fill('jwt 1017');
      const before = await mailCount(mailUrl, email);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await enterMailedCode(page, mailUrl, email, before);
      await page.getByTestId('home-tiles').waitFor();
      await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Licences' }).click();
      await page.getByTestId('activation-key').waitFor();
      expect(await page.getByTestId('activation-key').textContent()).toContain('NAQR-HVW5');
    });
  });

  it('sends a migrated customer to set a password by the mailed link, then lets them in with it', async () => {
    await withPage(e2e.browser, async (page) => {
      const email = DEMO_MIGRATED_USER.email;
      await page.goto(`${portalUrl}/sign-in`);
      await page.getByLabel('E-mail').fill(email);
      // Only the old portal's password may say that a new one is needed; a wrong one answers as for anyone else.
      await page.getByLabel('Password', { exact: true }).fill(DEMO_MIGRATED_USER.oldPassword);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('set a new one');
      await page.getByRole('link', { name: 'Set a password' }).click();
      await page.getByLabel('E-mail').fill(email);
      const before = await mailCount(mailUrl, email);
      await page.getByRole('button', { name: 'Send the link' }).click();
      await page.getByRole('status').waitFor();

      await page.goto(await waitForLink(email, before));
      await page.getByLabel('New password').fill(NEW_PASSWORD);
      await page.getByLabel('Repeat the password').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Save the new password' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Your password has been changed');
      await signInWithPassword(page, portal, '/sign-in', { email, password: NEW_PASSWORD });
      await page.getByTestId('home-tiles').waitFor();
    });
  });

  it('keeps the session across a reload, and sign-out ends it for good', async () => {
    await withPage(e2e.browser, async (page, context) => {
      await signInWithPassword(page, portal, '/sign-in', DEMO_LOGINS.customer);
      await page.getByTestId('home-tiles').waitFor();
      const cookies = await context.cookies();
      const refresh = cookies.find((cookie) => cookie.name === 'atrium_refresh_customer');
      expect(refresh).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/auth/customer' });
      expect(await page.evaluate(() => document.cookie)).toBe('');

      await page.reload();
      await page.getByTestId('home-tiles').waitFor();
      expect(new URL(page.url()).pathname).toBe('/home');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('You are signed out');
      await expect.poll(async () => (await context.cookies()).some((cookie) => cookie.name === 'atrium_refresh_customer')).toBe(false);
      await page.goto(`${portalUrl}/licences`);
      await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    });
  });

  it('switches between password and order number with real radio inputs: one Tab stop, arrow keys', async () => {
    await withPage(e2e.browser, async (page) => {
      await page.goto(`${portalUrl}/sign-in`);
      const password = page.getByRole('radio', { name: 'With a password' });
      const orderNumber = page.getByRole('radio', { name: 'With an order number' });
      expect(await password.evaluate((input) => input instanceof HTMLInputElement && input.type === 'radio')).toBe(true);
      expect(await password.isChecked()).toBe(true);
      await password.focus();
      await page.keyboard.press('ArrowRight');
      expect(await orderNumber.isChecked()).toBe(true);
      expect(await orderNumber.evaluate((input) => input === document.activeElement)).toBe(true);
      await page.getByLabel('Order number', { exact: true }).waitFor();
      // The group is one Tab stop: the next Tab leaves it for the e-mail field.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('ArrowLeft');
      expect(await password.isChecked()).toBe(true);
    });
  });

  it('says "e-mail or order number" when an order-number sign-in fails', async () => {
    await withPage(e2e.browser, async (page) => {
      await page.goto(`${portalUrl}/sign-in`);
      await page.getByRole('radio', { name: 'With an order number' }).check();
      await page.getByLabel('E-mail').fill(DEMO_LOGINS.customer.email);
      await page.getByLabel('Order number', { exact: true }).fill('JWT9999');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toBe('The e-mail or order number is not right.');
    });
  });

  it('replaces a "code is not right" alert with the new problem instead of showing both', async () => {
    await withPage(e2e.browser, async (page) => {
      const login = DEMO_LOGINS.secondCustomer;
      await page.goto(`${portalUrl}/sign-in`);
      await page.getByLabel('E-mail').fill(login.email);
      await page.getByLabel('Password', { exact: true }).fill(login.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByLabel('Code').waitFor();
      // Wrong but for a one-in-a-million draw of the mailed code.
      await page.getByLabel('Code').fill('000000');
      await page.getByRole('button', { name: 'Verify' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('That code is not right');
      await page.getByLabel('Code').fill('12');
      await page.getByRole('button', { name: 'Verify' }).click();
      await page.getByText('Enter the 6 digits from the e-mail.').waitFor();
      expect(await page.getByText('That code is not right').count()).toBe(0);
    });
  });

  it('shows the focused skip link above the header, not over the logo', async () => {
    await withPage(e2e.browser, async (page) => {
      await page.goto(`${portalUrl}/sign-in`);
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Skip to content' });
      expect(await skip.evaluate((link) => link === document.activeElement)).toBe(true);
      const [link, logo] = [await skip.boundingBox(), await page.getByRole('link', { name: 'Atrium', exact: true }).boundingBox()];
      expect(link).not.toBeNull();
      expect(logo).not.toBeNull();
      const overlaps =
        link!.x < logo!.x + logo!.width &&
        logo!.x < link!.x + link!.width &&
        link!.y < logo!.y + logo!.height &&
        logo!.y < link!.y + link!.height;
      expect(overlaps).toBe(false);
    });
  });
});
