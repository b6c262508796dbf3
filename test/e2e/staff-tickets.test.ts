// The staff queue (issue #13) in Chromium: a support user opens a demo ticket from the queue, writes an internal note
// and a public reply; the thread shows the note set apart; the customer's mailbox gets the reply (number in the
// subject) and never the note; the customer's page of the ticket shows the reply and not the note, and takes a file.

import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { randomUUID } from 'node:crypto';
import { DEMO_LOGINS, DEMO_STAFF } from '#infra/local/seed.ts';
import { signInToHome, signInWithPassword, withPage } from '../support/browser.ts';
import { awaitMailTo, mailsTo } from '../support/mailbox.ts';

const e2e = browserTestFile();
const { portalUrl, mailUrl } = e2e;
/** The page reads the ticket again after each write; under load that takes a while (the polls' own default is 1 s). */
const WAIT = { timeout: 20_000 };
const supportLogin = DEMO_STAFF.find((staff) => staff.groups.includes('support' as never))!;

describe('the staff queue', () => {
  it('staff add an internal note and a public reply: only the reply is mailed and shown to the customer, who attaches a file', async () => {
    const tag = randomUUID().slice(0, 8);
    let ticketNumber = 0;
    let noteText = '';
    let replyText = '';
    await withPage(e2e.browser, async (page) => {
      await signInWithPassword(page, { portalUrl, mailUrl }, '/admin', { email: supportLogin.email, password: supportLogin.password });
      await page.getByTestId('customers-table').waitFor();
      await page.getByRole('navigation', { name: 'Staff sections' }).getByRole('link', { name: 'Tickets' }).click();
      const queue = page.getByTestId('ticket-queue');
      await queue.waitFor();
      const link = queue.getByRole('link', { name: /^#\d+$/ }).first();
      ticketNumber = Number((await link.textContent())?.slice(1));
      await link.click();
      await page.getByRole('heading', { level: 1, name: new RegExp(`#${ticketNumber}`) }).waitFor();

      noteText = `Internal: check the licence server logs ${tag}`;
      replyText = `Please send us the gateway log ${tag}`;
      const write = page.getByTestId('ticket-write');

      await write.getByLabel(/Internal note/).check();
      await write.getByLabel('Text').fill(noteText);
      await write.getByRole('button', { name: 'Send' }).click();
      await expect.poll(() => page.getByTestId('entry-internal').filter({ hasText: noteText }).count(), WAIT).toBe(1);

      await write.getByLabel(/Public reply/).check();
      await write.getByLabel('Text').fill(replyText);
      await write.getByRole('button', { name: 'Send' }).click();
      await expect.poll(() => page.getByTestId('entry-public').filter({ hasText: replyText }).count(), WAIT).toBe(1);
      // The note stays set apart from what the customer reads.
      await expect.poll(() => page.getByTestId('entry-internal').filter({ hasText: replyText }).count(), WAIT).toBe(0);
      await expect.poll(() => page.getByTestId('ticket-status-value').textContent(), WAIT).toBe('Waiting for customer');

      const mail = await awaitMailTo(mailUrl, DEMO_LOGINS.customer.email, new RegExp(`^\\[#${ticketNumber}\\] `));
      expect(mail.body.text).toContain(replyText);
      expect(mail.body.text).toContain(`/tickets/${ticketNumber}`);
      const everything = (await mailsTo(mailUrl, DEMO_LOGINS.customer.email)).map((each) => each.body.text ?? '').join('\n');
      expect(everything).not.toContain(noteText);
    });

    // The customer's page of the ticket: the public reply, never the note; a log file attached, checked and listed.
    await withPage(e2e.browser, async (page) => {
      await signInToHome(page, { portalUrl, mailUrl }, DEMO_LOGINS.customer);
      await page.goto(`${portalUrl}/tickets/${ticketNumber}`);
      await page.getByTestId('ticket-thread').getByText(replyText).waitFor();
      expect(await page.locator('main').textContent()).not.toContain(noteText);
      const attachments = page.getByTestId('ticket-attachments');
      const fileName = `gateway-${tag}.log`;
      await attachments.locator('input[type=file]').setInputFiles({
        name: fileName,
        mimeType: 'text/plain',
        buffer: Buffer.from('12:00:01 session dropped\n12:00:02 session dropped\n'),
      });
      await attachments.getByRole('button', { name: 'Attach the files' }).click();
      await attachments.getByRole('list', { name: 'Attachments' }).getByText(fileName).first().waitFor(WAIT);
    });
  });
});
