// The notification settings in Chromium: the owner chooses who receives order mail and saves it; a person joins the
// newsletter with the wording on the page, sees since when, and leaves again.

import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { nextClientAddress, signInToHome } from '../support/browser.ts';

const e2e = browserTestFile();
const { portalUrl, portal } = e2e;

describe('notifications page', () => {
  it('saves the recipients of order mail, and joins and leaves the newsletter with the wording shown', async () => {
    const context = await e2e.browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': nextClientAddress() }, locale: 'en-GB' });
    const page = await context.newPage();
    await signInToHome(page, portal, DEMO_LOGINS.customer);
    await page.goto(`${portalUrl}/account/notifications`);

    const orders = page.getByTestId('category-orders');
    // Other browser tests add people to the demo account meanwhile: find the owner by the role in the label.
    const owner = orders.getByRole('checkbox', { name: /\(owner\)/ });
    await owner.waitFor();
    // The owner receives everything by default: ticked.
    expect(await owner.isChecked()).toBe(true);
    for (const box of await orders.getByRole('checkbox').all()) await box.uncheck();
    await orders.getByRole('alert').filter({ hasText: 'Choose at least one person.' }).waitFor();
    await owner.check();
    await page.getByRole('button', { name: 'Save recipients' }).click();
    await page.getByText('Saved. The next e-mails go to the people chosen.').waitFor();

    const state = page.getByTestId('mailing-state');
    await state.filter({ hasText: 'You do not receive our newsletter.' }).waitFor();
    expect(await page.locator('.consent-wording').textContent()).toContain('send me Atrium');
    await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await state.filter({ hasText: /^You receive our newsletter since / }).waitFor();
    expect(await page.locator('blockquote').textContent()).toContain('I can unsubscribe at any time');
    await page.getByRole('button', { name: 'Unsubscribe', exact: true }).click();
    await state.filter({ hasText: 'You do not receive our newsletter.' }).waitFor();
    await context.close();
  });
});
