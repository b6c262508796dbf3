// Issue #11, the import, in Chromium: an admin chooses a CSV file from the old portal with one bad row; the dry run
// shows that row with its line; the fixed file is checked and imported; an imported user sets a password through the
// mailed "forgot password" link and signs in to the imported account.

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import {
  cellsOutsideWindow,
  horizontalOverflow,
  mailCount,
  seriousAxeViolations,
  signInWithPassword,
  withPage,
} from '../support/browser.ts';
import { mailsTo } from '../support/mailbox.ts';

const e2e = browserTestFile();
const { portalUrl, mailUrl, portal } = e2e;
const NEW_PASSWORD = 'Lakeside-Import-2026!';
const EXAMPLE = readFileSync(new URL('../../docs/import-example.csv', import.meta.url), 'utf8');

/** The documented example with ids, e-mails, serials and contract numbers unique to this run. */
function uniqueExample(tag: string): string {
  return EXAMPLE.replaceAll('OLD-', `OLD${tag}-`)
    .replaceAll('lakeside-tools.example', `lakeside-${tag.toLowerCase()}.example`)
    .replaceAll('lodz-software.example', `lodz-${tag.toLowerCase()}.example`)
    .replaceAll('LT-', `LT${tag}-`)
    .replaceAll('CT-', `CT${tag}-`);
}

async function chooseFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

/** The link in the newest mail to this address after `after` mails, once it has arrived. */
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

describe('importing accounts from the old portal in Chromium', () => {
  it('shows the bad row of a dry run with its line, imports the fixed file, and the imported user signs in after a reset', async () => {
    const tag = randomUUID().slice(0, 8).toUpperCase();
    const good = uniqueExample(tag);
    // Line 11 names an account that is in neither the file nor an earlier import.
    const bad = `${good}user,OLD${tag}-9999,,zoe@lakeside-${tag.toLowerCase()}.example,,contact,,,,,,,,,,,,,\r\n`;
    const email = `dana@lakeside-${tag.toLowerCase()}.example`;

    await withPage(e2e.browser, async (page) => {
      await signInWithPassword(page, portal, '/admin', DEMO_LOGINS.staff);
      await page.getByTestId('customers-table').waitFor();
      await page.getByRole('navigation', { name: 'Staff sections' }).getByRole('link', { name: 'Import' }).click();
      await page.getByRole('heading', { name: 'Import accounts from the old portal', level: 1 }).waitFor();

      await chooseFile(page, 'old-portal.csv', bad);
      await page.getByRole('button', { name: 'Check the file' }).click();
      const errors = page.getByTestId('import-errors');
      await errors.waitFor();
      expect(await errors.locator('tbody tr').count()).toBe(1);
      const errorRow = errors.locator('tbody tr').first();
      expect(await errorRow.locator('td').nth(0).textContent()).toBe('11');
      expect(await errorRow.locator('td').nth(1).textContent()).toBe('account_id');
      expect(await errorRow.textContent()).toContain('No account with this old id');
      expect(await page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
      // The result fits a phone and passes axe (the empty page is in the layout-and-accessibility suite).
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await cellsOutsideWindow(page)).toEqual([]);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 1280, height: 900 });

      await chooseFile(page, 'old-portal.csv', good);
      await page.getByRole('button', { name: 'Check the file' }).click();
      await expect
        .poll(() => page.getByTestId('import-summary').textContent())
        .toContain('Will create 2 accounts, 3 users, 2 contracts and 2 licences.');
      expect(await page.getByTestId('import-errors').count()).toBe(0);
      expect(await page.getByTestId('import-rows').locator('tbody tr').count()).toBe(9);

      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await expect
        .poll(() => page.getByTestId('import-done').textContent())
        .toContain('Imported: 2 accounts, 3 users, 2 contracts and 2 licences.');

      // The same file again: everything is skipped.
      await page.getByRole('button', { name: 'Check the file' }).click();
      await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('the import would create nothing');
    });

    await withPage(e2e.browser, async (page) => {
      await page.goto(`${portalUrl}/forgot-password`);
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
      await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Licences' }).click();
      const table = page.getByTestId('licences-table');
      await table.waitFor();
      await expect.poll(() => table.textContent()).toContain(`LT${tag}-0001`);
      expect(await table.textContent()).toContain(`LT${tag}-0002`);
    });
  });
});
