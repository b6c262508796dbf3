// A customer moves a licence to another computer and frees it from the licence page; a deep link opened signed out
// comes back after sign-in (only to a page of the portal); an unknown page leads home when signed in.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { enterMailedCode, mailCount, signInWithPassword, withPage } from '../support/browser.ts';

const e2e = browserTestFile();
const { portalUrl, mailUrl, portal } = e2e;

/** The vendor's software activating Ben's Advanced Security licence on a computer, through the licensing API. */
async function activateOn(computerId: string): Promise<void> {
  const response = await fetch(`${portalUrl}/api/licensing/activate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ activationKey: 'HBR7-K2QX', computerId, product: 'Advanced Security' }),
  });
  expect(response.status).toBe(200);
}

const historyRows = (page: Page) => page.getByTestId('licence-history').locator('tbody tr').allTextContents();

describe('a licence’s computer in Chromium', () => {
  it('shows the computer in the list and on the licence, moves the licence, frees it, and the history and allowance follow', async () => {
    await activateOn('BEN-PC-1');
    await withPage(e2e.browser, async (page) => {
      await signInWithPassword(page, portal, '/sign-in', DEMO_LOGINS.secondCustomer);
      await page.getByTestId('home-tiles').waitFor();
      await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Licences' }).click();
      const table = page.getByTestId('licences-table');
      await table.waitFor();
      // The list's "Serial / computer id" column shows both.
      const row = table.locator('tbody tr', { hasText: 'PF3-5510' });
      expect(await row.getByTestId('licence-computer').textContent()).toBe('Computer BEN-PC-1');

      await row.getByRole('link', { name: /^Details/ }).click();
      const computer = page.getByTestId('licence-computer');
      await computer.waitFor();
      expect(await page.getByTestId('computer-id').textContent()).toBe('BEN-PC-1');
      expect(await computer.textContent()).toContain('Activated');
      expect(await page.getByTestId('transfers-left').textContent()).toContain('3 of 3 transfers left in 30 days');
      expect(await historyRows(page)).toHaveLength(1);
      expect((await historyRows(page))[0]).toContain('Activated');
      expect(await page.getByRole('button', { name: /^Download the licence file/ }).count()).toBe(1);

      // Move: a bad id is refused on the page; a good one moves the licence.
      await page.getByRole('button', { name: 'Move to another computer' }).click();
      await page.getByLabel('New computer id').fill('not a computer id!');
      await page.getByRole('button', { name: 'Move the licence' }).click();
      await page.getByText('A computer id has 1 to 128 letters').waitFor();
      await page.getByLabel('New computer id').fill('BEN-PC-2');
      await page.getByRole('button', { name: 'Move the licence' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'now on computer' }).textContent()).toContain('BEN-PC-2');
      expect(await page.getByTestId('computer-id').textContent()).toBe('BEN-PC-2');
      await expect.poll(() => page.getByTestId('transfers-left').textContent()).toContain('2 of 3 transfers left');
      await expect.poll(async () => (await historyRows(page)).length).toBe(2);
      const moved = (await historyRows(page))[0]!;
      expect(moved).toContain('Moved');
      expect(moved).toContain('BEN-PC-1');
      expect(moved).toContain('BEN-PC-2');
      expect(moved).toContain(DEMO_LOGINS.secondCustomer.email);

      // Free: asks first, then frees.
      await page.getByRole('button', { name: 'Free this licence' }).click();
      await page.getByRole('button', { name: 'Yes, free it' }).click();
      await expect.poll(() => page.getByTestId('computer-id').textContent()).toBe('This licence is not activated on any computer.');
      expect(await page.getByRole('status').filter({ hasText: 'The licence is free' }).count()).toBe(1);
      await expect.poll(() => page.getByTestId('transfers-left').textContent()).toContain('1 of 3 transfers left');
      await expect.poll(async () => (await historyRows(page)).length).toBe(3);
      expect((await historyRows(page))[0]).toContain('Freed');
      // Nothing to move or free any more.
      expect(await page.getByRole('button', { name: 'Free this licence' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Move to another computer' }).count()).toBe(0);

      await page.getByRole('link', { name: 'All licences' }).click();
      await expect.poll(() => row.getByTestId('licence-computer').textContent()).toBe('Not activated');
    });
  });
});

describe('deep links and unknown pages', () => {
  it('returns to the order asked for after signing in', async () => {
    await withPage(e2e.browser, async (page) => {
      // An order id of the demo customer, read from their orders list.
      await signInWithPassword(page, portal, '/sign-in', DEMO_LOGINS.customer);
      await page.getByTestId('home-tiles').waitFor();
      await page.goto(`${portalUrl}/orders`);
      const link = page.getByRole('link', { name: 'Details JWT1018' });
      const orderPath = (await link.getAttribute('href'))!;
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();

      await page.goto(`${portalUrl}${orderPath}?from=mail`);
      await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
      expect(new URL(page.url()).searchParams.get('next')).toBe(`${orderPath}?from=mail`);
      const before = await mailCount(mailUrl, DEMO_LOGINS.customer.email);
      await page.getByLabel('E-mail').fill(DEMO_LOGINS.customer.email);
      await page.getByLabel('Password', { exact: true }).fill(DEMO_LOGINS.customer.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await enterMailedCode(page, mailUrl, DEMO_LOGINS.customer.email, before);
      await page.getByRole('heading', { name: 'Order JWT1018' }).waitFor();
      expect(`${new URL(page.url()).pathname}${new URL(page.url()).search}`).toBe(`${orderPath}?from=mail`);
    });
  });

  // More shapes (backslashes, control characters, other schemes) are covered in test/unit/web-router.test.ts.
  it.each(['//evil.example', 'https://evil.example'])('stays on the portal when `next` is %j', async (next) => {
    const login = DEMO_LOGINS.secondCustomer;
    await withPage(e2e.browser, async (page) => {
      await page.goto(`${portalUrl}/sign-in?next=${encodeURIComponent(next)}`);
      const before = await mailCount(mailUrl, login.email);
      await page.getByLabel('E-mail').fill(login.email);
      await page.getByLabel('Password', { exact: true }).fill(login.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await enterMailedCode(page, mailUrl, login.email, before);
      await page.getByTestId('home-tiles').waitFor();
      expect(page.url()).toBe(`${portalUrl}/home`);
    });
  });

  it('offers the way home on an unknown page when signed in, and sign-in when not', async () => {
    await withPage(e2e.browser, async (page) => {
      await page.goto(`${portalUrl}/no-such-page`);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      expect(await page.getByRole('link', { name: 'Go to the sign-in page' }).count()).toBe(1);

      await signInWithPassword(page, portal, '/sign-in', DEMO_LOGINS.customer);
      await page.getByTestId('home-tiles').waitFor();
      await page.goto(`${portalUrl}/no-such-page`);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      expect(await page.getByRole('link', { name: 'Go to the sign-in page' }).count()).toBe(0);
      await page.getByRole('link', { name: 'Go to your licences' }).click();
      await page.getByTestId('licences-table').waitFor();
    });
  });
});
