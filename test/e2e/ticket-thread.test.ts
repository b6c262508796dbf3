// The customer's tickets in Chromium: the list hides closed tickets until "Show closed" is ticked; a ticket's page shows
// the public conversation (never the internal note), takes a reply, closes, reopens, and is rated once closed; the
// home page lists the recent tickets and the activities.

import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_TICKET_SUBJECTS } from '#infra/local/seed-tickets.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { signInToHome, withPage } from '../support/browser.ts';

const e2e = browserTestFile();
const { portalUrl, portal } = e2e;

describe('the customer’s tickets', () => {
  it('lists open tickets, shows closed ones on request, and replies, closes, reopens and rates on a ticket’s page', async () => {
    await withPage(e2e.browser, async (page) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await signInToHome(page, portal, DEMO_LOGINS.customer);
      // The home page: the recent tickets and the activities feed (the staff reply was the last thing on the first).
      await page
        .getByTestId('home-recent-tickets')
        .getByRole('link', { name: new RegExp(DEMO_TICKET_SUBJECTS.waiting) })
        .waitFor();
      expect(await page.getByTestId('home-activities').textContent()).toContain('Support replied');

      await page.goto(`${portalUrl}/tickets`);
      const table = page.getByTestId('tickets-table');
      await table.waitFor();
      expect(await table.textContent()).toContain(DEMO_TICKET_SUBJECTS.waiting);
      expect(await table.textContent()).not.toContain(DEMO_TICKET_SUBJECTS.closed);

      await page.getByLabel('Show closed').check();
      await table.getByRole('link', { name: DEMO_TICKET_SUBJECTS.closed }).waitFor();
      expect(new URL(page.url()).searchParams.get('showClosed')).toBe('true');

      await table.getByRole('link', { name: DEMO_TICKET_SUBJECTS.waiting }).click();
      await page.getByRole('heading', { level: 1, name: DEMO_TICKET_SUBJECTS.waiting }).waitFor();
      const thread = page.getByTestId('ticket-thread');
      expect(await thread.textContent()).toContain('new address');
      expect(await page.locator('main').textContent()).not.toContain('Internal:');
      expect(await page.getByTestId('ticket-status').first().textContent()).toBe('Waiting for you');

      await page.getByLabel('Your reply').fill('From 1 March: ul. Długa 5, Gdańsk.');
      await page.getByRole('button', { name: 'Send reply' }).click();
      await thread.getByText('From 1 March: ul. Długa 5, Gdańsk.').waitFor();
      expect(await page.getByTestId('ticket-status').first().textContent()).toBe('Waiting for support');

      await page.getByRole('button', { name: 'Close the ticket' }).click();
      await page.getByTestId('ticket-closed').waitFor();
      expect(await page.getByTestId('ticket-status').first().textContent()).toBe('Closed');
      expect(await page.getByLabel('Your reply').count()).toBe(0);

      await page.getByRole('button', { name: 'Reopen' }).click();
      await page.getByLabel('Your reply').waitFor();
      expect(await page.getByTestId('ticket-status').first().textContent()).toBe('Open');

      await page.getByRole('button', { name: 'Close the ticket' }).click();
      const rating = page.getByTestId('ticket-rating');
      await rating.waitFor();
      await rating.getByLabel('4 stars').check({ force: true });
      await page.getByLabel('Comment (optional)').fill('Quick and friendly.');
      await page.getByRole('button', { name: 'Save rating' }).click();
      await rating.getByText('You rated it 4 of 5.').waitFor();
      expect(await rating.textContent()).toContain('Thank you for your rating.');
    });
  });
});
