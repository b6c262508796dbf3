// Pricing order lines: each SKU at the catalogue's current price in the order's currency, keeping the price version it
// was placed at. Staff orders and the shop's checkout both price through here, so both refuse the same things the same way.

import { priceIn, type SellableSku } from '#shared/catalogue/read.ts';
import { AppError, ValidationError } from '#shared/http/errors.ts';
import { money } from '#shared/money.ts';
import type { OrderLine } from '#shared/orders/model.ts';

export interface PricedLine {
  product: SellableSku;
  line: OrderLine;
}

/**
 * The lines at the catalogue's current prices in the order's currency, each keeping the price version it was placed at.
 * An unknown SKU is a VALIDATION_FAILED; a retired one SKU_RETIRED; one without a price in the currency NO_PRICE (400s).
 */
export function priceLines(
  lines: ReadonlyArray<{ sku: string; quantity: number }>,
  currency: string,
  catalogue: SellableSku[],
): PricedLine[] {
  const bySku = new Map(catalogue.map((product) => [product.sku, product]));
  const unknown: Array<{ path: string; message: string }> = [];
  const retired: Array<{ path: string; message: string }> = [];
  const unpriced: Array<{ path: string; message: string }> = [];
  const priced: PricedLine[] = [];
  lines.forEach(({ sku, quantity }, index) => {
    const path = `body.lines.${index}.sku`;
    const product = bySku.get(sku);
    if (!product) {
      unknown.push({ path, message: `No product in the catalogue has the SKU ${sku}.` });
      return;
    }
    if (!product.active) {
      retired.push({ path, message: `${sku} is retired and can no longer be ordered.` });
      return;
    }
    const price = priceIn(product, currency);
    if (!price) {
      unpriced.push({ path, message: `${sku} has no price in ${currency}.` });
      return;
    }
    priced.push({
      product,
      line: {
        product: product.product,
        sku: product.sku,
        edition: product.edition,
        users: product.users,
        quantity,
        unitPrice: money(price.amountMinor, currency),
        subtotal: money(price.amountMinor * quantity, currency),
        priceVersion: price.version,
      },
    });
  });
  if (unknown.length) throw new ValidationError('The order is not valid.', unknown);
  if (retired.length) throw new AppError(400, 'SKU_RETIRED', 'The order names a product that is retired.', retired);
  if (unpriced.length) throw new AppError(400, 'NO_PRICE', `The order names a product that has no price in ${currency}.`, unpriced);
  return priced;
}
