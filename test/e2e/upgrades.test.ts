// Upgrades in Chromium (issue #15, seed 003): the upgrades page offers a single-seat Desktop licence Mobile Web and
// explains why not 3 seats yet (the seat rule), and puts the chosen upgrade in the cart; a distributor orders an
// upgrade for its client, pays it from its balance at checkout, and the client sees its licence upgraded in place.

import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { distributorClientItem } from '#shared/accounts/distributors.ts';
import { PutCommand, UpdateCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { createCustomer } from '../support/api.ts';
import { giveBalance } from '../support/balances.ts';
import { signInToHome, withPage } from '../support/browser.ts';
import { customerWithCart } from '../support/shopper.ts';

const e2e = browserTestFile();
const { portal } = e2e;

/** A purchase of single-seat Remote Access Desktop with a year of support (the seed sells it as RA-DSK-1-S1Y). */
const desktop = (serial: string) => ({
  reference: `UPG${serial}`,
  date: new Date().toISOString().slice(0, 10),
  product: 'Remote Access',
  edition: 'Desktop',
  users: 1,
  serial,
  unitPriceMinor: 8_900,
  supportYears: 1,
});

describe('upgrades', () => {
  it('upgrades page with the seat rule explained', async () => {
    const serial = `D1-${Date.now().toString(36).toUpperCase()}`;
    const customer = await createCustomer([desktop(serial)]);
    await withPage(e2e.browser, async (page) => {
      await signInToHome(page, portal, customer.login);
      await page.goto(`${portal.portalUrl}/upgrades`);
      const licence = page.getByTestId(`upgrades-${serial}`);
      await licence.waitFor();

      // Offered: the next single-seat edition, at the difference of the seed's prices (€129.00 - €89.00).
      const offered = licence.getByRole('row').filter({ hasText: 'Desktop → Mobile Web' });
      expect(await offered.textContent()).toContain('€40.00');
      // Not offered: 3 seats, until the licence is on the highest single-seat edition.
      const seats = licence.locator('tr[data-reason="SEAT_RULE_NEEDS_HIGHEST_SINGLE_SEAT"]');
      expect(await seats.textContent()).toContain('only from the highest single-seat edition');
      expect(await seats.getByRole('checkbox').count()).toBe(0);

      await offered.getByRole('checkbox').check();
      await page.getByRole('button', { name: 'Selected items to cart' }).click();
      const added = page.getByTestId('upgrades-added');
      await added.waitFor();
      await added.getByRole('link', { name: 'Go to the cart' }).click();
      await page
        .getByText(/upgrade Desktop \(1\) → Mobile Web \(1\)/)
        .first()
        .waitFor();
    });
  });

  it('a distributor orders an upgrade for a client, and the client sees the new licence', async () => {
    const serial = `C1-${Date.now().toString(36).toUpperCase()}`;
    // A distributor in Germany (it buys in EUR) with money on its balance, and its client with a Desktop licence.
    const [distributor, client] = await Promise.all([customerWithCart([], { country: 'DE' }), createCustomer([desktop(serial)])]);
    const distributorId = distributor.account.accountId;
    const clientId = client.account.accountId;
    const TableName = tableName();
    await Promise.all([
      db().send(
        new UpdateCommand({
          TableName,
          Key: keys.account(distributorId),
          UpdateExpression: 'SET distributor = :yes, clientCount = :one',
          ExpressionAttributeValues: { ':yes': true, ':one': 1 },
        }),
      ),
      db().send(
        new UpdateCommand({
          TableName,
          Key: keys.account(clientId),
          UpdateExpression: 'SET distributorId = :distributor',
          ExpressionAttributeValues: { ':distributor': distributorId },
        }),
      ),
      db().send(
        new PutCommand({ TableName, Item: distributorClientItem({ distributorId, clientId, assignedAt: new Date().toISOString() }) }),
      ),
    ]);
    await giveBalance(distributorId, 100_000, 'EUR');

    await withPage(e2e.browser, async (page) => {
      await signInToHome(page, portal, distributor.login);
      await page.goto(`${portal.portalUrl}/upgrades`);
      await page.getByLabel('Licences of').selectOption(clientId);
      const licence = page.getByTestId(`upgrades-${serial}`);
      await licence.waitFor();
      expect(await licence.textContent()).toContain(client.account.name);
      await licence.getByRole('row').filter({ hasText: 'Desktop → Mobile Web' }).getByRole('checkbox').check();
      await page.getByRole('button', { name: 'Selected items to cart' }).click();
      await page.getByTestId('upgrades-added').waitFor();

      await page.goto(`${portal.portalUrl}/checkout`);
      await page
        .getByTestId('checkout-lines')
        .getByText(/Mobile Web/)
        .waitFor();
      await page.getByRole('radio', { name: /^From the balance/ }).check();
      await page.getByRole('button', { name: /^Place order/ }).click();
      await expect.poll(() => page.getByTestId('order-status').textContent(), { timeout: 15_000 }).toBe('Fulfilled');
    });

    await withPage(e2e.browser, async (page) => {
      await signInToHome(page, portal, client.login);
      await page.goto(`${portal.portalUrl}/licences`);
      const row = page.locator('main tbody tr', { hasText: serial });
      await row.waitFor();
      expect(await row.textContent()).toContain('Mobile Web');
      // Its history names the editions and seats before and after, and the distributor's order that paid it.
      await row.getByRole('link', { name: /^Details/ }).click();
      const upgraded = page.getByTestId('licence-history').locator('tbody tr', { hasText: 'Upgraded' });
      await upgraded.waitFor();
      expect(await upgraded.textContent()).toContain('Upgraded: Desktop, 1 user → Mobile Web, 1 user');
      expect(await upgraded.textContent()).toContain(`(${distributor.login.email})`);
      await page.goto(`${portal.portalUrl}/upgrades`);
      // The client orders through its distributor: the page says so where it would order.
      await page.getByTestId(`upgrades-${serial}`).waitFor();
    });
  });
});
