// Issue #13, opening a technical ticket in Chromium: the demo owner opens the form from an asset's link, previews a
// hostile Markdown description (shown, never run), is told every required product question they skipped, answers
// them, and opens the ticket; the confirmation mail carries its number.

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { assetItem } from '#shared/assets/model.ts';
import { accountContractItem, contractItem, contractNumberItem } from '#shared/contracts/contract.ts';
import { TransactWriteCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { newId } from '#shared/ids.ts';
import { signInToHome, withPage } from '../support/browser.ts';
import { awaitMailTo } from '../support/mailbox.ts';

/** A 1×1 PNG: a real image, so the API's check of the file's first bytes accepts it. */
const PNG_PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const e2e = browserTestFile();
const { portalUrl, mailUrl } = e2e;
const DEMO_ACCOUNT = 'demo-nordwind';

/** An asset of the demo account under a running contract, written as its entities (the assets pages are another area's). */
async function putDemoAsset(): Promise<{ assetId: string; serial: string }> {
  const contractNumber = `CTR-E2E-${randomUUID().slice(0, 8).toUpperCase()}`;
  const now = new Date();
  const at = now.toISOString();
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const contract = {
    contractNumber,
    product: 'Remote Access Support Premium',
    sla: 'priority' as const,
    startsOn: day(-10),
    endsOn: day(300),
  };
  const assetId = newId(now);
  const serial = `SN-${assetId.slice(-6)}`;
  await db().send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: tableName(),
            Item: contractItem({ ...contract, accountId: DEMO_ACCOUNT, claimedAt: at, createdAt: at, createdBy: 'e2e' }),
          },
        },
        { Put: { TableName: tableName(), Item: contractNumberItem(contractNumber) } },
        { Put: { TableName: tableName(), Item: accountContractItem(DEMO_ACCOUNT, { ...contract, claimedAt: at }) } },
        {
          Put: {
            TableName: tableName(),
            Item: assetItem({
              assetId,
              accountId: DEMO_ACCOUNT,
              contractNumber,
              category: 'server',
              name: 'Gateway server',
              vendor: 'Dell',
              serialNumber: serial,
              productId: 'remote-access',
              createdAt: at,
              updatedAt: at,
            }),
          },
        },
      ],
    }),
  );
  return { assetId, serial };
}

describe('opening a ticket in Chromium', () => {
  it('a technical ticket: the product’s required questions are asked, named when skipped, and the ticket opens', async () => {
    const { assetId, serial } = await putDemoAsset();
    await withPage(e2e.browser, async (page) => {
      await signInToHome(page, { portalUrl, mailUrl }, DEMO_LOGINS.customer);
      await page.goto(`${portalUrl}/tickets/new?assetId=${assetId}`);
      await page.getByRole('heading', { name: 'New ticket', level: 1 }).waitFor();
      expect(await page.getByRole('radio', { name: 'Technical' }).isChecked()).toBe(true);
      await expect.poll(() => page.getByTestId('chosen-asset').textContent()).toContain(serial);
      await page.getByRole('group', { name: 'About the problem' }).waitFor();

      const subject = `Sessions drop ${randomUUID().slice(0, 6)}`;
      await page.getByLabel('Subject').fill(subject);
      await page
        .getByLabel('Description')
        .fill(
          'It **fails**. <script>window.hacked = 1</script> <img src=x onerror="window.hacked = 2"> [logs](javascript:alert(1)) [docs](https://example.com/doc)',
        );
      await page.getByRole('button', { name: 'Show preview' }).click();
      const preview = page.getByTestId('description-preview');
      await preview.locator('strong', { hasText: 'fails' }).waitFor();
      expect(await preview.locator('script, img, [onerror]').count()).toBe(0);
      expect(await preview.getByText('<script>window.hacked = 1</script>').count()).toBe(1);
      const link = preview.getByRole('link', { name: 'docs' });
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await preview.getByRole('link', { name: 'logs' }).count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();

      // Every required question skipped is named under its own field.
      await page.getByRole('button', { name: 'Open the ticket' }).click();
      await expect.poll(() => page.locator('.product-fields .field-error').count()).toBe(6);
      expect(await page.getByLabel('Date of occurrence').getAttribute('aria-invalid')).toBe('true');

      await page.getByLabel('Date of occurrence').fill('2026-11-20');
      for (const question of [
        'Is this a new deployment?',
        'Has it ever worked?',
        'Were changes made before it started?',
        'Is it a production system?',
      ]) {
        await page
          .getByRole('group', { name: question })
          .getByRole('radio', { name: question === 'Has it ever worked?' ? 'Yes' : 'No' })
          .check();
      }
      await page.getByLabel('How often does it happen?').selectOption('sometimes');
      await page.getByLabel('Priority').selectOption('high');
      // A screenshot goes with it: uploaded once the ticket exists, checked by the API, then on the ticket's page.
      const screenshot = `error-${randomUUID().slice(0, 6)}.png`;
      await page.locator('input[type=file]').setInputFiles({ name: screenshot, mimeType: 'image/png', buffer: PNG_PIXEL });
      await page.getByRole('button', { name: 'Open the ticket' }).click();

      const opened = page.getByTestId('ticket-opened');
      await opened.waitFor();
      const ticketNumber = /#(\d+)/.exec((await opened.textContent()) ?? '')?.[1];
      expect(ticketNumber).toBeDefined();
      expect(await page.getByRole('alert').count()).toBe(0);
      const mail = await awaitMailTo(mailUrl, DEMO_LOGINS.customer.email, new RegExp(`\\[#${ticketNumber}\\]`));
      expect(mail.subject).toContain(subject);
      await page.goto(`${portalUrl}/tickets/${ticketNumber}`);
      await page.getByTestId('ticket-attachments').getByRole('list', { name: 'Attachments' }).getByText(screenshot).first().waitFor();
    });
  });

  it('an administrative ticket says it is outside the vendor’s support policy, and opens without an asset', async () => {
    await withPage(e2e.browser, async (page) => {
      await signInToHome(page, { portalUrl, mailUrl }, DEMO_LOGINS.customer);
      await page.goto(`${portalUrl}/tickets/new`);
      await page.getByRole('heading', { name: 'New ticket', level: 1 }).waitFor();
      await expect
        .poll(() => page.getByTestId('administrative-notice').textContent())
        .toContain('not covered by the vendor’s support policy');
      // While the subject is typed, the knowledge base suggests its articles (the seeded demo article on printing).
      await page.getByLabel('Subject').fill('printer not printing');
      await page.getByTestId('article-suggestions').getByRole('link', { name: 'Printer not printing in a remote session' }).waitFor();
      await page.getByLabel('Subject').fill('Invoice address');
      await page.getByLabel('What is it about?').selectOption('billing');
      await page.getByLabel('Description').fill('Please change the address on our invoices.');
      await page.getByRole('button', { name: 'Open the ticket' }).click();
      await page.getByTestId('ticket-opened').waitFor();
    });
  });
});
