// Issue #14, payments, in Chromium: staff record the bank payment of an order awaiting payment on /admin/payments (the
// order looked up as they type), the order is fulfilled (VAT invoice, licences), the staff order page says so, and the
// customer finds the new licence on their licences page.

import { describe, expect, it } from 'vitest';
import { browserTestFile } from '../support/browser-file.ts';
import { DEMO_STAFF } from '#infra/local/seed.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { orderFromItem } from '#shared/orders/model.ts';
import { minorToDecimal } from '../../web/src/format.ts';
import { createCustomer } from '../support/api.ts';
import { signInToHome, signInWithPassword, withPage } from '../support/browser.ts';
import { putAwaitingOrder } from '../support/shop-orders.ts';

const e2e = browserTestFile();
const { portal } = e2e;
const billingStaff = DEMO_STAFF.find((staff) => staff.groups.includes('billing' as never))!;

describe('payments', () => {
  it('staff record the payment of an awaiting order; it is fulfilled and the customer has the licence', async () => {
    // Prepare: a new customer with an order awaiting its bank transfer.
    const customer = await createCustomer([]);
    const order = await putAwaitingOrder({
      accountId: customer.account.accountId,
      email: customer.login.email,
      lines: [{ sku: 'RA-DSK-3', quantity: 1 }],
    });

    await withPage(e2e.browser, async (page) => {
      // Act: staff type the reference, see what is due, and record the transfer.
      await signInWithPassword(page, portal, '/admin', billingStaff);
      await page.getByRole('navigation').getByRole('link', { name: 'Payments' }).click();
      await page.getByRole('heading', { name: 'Payments', level: 1 }).waitFor();
      await page.getByLabel('Order reference').fill(order.reference.toLowerCase());
      await expect.poll(() => page.getByTestId('payment-order-status').textContent()).toBe('Awaiting payment');
      await page.getByLabel('Amount').fill(minorToDecimal(order.total.amountMinor, 2));
      await page.getByLabel('Bank reference').fill(`E2E-${order.orderId}`);
      await page.getByRole('button', { name: 'Record payment' }).click();
      // Assess
      const notice = page.getByTestId('payment-recorded');
      await notice.waitFor();
      expect(await notice.textContent()).toMatch(new RegExp(`order ${order.reference} is fulfilled, VAT invoice FV/\\d{4}/\\d{6}`));
      await page.getByTestId('staff-payments-table').getByRole('link', { name: order.reference }).first().click();
      await page.getByTestId('staff-order-status').waitFor();
      expect(await page.getByTestId('staff-order-status').textContent()).toBe('Fulfilled');
      expect(await page.getByTestId('staff-order-invoice').textContent()).toMatch(/^FV\/\d{4}\/\d{6}$/);
    });

    const stored = orderFromItem(
      (
        await db().send(
          new GetCommand({ TableName: tableName(), Key: keys.order(customer.account.accountId, order.orderId), ConsistentRead: true }),
        )
      ).Item!,
    );
    expect(stored.issued).toHaveLength(1);

    await withPage(e2e.browser, async (page) => {
      await signInToHome(page, portal, customer.login);
      await page.goto(`${portal.portalUrl}/licences`);
      const table = page.getByTestId('licences-table');
      await table.waitFor();
      expect(await table.textContent()).toContain(stored.issued[0]!.serial);
    });
  });
});
