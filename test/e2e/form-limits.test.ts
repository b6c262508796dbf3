// Issue #9 item 16 in Chromium: inputs carry the API schema's limits (maxlength, type=email), and an over-long value
// that gets past them (the attribute removed, as a script or an old browser might) is named under its own field:
// on sign-up by the API's validation details, on the staff order form by the route's schema before anything is sent.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { signInWithPassword, withPage } from '../support/browser.ts';

const e2e = browserTestFile();
const { portalUrl, mailUrl } = e2e;
const LONG = 'x'.repeat(5000);

/** The input's limits as the page set them. */
function attributesOf(page: Page, id: string) {
  return page.locator(`#${id}`).evaluate((input: HTMLInputElement) => ({
    maxLength: input.getAttribute('maxlength'),
    type: input.type,
    required: input.required,
  }));
}

/** Removes maxlength, as a script or a browser without it would, so the long value reaches the checks behind it. */
async function dropMaxLength(page: Page, id: string): Promise<void> {
  await page.locator(`#${id}`).evaluate((input: HTMLInputElement) => input.removeAttribute('maxlength'));
}

/** The message under a field, and whether the field is marked and points at it. */
async function fieldError(page: Page, id: string) {
  const input = page.locator(`#${id}`);
  await page.locator(`#${id}-error`).waitFor();
  return {
    message: await page.locator(`#${id}-error`).textContent(),
    invalid: await input.getAttribute('aria-invalid'),
    describedBy: (await input.getAttribute('aria-describedby'))?.split(' ') ?? [],
  };
}

describe('input limits from the API schemas in Chromium', () => {
  it('sign-up: 5000 characters in the name are refused by the API and the message sits under the name', async () => {
    await withPage(e2e.browser, async (page) => {
      await page.goto(`${portalUrl}/sign-up`);
      await page.getByLabel('Name or company').waitFor();
      expect(await attributesOf(page, 'name')).toEqual({ maxLength: '200', type: 'text', required: true });
      expect(await attributesOf(page, 'email')).toEqual({ maxLength: '254', type: 'email', required: true });
      expect((await attributesOf(page, 'password')).maxLength).toBe('256');

      await dropMaxLength(page, 'name');
      await page.getByLabel('Name or company').fill(LONG);
      await page.getByLabel('E-mail').fill(`long.name.${Date.now()}@example.test`);
      await page.getByLabel('Password', { exact: true }).fill('Long-Name-Pass-1!');
      await page.getByLabel('Repeat the password').fill('Long-Name-Pass-1!');
      const answer = page.waitForResponse((response) => response.url().endsWith('/sign-up') && response.request().method() === 'POST');
      await page.getByRole('button', { name: 'Create the account' }).click();

      expect((await answer).status()).toBe(400);
      expect(await fieldError(page, 'name')).toEqual({
        message: 'Use at most 200 characters.',
        invalid: 'true',
        describedBy: ['name-error'],
      });
      expect(await page.locator('#name').evaluate((input) => input === document.activeElement)).toBe(true);
      // Only the name is marked.
      expect(await page.locator('[aria-invalid="true"]').count()).toBe(1);
    });
  });

  it('sign-up in Polish: the same refusal is worded in Polish', async () => {
    await withPage(
      e2e.browser,
      async (page) => {
        await page.goto(`${portalUrl}/sign-up`);
        await page.locator('#name').waitFor();
        await dropMaxLength(page, 'name');
        await page.locator('#name').fill(LONG);
        await page.locator('#email').fill(`dluga.nazwa.${Date.now()}@example.test`);
        await page.locator('#password').fill('Dluga-Nazwa-Haslo-1!');
        await page.locator('#passwordRepeat').fill('Dluga-Nazwa-Haslo-1!');
        await page.locator('form button[type="submit"]').click();
        expect((await fieldError(page, 'name')).message).toBe('Wpisz najwyżej 200 znaków.');
      },
      { locale: 'pl-PL' },
    );
  });

  it("staff new order: 5000 characters in the contact name are stopped by the route's schema, under the name", async () => {
    await withPage(e2e.browser, async (page) => {
      await signInWithPassword(page, { portalUrl, mailUrl }, '/admin', DEMO_LOGINS.staff);
      await page.getByTestId('customers-table').waitFor();
      await page.goto(`${portalUrl}/admin/orders/new`);
      await page.getByRole('heading', { name: 'New order' }).waitFor();
      expect(await attributesOf(page, 'name')).toEqual({ maxLength: '200', type: 'text', required: true });
      expect(await attributesOf(page, 'city')).toEqual({ maxLength: '100', type: 'text', required: true });
      expect(await attributesOf(page, 'email')).toEqual({ maxLength: '254', type: 'email', required: true });

      const orderPosts: string[] = [];
      page.on('request', (sent) => {
        if (sent.method() === 'POST' && new URL(sent.url()).pathname === '/api/admin/orders') orderPosts.push(sent.url());
      });
      await dropMaxLength(page, 'name');
      await page.getByLabel('Customer e-mail').fill(`long.contact.${Date.now()}@example.test`);
      await page.getByLabel('Contact name').fill(LONG);
      await page.getByLabel('City').fill('Wrocław');
      await page.getByLabel('Country').fill('pl');
      await expect.poll(() => page.getByLabel('Product 1', { exact: true }).locator('option').count()).toBeGreaterThan(1);
      await page.getByLabel('Product 1', { exact: true }).selectOption('RA-DSK-3');
      await page.getByRole('button', { name: 'Create the order' }).click();

      expect(await fieldError(page, 'name')).toEqual({
        message: 'Use at most 200 characters.',
        invalid: 'true',
        describedBy: ['name-error'],
      });
      expect(await page.locator('[aria-invalid="true"]').count()).toBe(1);
      // Checked in the page with the route's schema: nothing went to the API.
      expect(orderPosts).toEqual([]);
    });
  });
});
