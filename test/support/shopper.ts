// Customers ready to check out, for integration and browser tests: a new account (in Poland with a billing address
// unless told otherwise) and a cart written as its entity (the cart routes are the shop's), at the catalogue's seed
// prices unless a line names the price the customer saw.

import { PutCommand, UpdateCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { CATALOGUE } from '#shared/catalogue/products.ts';
import { cartItem } from '#shared/shop/cart.ts';
import { createCustomer } from './api.ts';

/** A cart line: SKU, quantity, and the unit price the customer saw (the seed price unless given). */
export type TestCartLine = [sku: string, quantity: number, unitPriceMinor?: number];

/** Writes the account's cart in EUR as if `version` writes came before. */
export async function putCart(accountId: string, lines: TestCartLine[], version = 0): Promise<void> {
  const at = new Date().toISOString();
  const seedPrice = (sku: string) => CATALOGUE.find((entry) => entry.sku === sku)?.unitPrice.amountMinor ?? 1_000;
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: cartItem({
        accountId,
        currency: 'EUR',
        lines: lines.map(([sku, quantity, unitPriceMinor]) => ({
          sku,
          quantity,
          unitPriceMinor: unitPriceMinor ?? seedPrice(sku),
          priceVersion: 1,
          addedAt: at,
        })),
        updatedAt: at,
        version: version + 1,
      }),
    }),
  );
}

/** A new customer whose account has `fields` (country PL and a billing address unless overridden) and this cart. */
export async function customerWithCart(lines: TestCartLine[], fields: Record<string, unknown> = {}) {
  const customer = await createCustomer([]);
  const { accountId } = customer.account;
  const entries = Object.entries({
    country: 'PL',
    billingAddress: { line1: 'ul. Długa 1', postalCode: '61-001', city: 'Poznań' },
    ...fields,
  });
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.account(accountId),
      UpdateExpression: `SET ${entries.map((_, index) => `#f${index} = :v${index}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(entries.map(([name], index) => [`#f${index}`, name])),
      ExpressionAttributeValues: Object.fromEntries(entries.map(([, value], index) => [`:v${index}`, value])),
    }),
  );
  await putCart(accountId, lines);
  return customer;
}
