// What an order issues: a licence per unit of each priced line, each with its support & updates subscription where the
// SKU includes support, and each serial's search entry; or, for a service plan (a SKU with a period, issue #15), a
// service subscription per unit instead (shared/subscriptions/service-start.ts). Staff orders (when written) and shop
// orders (when paid) both issue through here; the caller writes the items in the order's transaction.

import { MAX_TRANSACTION_ITEMS } from '#shared/audit/audit.ts';
import type { Item } from '#shared/db/entity.ts';
import { billingSettings } from '#shared/billing/settings.ts';
import { divideRounded, type TaxRule, taxLine } from '#shared/billing/tax.ts';
import { AppError } from '#shared/http/errors.ts';
import { type Money, money } from '#shared/money.ts';
import { newCode } from '#shared/contracts/activation.ts';
import { newId } from '#shared/ids.ts';
import { licencePurchase } from '#shared/licences/licence-items.ts';
import { issuedLicence, type IssuedLicence, type StartedService, startedService } from '#shared/orders/model.ts';
import type { PricedLine } from '#shared/orders/pricing.ts';
import { licenceSearchItems } from '#shared/search/search-entry.ts';
import { isServicePlan, ITEMS_PER_SERVICE, serviceStart } from '#shared/subscriptions/service-start.ts';

/**
 * Table items per unit: the licence and its search entry, plus the support term and its renewable subscription where
 * the SKU includes support; a service plan's subscription and its `created` event.
 */
export function itemsPerUnit(line: Pick<PricedLine, 'product'>): number {
  if (isServicePlan(line.product)) return ITEMS_PER_SERVICE;
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
    `This order would write ${needed} items (a licence and its search entry per unit, a support term and its renewable subscription per unit with support, a subscription and its history entry per service plan, and ${fixedItems} more), ` +
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

export interface IssueInput {
  accountId: string;
  orderId: string;
  reference: string;
  /** When it was paid for (a shop order's payment; a staff order when written): licences and services start here. */
  at: Date;
  priced: readonly PricedLine[];
  /** Who started its services: a shop order's payment, or staff writing an order. */
  by: 'staff' | 'payment';
  /**
   * The VAT invoice that paid the order (shop orders) and its tax rule: a service's `lastInvoice` with the gross of its
   * own unit, what a cancellation corrects.
   */
  invoice?: { invoiceId: string; number: string; tax: TaxRule };
}

export function issueLicences(input: IssueInput): { issued: IssuedLicence[]; services: StartedService[]; items: Item[] } {
  const issued: IssuedLicence[] = [];
  const services: StartedService[] = [];
  const items: Item[] = [];
  for (const { product, line } of input.priced) {
    // A renewal, upgrade or plan change changes what the customer has (shared/shop/line-actions.ts fulfils it).
    if (line.action) continue;
    for (let unit = 0; unit < line.quantity; unit += 1) {
      if (isServicePlan(product)) {
        const started = serviceStart({
          accountId: input.accountId,
          subscriptionId: newId(input.at),
          product,
          price: line.unitPrice,
          at: input.at,
          order: { orderId: input.orderId, reference: input.reference },
          ...(input.invoice
            ? {
                invoice: {
                  invoiceId: input.invoice.invoiceId,
                  number: input.invoice.number,
                  orderId: input.orderId,
                  grossMinor: taxLine(line.unitPrice.amountMinor, input.invoice.tax).grossMinor,
                },
              }
            : {}),
          by: input.by,
        });
        services.push(startedService(started.subscription));
        items.push(...started.items);
        continue;
      }
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
  return { issued, services, items };
}
