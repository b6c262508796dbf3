// Issue #15 in Chromium, cancelling a service under the demo stage's terms (cancel now with a prorated refund): the
// customer sees what will happen, confirms, and finds the refund on the balance and the correction invoice beside the
// invoice it corrects; a distributor cancels a client's service it paid for from the client's service page, and the
// refund reaches the distributor's balance.

import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { assignClient, markDistributor } from '#shared/accounts/distributors.ts';
import * as distributorsApi from '#shared/api/distributors.ts';
import { newId } from '#shared/ids.ts';
import { createCustomer } from '../support/api.ts';
import { auditTrailForTests } from '../support/audit.ts';
import { issueTestInvoice, POLISH_BUYER } from '../support/invoices.ts';
import { signInToHome, withPage } from '../support/browser.ts';
import { putTestSubscription } from '../support/subscriptions.ts';

const e2e = browserTestFile();
const { portal } = e2e;

describe('cancelling a service', () => {
  it('cancel with a refund and see the balance and the correction invoice', async () => {
    // Prepare: a monthly hosting plan (49.00 PLN net) paid until 20 days from now by its VAT invoice.
    const customer = await createCustomer([]);
    const subscription = await putTestSubscription(customer.account.accountId, { withInvoice: true });

    await withPage(e2e.browser, async (page) => {
      await signInToHome(page, portal, customer.login);
      await page.goto(`${portal.portalUrl}/services/${subscription.subscriptionId}/cancel`);
      const panel = page.getByTestId('cancel-panel');
      await panel.getByRole('button', { name: 'Cancel…' }).click();

      // What will happen: it ends now and an amount goes back to the balance, correcting the period's invoice.
      const what = panel.getByTestId('cancel-what');
      await what.waitFor();
      const told = (await what.textContent()) ?? '';
      expect(told).toContain(`with a correction invoice to ${subscription.lastInvoice!.number}`);
      const amount = /It ends now\. (.+) goes back to your balance/.exec(told)?.[1];
      expect(amount).toMatch(/PLN|zł/);

      await panel.getByLabel('Why are you cancelling? (optional)').fill('Moving to our own servers.');
      await panel.getByRole('button', { name: 'Cancel the service' }).click();
      const result = panel.getByTestId('cancel-result');
      await result.waitFor({ timeout: 15_000 });
      expect(await result.textContent()).toContain(`${amount} went back to your balance`);
      const correction = /Correction invoice (FK\/\d{4}\/\d{6})/.exec((await result.textContent()) ?? '')?.[1];
      expect(correction).toBeDefined();

      // The balance: the refund is there, with the correction invoice named in the ledger.
      await result.getByRole('link', { name: 'See your balance' }).click();
      await expect.poll(() => page.getByTestId('balance-amount').textContent(), { timeout: 15_000 }).toContain(amount!);
      const ledger = page.getByTestId('ledger-table').locator('tbody tr');
      await expect.poll(() => ledger.count(), { timeout: 15_000 }).toBe(1);
      expect(await ledger.first().textContent()).toContain(correction!);
      // Its note in the page's language (the invoice, a Polish buyer's, says it in Polish; the ledger keeps the facts).
      expect(await ledger.first().textContent()).toMatch(
        /Managed Hosting Business, cancellation: \d+ of \d+ days unused - Moving to our own servers\./,
      );

      // The invoices: the correction, and the invoice it corrects marked so.
      await page.goto(`${portal.portalUrl}/invoices`);
      const rows = page.getByTestId('invoices-table').locator('tbody tr');
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
      const texts = await rows.allTextContents();
      expect(texts.find((text) => text.includes(correction!))).toContain(subscription.lastInvoice!.number);
      expect(texts.find((text) => text.startsWith(subscription.lastInvoice!.number))).toContain('Corrected');
    });
  });

  it('a distributor cancels a client’s service it paid for, and the refund reaches the distributor’s balance', async () => {
    // Prepare: a distributor and its client; the client's hosting plan was invoiced to the distributor, which paid it.
    const [distributor, client] = await Promise.all([createCustomer([]), createCustomer([])]);
    const distributorId = distributor.account.accountId;
    const clientId = client.account.accountId;
    await markDistributor({
      accountId: distributorId,
      distributor: true,
      commit: auditTrailForTests(distributorsApi.markDistributor.audit).commit,
    });
    const trail = auditTrailForTests(distributorsApi.assignClient.audit);
    await assignClient({ distributorId, clientId, commit: trail.commit, replayed: () => trail.replayed() });
    const service = await putTestSubscription(clientId);
    const invoice = await issueTestInvoice(distributorId, {
      at: new Date(service.startedAt),
      paidAt: new Date(service.startedAt),
      buyer: POLISH_BUYER,
      currency: 'PLN',
      lines: [{ description: 'Managed Hosting Business', quantity: 1, unitNetMinor: 4_900 }],
    });
    const subscription = await putTestSubscription(clientId, {
      ...service,
      lastInvoice: {
        accountId: distributorId,
        invoiceId: invoice.invoiceId,
        number: invoice.number,
        orderId: newId(new Date()),
        grossMinor: invoice.totals.grossMinor,
        coversFrom: service.startedAt,
      },
    });

    await withPage(e2e.browser, async (page) => {
      await signInToHome(page, portal, distributor.login);
      await page.goto(`${portal.portalUrl}/services/${subscription.subscriptionId}?clientId=${clientId}`);
      const panel = page.getByTestId('cancel-panel');
      await panel.getByRole('button', { name: 'Cancel…' }).click();
      const what = panel.getByTestId('cancel-what');
      await what.waitFor();
      const told = (await what.textContent()) ?? '';
      expect(told).toContain(`with a correction invoice to ${invoice.number}`);
      const amount = /It ends now\. (.+) goes back to your balance/.exec(told)?.[1];
      expect(amount).toMatch(/PLN|zł/);

      await panel.getByRole('button', { name: 'Cancel the service' }).click();
      const result = panel.getByTestId('cancel-result');
      await result.waitFor({ timeout: 15_000 });
      expect(await result.textContent()).toContain(`${amount} went back to your balance`);
      await result.getByRole('link', { name: 'See your balance' }).click();
      await expect.poll(() => page.getByTestId('balance-amount').textContent(), { timeout: 15_000 }).toContain(amount!);
    });
  });
});
