// The cart at the catalogue's current prices: what the cart page shows and what checkout charges. Each line keeps the
// price the customer saw when adding it; a line whose price moved since is flagged (`priceChanged`), and a line that can
// no longer be bought (retired, no price in the cart's currency, gone from the catalogue) is flagged `unavailable`, never
// silently dropped. Pure: the catalogue is read once by the caller (`sellableSkus(await readCatalogue())`).

import { priceIn, type SellableSku } from '#shared/catalogue/read.ts';
import { money, type Money, sum } from '#shared/money.ts';
import type { OrderLine } from '#shared/orders/model.ts';
import { priceLines } from '#shared/orders/pricing.ts';
import type { Cart, CartLine } from '#shared/shop/cart.ts';
import type { LineAction, LineText } from '#shared/orders/fields.ts';
import type { ActionQuote } from '#shared/shop/line-actions.ts';
import { lineKey } from '#shared/shop/line-key.ts';

/** Why a line cannot be bought now (`not-available`: an action line's quote refused it, with its code and message). */
export type UnavailableReason = 'retired' | 'no-price' | 'unknown' | 'not-available';

/** Each action line's quote (shared/shop/line-actions.ts), by line key; the caller quotes them (reads), this stays pure. */
export type ActionQuotes = ReadonlyMap<string, ActionQuote>;

export interface PricedCartLine {
  /** What the cart's line routes name it by: the SKU, or `RENEW-<id>` / `UPGRADE-<id>` for an action line. */
  key: string;
  sku: string;
  quantity: number;
  /** A renewal or upgrade, and for a distributor's client, whose it is. */
  action?: LineAction;
  /** Why an action line is not available now: the quote's stable code and message. */
  unavailableCode?: string;
  unavailableMessage?: string;
  /** Names and terms from the catalogue; absent only when the SKU is gone from it (`unavailable: 'unknown'`). */
  product?: string;
  edition?: string;
  /** An action line's text as facts: the page renders it in its language (shared/subscriptions/line-text.ts). */
  text?: LineText;
  users?: number;
  supportYears?: number;
  days?: number;
  /** The current unit price and line total; absent when the line is unavailable. */
  unitPrice?: Money;
  lineTotal?: Money;
  /** The unit price the customer saw when adding the line, and the current one, when they differ. */
  priceChanged?: { was: Money; now: Money };
  unavailable?: UnavailableReason;
  /** The line as an order records it (current price and its version); absent when unavailable. */
  orderLine?: OrderLine;
}

export interface PricedCart {
  currency: string;
  version: number;
  lines: PricedCartLine[];
  /** The sum of the available lines at current prices, before tax (VAT is added at checkout per the billing data). */
  netTotal: Money;
  /** Some line's price moved since it was added: checkout asks the customer to accept the new prices first. */
  pricesChanged: boolean;
  /** Some line can no longer be bought: checkout refuses until it is removed. */
  hasUnavailable: boolean;
  /** The available lines as order lines, in cart order: what checkout writes. */
  orderLines: OrderLine[];
}

function unavailableReason(product: SellableSku | undefined, currency: string): UnavailableReason | undefined {
  if (!product) return 'unknown';
  if (!product.active) return 'retired';
  return priceIn(product, currency) ? undefined : 'no-price';
}

/**
 * The cart's lines at the catalogue's current prices in the cart's currency, flagged where a price moved or a line lapsed.
 * Action lines take their price from `quotes` (a line without a quote is unavailable).
 */
