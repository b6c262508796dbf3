// The licences an order issues: one per unit of each priced line, each with its support & updates subscription where the
// SKU includes support, and each serial's search entry. Staff orders (when written) and shop orders (when paid) both
// issue through here; the caller writes the items in the order's transaction.

import { MAX_TRANSACTION_ITEMS } from '#shared/audit/audit.ts';
import type { Item } from '#shared/db/entity.ts';
import { billingSettings } from '#shared/billing/settings.ts';
import { divideRounded } from '#shared/billing/tax.ts';
import { AppError } from '#shared/http/errors.ts';
import { type Money, money } from '#shared/money.ts';
import { newCode } from '#shared/contracts/activation.ts';
import { newId } from '#shared/ids.ts';
import { licencePurchase } from '#shared/licences/licence-items.ts';
import { issuedLicence, type IssuedLicence } from '#shared/orders/model.ts';
import type { PricedLine } from '#shared/orders/pricing.ts';
import { licenceSearchItems } from '#shared/search/search-entry.ts';

/**
 * Table items per unit: the licence and its search entry, plus the support term and its renewable subscription where
 * the SKU includes support.
 */
export function itemsPerUnit(line: Pick<PricedLine, 'product'>): number {
  return line.product.supportYears > 0 ? 4 : 2;
}

/**
 * One transaction issues a whole order, so an order whose licences and `fixedItems` other items need more items than
 * one transaction takes is refused (400 ORDER_TOO_LARGE): staff orders when placed, shop orders at checkout.
 */
export function assertOrderFits(priced: ReadonlyArray<Pick<PricedLine, 'product' | 'line'>>, fixedItems: number): void {
  const needed = priced.reduce((count, line) => count + line.line.quantity * itemsPerUnit(line), fixedItems);
  if (needed <= MAX_TRANSACTION_ITEMS) return;
  throw new AppError(
    400,
    'ORDER_TOO_LARGE',
    `This order would write ${needed} items (a licence and its search entry per unit, a support term and its renewable subscription per unit with support, and ${fixedItems} more), ` +
      `but one order can write at most ${MAX_TRANSACTION_ITEMS}. Split it into smaller orders.`,
    { itemsNeeded: needed, maxItems: MAX_TRANSACTION_ITEMS },
  );
}

/** What a year of support & updates costs to renew: the stage's share of the licence's price (rounded half away from zero). */
export function supportYearlyPrice(licencePrice: Money): Money {
  return money(
    divideRounded(licencePrice.amountMinor * billingSettings().services.supportRenewalBasisPoints, 10_000),
    licencePrice.currency,
  );
}

export function issueLicences(input: { accountId: string; orderId: string; reference: string; at: Date; priced: readonly PricedLine[] }): {
  issued: IssuedLicence[];
  items: Item[];
} {
  const issued: IssuedLicence[] = [];
  const items: Item[] = [];
  for (const { product, line } of input.priced) {
    for (let unit = 0; unit < line.quantity; unit += 1) {
      const purchase = licencePurchase({
        accountId: input.accountId,
        licenceId: newId(input.at),
        subscriptionId: newId(input.at),
        orderId: input.orderId,
        orderReference: input.reference,
        purchasedAt: input.at,
        product: product.product,
        edition: product.edition,
        users: product.users,
        serial: newCode(3),
        ...(product.days ? { days: product.days } : {}),
        supportYears: product.supportYears,
        renewal: {
          productId: product.productId ?? product.product,
          sku: product.sku,
          yearlyPrice: supportYearlyPrice(line.unitPrice),
        },
      });
      issued.push(issuedLicence(purchase, product.sku));
      items.push(...purchase.items, ...licenceSearchItems(input.accountId, purchase.licence));
    }
  }
  return { issued, items };
}
