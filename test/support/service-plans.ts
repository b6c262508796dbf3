// A test's own service plans (issue #15, plan changes): a product sold by the month in three plans, written as the
// catalogue module writes its items, so a test never depends on the seed's prices. The staff catalogue routes create
// SKUs without a period today, hence the items.

import { randomUUID } from 'node:crypto';
import { editionItem, priceVersionItem, productItem, skuItem } from '#shared/catalogue/model.ts';
import { BatchWriteCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';

export interface TestServicePlans {
  productId: string;
  product: string;
  /** SKUs by size: Small 19.00, Medium 49.00, Large 99.00 net a month (5, 10, 25 users), in every currency given. */
  small: string;
  mid: string;
  large: string;
}

export async function putTestServicePlans(currencies: readonly string[] = ['PLN', 'EUR']): Promise<TestServicePlans> {
  const id = randomUUID().slice(0, 6).toUpperCase();
  const plans: TestServicePlans = {
    productId: `hosting-${id.toLowerCase()}`,
    product: `Test Hosting ${id}`,
    small: `HT${id}-S-1M`,
    mid: `HT${id}-M-1M`,
    large: `HT${id}-L-1M`,
  };
  const at = new Date().toISOString();
  const editions = [
    ['small', 'Small', plans.small, 5, 1_900],
    ['mid', 'Medium', plans.mid, 10, 4_900],
    ['large', 'Large', plans.large, 25, 9_900],
  ] as const;
  const items = [
    productItem({ productId: plans.productId, name: plans.product, status: 'active', updatedAt: at }),
    ...editions.flatMap(([editionId, name, sku, users, amountMinor]) => [
      editionItem({ productId: plans.productId, editionId, name, status: 'active', updatedAt: at }),
      skuItem({
        sku,
        productId: plans.productId,
        editionId,
        users,
        supportYears: 0,
        period: { unit: 'month', count: 1 },
        status: 'active',
        prices: Object.fromEntries(currencies.map((currency) => [currency, { amountMinor, version: 1, validFrom: at }])),
        updatedAt: at,
      }),
      ...currencies.map((currency) => priceVersionItem({ sku, currency, version: 1, amountMinor, validFrom: at })),
    ]),
  ];
  await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: items.map((Item) => ({ PutRequest: { Item } })) } }));
  return plans;
}
