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
import { type Account, accountsById } from '#shared/accounts/account.ts';
import type { CartActionInput } from '#shared/api/shop.ts';
import type { LineAction } from '#shared/orders/fields.ts';
import { type ActionQuote, type QuoteContext, quoteAction } from '#shared/shop/line-actions.ts';
import { lineKey } from '#shared/shop/line-key.ts';
import { assertRenewalPeriods } from '#shared/subscriptions/renewal.ts';
import { type PricedCart, pricedCart, withAcceptedPrices } from '#shared/shop/priced-cart.ts';
import { now } from '#shared/time.ts';

export function cartChanged(): ConflictError {
  return new ConflictError('The cart was changed meanwhile (in another tab?). Reload it and try again.', 'CART_CHANGED');
}

function quantityLimit(): AppError {
  return new AppError(400, 'QUANTITY_LIMIT', `A cart line holds at most ${MAX_LINE_QUANTITY} units.`, { max: MAX_LINE_QUANTITY });
}

/** The cart as the API answers it: the priced cart without the order lines checkout uses, with the limits. */
export function cartView(priced: PricedCart & { clients?: ReadonlyMap<string, string> }) {
  return {
    currency: priced.currency,
    version: priced.version,
    lines: priced.lines.map(({ orderLine: _orderLine, ...line }) => {
      const licensee = line.action?.licenseeAccountId;
      const name = licensee ? priced.clients?.get(licensee) : undefined;
      return name && licensee ? { ...line, client: { accountId: licensee, name } } : line;
    }),
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

interface ReadCart {
  cart: Cart;
  stored: Cart;
  catalogue: SellableSku[];
  account: Account;
  context: QuoteContext;
}

/** The account's cart in its currency and the catalogue as order lines quote it: a Get of the account and the cart, one Query. */
export async function readCart(accountId: string): Promise<ReadCart> {
  // In parallel: an empty cart's currency is set by inCurrency like any other.
  const [shop, stored] = await Promise.all([shopContext(accountId), getCart(accountId, DEFAULT_CURRENCY)]);
  const catalogue = sellableSkus(shop.catalogue);
  const context: QuoteContext = { buyer: shop.account, currency: shop.currency, at: now(), catalogue: shop.catalogue };
  return { cart: inCurrency(stored, shop.currency, catalogue), stored, catalogue, account: shop.account, context };
}

/**
 * The quotes of the cart's action lines (a renewal's periods are its quantity). Reading a cart never fails on one line:
 * a line that can no longer be ordered (ended, not the caller's client any more) is quoted unavailable with its code.
 * Bounded: at most MAX_CART_LINES quotes, each a few keyed reads.
 */
export async function quoteCartActions(context: QuoteContext, lines: readonly CartLine[]): Promise<Map<string, ActionQuote>> {
  const actions = lines.flatMap((line) => (line.action ? [cartLineAction(line)] : []));
  const quoted = await Promise.all(
    actions.map(async (action): Promise<[string, ActionQuote]> => {
      try {
        return [lineKey({ sku: '', action }), await quoteAction(context, action)];
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return [lineKey({ sku: '', action }), { unavailable: error.code, message: error.message }];
      }
    }),
  );
  return new Map(quoted);
}

/** A cart line's action as it is quoted: a renewal renews as many periods as the line's quantity. */
function cartLineAction(line: CartLine): LineAction {
  const action = line.action!;
  return action.kind === 'renewal' ? { ...action, periods: line.quantity } : action;
}

/** The names of the clients a distributor's cart lines are for (one BatchGet of at most MAX_CART_LINES accounts). */
async function clientNames(account: Account, lines: readonly CartLine[]): Promise<Map<string, string>> {
  const ids = [
    ...new Set(
      lines.flatMap((line) => (line.action && line.action.licenseeAccountId !== account.accountId ? [line.action.licenseeAccountId] : [])),
    ),
  ];
  if (!ids.length) return new Map();
  const found = await accountsById(ids);
  return new Map([...found.values()].map((client) => [client.accountId, client.name]));
}

async function priced(read: Pick<ReadCart, 'catalogue' | 'account' | 'context'>, cart: Cart) {
  const [quotes, clients] = await Promise.all([quoteCartActions(read.context, cart.lines), clientNames(read.account, cart.lines)]);
  return { ...pricedCart(cart, read.catalogue, quotes), clients };
}

export async function getPricedCart(accountId: string) {
  const read = await readCart(accountId);
  return priced(read, read.cart);
}

/**
 * Applies `change` to the cart and writes it on condition that nobody wrote it since it was read; a `version` given
 * that is not the cart's is 409 at once (the page showed an older cart).
 */
async function changeCart(
  accountId: string,
  version: number | undefined,
  change: (cart: Cart, read: ReadCart) => CartLine[] | Promise<CartLine[]>,
) {
  const read = await readCart(accountId);
  const { cart, stored } = read;
  const lines = await change(cart, read);
  if (version !== undefined && version !== stored.version) throw cartChanged();
  const next = { accountId, currency: cart.currency, lines, updatedAt: now().toISOString() };
  try {
    await db().send(new TransactWriteCommand({ TransactItems: [cartWrite(stored, next)] }));
  } catch (error) {
    if (failedConditions(error).size > 0 || isTransactionConflict(error)) throw cartChanged();
    throw error;
  }
  return priced(read, { ...next, version: stored.version + 1 });
}

/** The line of this key (a SKU, or an action line's `RENEW-<id>` / `UPGRADE-<id>`). */
function lineOf(cart: Cart, key: string): CartLine {
  const line = cart.lines.find((candidate) => lineKey(candidate) === key);
  if (!line) throw new NotFoundError('That product is not in the cart.');
  return line;
}

function cartFull(): AppError {
  return new AppError(400, 'CART_FULL', `A cart holds at most ${MAX_CART_LINES} different products.`, { max: MAX_CART_LINES });
}

/** Adds `quantity` of a SKU at its current price (the one the product page showed), or adds to the line it has. */
export function addCartLine(accountId: string, input: { sku: string; quantity: number; version: number }) {
  return changeCart(accountId, input.version, (cart, { catalogue }) => {
    // Refuses an unknown, retired or unpriced SKU exactly as checkout and staff orders do.
    const [priced] = priceLines([{ sku: input.sku, quantity: input.quantity }], cart.currency, catalogue);
    const current = { unitPriceMinor: priced!.line.unitPrice.amountMinor, priceVersion: priced!.line.priceVersion ?? 0 };
    const existing = cart.lines.find((line) => !line.action && line.sku === input.sku);
    if (existing) {
      const quantity = existing.quantity + input.quantity;
      if (quantity > MAX_LINE_QUANTITY) throw quantityLimit();
      return cart.lines.map((line) => (line === existing ? { ...line, ...current, quantity } : line));
    }
    if (input.quantity > MAX_LINE_QUANTITY) throw quantityLimit();
    if (cart.lines.length >= MAX_CART_LINES) throw cartFull();
    return [...cart.lines, { sku: input.sku, quantity: input.quantity, ...current, addedAt: now().toISOString() }];
  });
}

/**
 * Adds renewals and upgrades (issue #15), each quoted now: a quote that refuses is a 400 with its code; who may order
 * it is checked by quoteAction (403 ORDERED_BY_DISTRIBUTOR, 404). A renewal already in the cart takes the new periods.
 */
export function addCartActions(accountId: string, input: { actions: readonly CartActionInput[]; version?: number | undefined }) {
  return changeCart(accountId, input.version, async (cart, { context }) => {
    let lines = [...cart.lines];
    for (const given of input.actions) {
      const licenseeAccountId = given.clientId ?? accountId;
      const action: LineAction =
        given.kind === 'renewal'
          ? { kind: 'renewal', subscriptionId: given.subscriptionId, periods: given.periods, licenseeAccountId }
          : { kind: 'upgrade', licenceId: given.licenceId, toSku: given.toSku, licenseeAccountId };
      const quote = await quoteAction(context, action);
      if ('unavailable' in quote) throw new AppError(400, quote.unavailable, quote.message);
      const line: CartLine = {
        sku: quote.line.sku,
        quantity: action.kind === 'renewal' ? action.periods : 1,
        unitPriceMinor: quote.line.unitPrice.amountMinor,
        priceVersion: quote.line.priceVersion ?? 0,
        addedAt: now().toISOString(),
        action,
      };
      const key = lineKey(line);
      const at = lines.findIndex((candidate) => lineKey(candidate) === key);
      if (at >= 0) lines[at] = { ...line, addedAt: lines[at]!.addedAt };
      else if (lines.length >= MAX_CART_LINES) throw cartFull();
      else lines = [...lines, line];
    }
    return lines;
  });
}

/** Sets a line's quantity; the price it was added at stays (a moved price is still flagged). */
export function setCartLine(accountId: string, sku: string, input: { quantity: number; version: number }) {
  return changeCart(accountId, input.version, (cart) => {
    const found = lineOf(cart, sku);
    if (input.quantity > MAX_LINE_QUANTITY) throw quantityLimit();
    if (found.action?.kind === 'renewal') assertRenewalPeriods(input.quantity);
    if (found.action?.kind === 'upgrade' && input.quantity !== 1) {
      throw new AppError(400, 'QUANTITY_FIXED', 'An upgrade line is one licence: its quantity cannot change.');
    }
    return cart.lines.map((line) => (line === found ? { ...line, quantity: input.quantity } : line));
  });
}

export function removeCartLine(accountId: string, sku: string, version: number | undefined) {
  return changeCart(accountId, version, (cart) => {
    const found = lineOf(cart, sku);
    return cart.lines.filter((line) => line !== found);
  });
}

/** The customer saw the new prices and accepts them: each buyable line's seen price becomes the current one. */
export function acceptCartPrices(accountId: string, version: number) {
  return changeCart(accountId, version, async (cart, { catalogue, context }) =>
    withAcceptedPrices(cart, catalogue, await quoteCartActions(context, cart.lines)),
  );
}