export function pricedCart(cart: Cart, catalogue: SellableSku[], quotes: ActionQuotes = new Map()): PricedCart {
  const bySku = new Map(catalogue.map((product) => [product.sku, product]));
  const buyable = cart.lines.filter((line) => !line.action && !unavailableReason(bySku.get(line.sku), cart.currency));
  // The same pricing as staff orders and checkout: every buyable line passes priceLines' checks by construction.
  const orderLines = new Map(priceLines(buyable, cart.currency, catalogue).map(({ line }) => [line.sku, line]));
  // Targets taken by earlier action lines: a later line changing the same licence or subscription is flagged.
  const taken = new Set<string>();
  const lines = cart.lines.map((line): PricedCartLine => {
    if (line.action) {
      const quote = quotes.get(lineKey(line));
      const targets = quote && 'line' in quote ? (quote.targets ?? []) : [];
      if (targets.some((target) => taken.has(target))) {
        return {
          key: lineKey(line),
          sku: line.sku,
          quantity: line.quantity,
          action: line.action,
          unavailable: 'not-available',
          unavailableCode: 'LINE_CONFLICT',
          unavailableMessage: 'Another line of the cart changes the same licence or subscription: order them one after the other.',
        };
      }
      for (const target of targets) taken.add(target);
      return actionLine(line, quote);
    }
    const product = bySku.get(line.sku);
    const described = {
      key: line.sku,
      sku: line.sku,
      quantity: line.quantity,
      ...(product
        ? {
            product: product.product,
            edition: product.edition,
            users: product.users,
            supportYears: product.supportYears,
            ...(product.days ? { days: product.days } : {}),
          }
        : {}),
    };
    const orderLine = orderLines.get(line.sku);
    if (!orderLine) return { ...described, unavailable: unavailableReason(product, cart.currency) ?? 'unknown' };
    return {
      ...described,
      unitPrice: orderLine.unitPrice,
      lineTotal: orderLine.subtotal,
      ...(priceMoved(line, orderLine)
        ? { priceChanged: { was: money(line.unitPriceMinor, cart.currency), now: orderLine.unitPrice } }
        : {}),
      orderLine,
    };
  });
  return {
    currency: cart.currency,
    version: cart.version,
    lines,
    netTotal: sum(
      lines.flatMap((line) => (line.lineTotal ? [line.lineTotal] : [])),
      cart.currency,
    ),
    pricesChanged: lines.some((line) => line.priceChanged),
    hasUnavailable: lines.some((line) => line.unavailable),
    orderLines: lines.flatMap((line) => (line.orderLine ? [line.orderLine] : [])),
  };
}

/** An action line as its quote prices it (the quote's line is the order line). */
function actionLine(line: CartLine, quote: ActionQuote | undefined): PricedCartLine {
  const described = { key: lineKey(line), sku: line.sku, quantity: line.quantity, ...(line.action ? { action: line.action } : {}) };
  if (!quote || 'unavailable' in quote) {
    return {
      ...described,
      unavailable: 'not-available',
      unavailableCode: quote?.unavailable ?? 'NOT_QUOTED',
      unavailableMessage: quote?.message ?? 'This line could not be priced.',
    };
  }
  const orderLine = quote.line;
  return {
    ...described,
    product: orderLine.product,
    edition: orderLine.edition,
    ...(orderLine.text ? { text: orderLine.text } : {}),
    users: orderLine.users,
    unitPrice: orderLine.unitPrice,
    lineTotal: orderLine.subtotal,
    ...(priceMoved(line, orderLine)
      ? { priceChanged: { was: money(line.unitPriceMinor, orderLine.unitPrice.currency), now: orderLine.unitPrice } }
      : {}),
    orderLine,
  };
}

function priceMoved(seen: CartLine, current: OrderLine): boolean {
  return seen.unitPriceMinor !== current.unitPrice.amountMinor;
}

/** The cart's lines with each buyable line's seen price set to the current one (the customer accepted the new prices). */
export function withAcceptedPrices(cart: Cart, catalogue: SellableSku[], quotes: ActionQuotes = new Map()): CartLine[] {
  const current = new Map(pricedCart(cart, catalogue, quotes).orderLines.map((line) => [lineKey(line), line]));
  return cart.lines.map((line) => {
    const now = current.get(lineKey(line));
    return now ? { ...line, unitPriceMinor: now.unitPrice.amountMinor, priceVersion: now.priceVersion ?? line.priceVersion } : line;
  });
}
