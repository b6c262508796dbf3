// The customer's cart: read at current prices, add a SKU, change a quantity, remove a line, accept moved prices. Each
// change is one conditional write on the version the page read, so two tabs cannot overwrite each other (the second gets
// 409 CART_CHANGED and reloads). The cart is always the caller's account's item: no request names another's.

import { type SellableSku, sellableSkus } from '#shared/catalogue/read.ts';
import { TransactWriteCommand } from '#shared/db/commands.ts';
import { db } from '#shared/db/client.ts';
import { AppError, ConflictError, NotFoundError } from '#shared/http/errors.ts';
import { failedConditions, isTransactionConflict } from '#shared/billing/transact.ts';
import { DEFAULT_CURRENCY } from '#shared/money.ts';
import { priceLines } from '#shared/orders/pricing.ts';
import { type Cart, type CartLine, cartWrite, getCart, MAX_CART_LINES, MAX_LINE_QUANTITY } from '#shared/shop/cart.ts';
import { shopContext } from '#shared/shop/offer.ts';
import { type PricedCart, pricedCart, withAcceptedPrices } from '#shared/shop/priced-cart.ts';
import { now } from '#shared/time.ts';

export function cartChanged(): ConflictError {
  return new ConflictError('The cart was changed meanwhile (in another tab?). Reload it and try again.', 'CART_CHANGED');
}

function quantityLimit(): AppError {
  return new AppError(400, 'QUANTITY_LIMIT', `A cart line holds at most ${MAX_LINE_QUANTITY} units.`, { max: MAX_LINE_QUANTITY });
}

/** The cart as the API answers it: the priced cart without the order lines checkout uses, with the limits. */
export function cartView(priced: PricedCart) {
  return {
    currency: priced.currency,
    version: priced.version,
    lines: priced.lines.map(({ orderLine: _orderLine, ...line }) => line),
    netTotal: priced.netTotal,
    pricesChanged: priced.pricesChanged,
    hasUnavailable: priced.hasUnavailable,
    maxLines: MAX_CART_LINES,
    maxQuantity: MAX_LINE_QUANTITY,
  };
}

/**
 * The stored cart in the account's current currency: a cart written in another one (the account's country changed) takes
 * the current prices of the new currency, since a price seen in another currency says nothing about this one.
 */
function inCurrency(cart: Cart, currency: string, catalogue: SellableSku[]): Cart {
  if (cart.currency === currency) return cart;
  const moved = { ...cart, currency };
  return { ...moved, lines: withAcceptedPrices(moved, catalogue) };
}

/** The account's cart in its currency and the catalogue as order lines quote it: a Get of the account and the cart, one Query. */
export async function readCart(accountId: string): Promise<{ cart: Cart; stored: Cart; catalogue: SellableSku[] }> {
  // In parallel: an empty cart's currency is set by inCurrency like any other.
  const [context, stored] = await Promise.all([shopContext(accountId), getCart(accountId, DEFAULT_CURRENCY)]);
  const catalogue = sellableSkus(context.catalogue);
  return { cart: inCurrency(stored, context.currency, catalogue), stored, catalogue };
}

export async function getPricedCart(accountId: string): Promise<PricedCart> {
  const { cart, catalogue } = await readCart(accountId);
  return pricedCart(cart, catalogue);
}

/** Applies `change` to the cart read at `version` and writes it on condition that nobody wrote it since. */
async function changeCart(
  accountId: string,
  version: number,
  change: (cart: Cart, catalogue: SellableSku[]) => CartLine[],
): Promise<PricedCart> {
  const { cart, stored, catalogue } = await readCart(accountId);
  const lines = change(cart, catalogue);
  if (version !== stored.version) throw cartChanged();
  const next = { accountId, currency: cart.currency, lines, updatedAt: now().toISOString() };
  try {
    await db().send(new TransactWriteCommand({ TransactItems: [cartWrite(stored, next)] }));
  } catch (error) {
    if (failedConditions(error).size > 0 || isTransactionConflict(error)) throw cartChanged();
    throw error;
  }
  return pricedCart({ ...next, version: stored.version + 1 }, catalogue);
}

function lineOf(cart: Cart, sku: string): CartLine {
  const line = cart.lines.find((candidate) => candidate.sku === sku);
  if (!line) throw new NotFoundError('That product is not in the cart.');
  return line;
}

/** Adds `quantity` of a SKU at its current price (the one the product page showed), or adds to the line it has. */
export function addCartLine(accountId: string, input: { sku: string; quantity: number; version: number }): Promise<PricedCart> {
  return changeCart(accountId, input.version, (cart, catalogue) => {
    // Refuses an unknown, retired or unpriced SKU exactly as checkout and staff orders do.
    const [priced] = priceLines([{ sku: input.sku, quantity: input.quantity }], cart.currency, catalogue);
    const current = { unitPriceMinor: priced!.line.unitPrice.amountMinor, priceVersion: priced!.line.priceVersion ?? 0 };
    const existing = cart.lines.find((line) => line.sku === input.sku);
    if (existing) {
      const quantity = existing.quantity + input.quantity;
      if (quantity > MAX_LINE_QUANTITY) throw quantityLimit();
      return cart.lines.map((line) => (line === existing ? { ...line, ...current, quantity } : line));
    }
    if (input.quantity > MAX_LINE_QUANTITY) throw quantityLimit();
    if (cart.lines.length >= MAX_CART_LINES) {
      throw new AppError(400, 'CART_FULL', `A cart holds at most ${MAX_CART_LINES} different products.`, { max: MAX_CART_LINES });
    }
    return [...cart.lines, { sku: input.sku, quantity: input.quantity, ...current, addedAt: now().toISOString() }];
  });
}

/** Sets a line's quantity; the price it was added at stays (a moved price is still flagged). */
export function setCartLine(accountId: string, sku: string, input: { quantity: number; version: number }): Promise<PricedCart> {
  return changeCart(accountId, input.version, (cart) => {
    const found = lineOf(cart, sku);
    if (input.quantity > MAX_LINE_QUANTITY) throw quantityLimit();
    return cart.lines.map((line) => (line === found ? { ...line, quantity: input.quantity } : line));
  });
}

export function removeCartLine(accountId: string, sku: string, version: number): Promise<PricedCart> {
  return changeCart(accountId, version, (cart) => {
    const found = lineOf(cart, sku);
    return cart.lines.filter((line) => line !== found);
  });
}

/** The customer saw the new prices and accepts them: each buyable line's seen price becomes the current one. */
export function acceptCartPrices(accountId: string, version: number): Promise<PricedCart> {
  return changeCart(accountId, version, (cart, catalogue) => withAcceptedPrices(cart, catalogue));
}
