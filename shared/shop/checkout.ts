// Checkout: the customer turns their cart into a prepayment order. The cart is re-priced from the catalogue and taxed
// for the account's billing data; if the gross the customer accepted is not today's, they are asked again (409
// PRICES_CHANGED). One transaction writes the order awaiting its payment, its reference claim and search entry, its
// proforma (a gap-free number), the checkout record of the page's key and the emptied cart; then the order mail goes
// out. No licences now: the payment's fulfilment issues them. A retry with the page's key answers the first order.

import { createHash } from 'node:crypto';
import { type Account, accountFromItem, accountKey, accountPurchaseUpdate } from '#shared/accounts/account.ts';
import type { CustomerCaller } from '#shared/accounts/caller.ts';
import { accountMayPay, assertMayPay } from '#shared/accounts/verification.ts';
import type { TransactItem } from '#shared/audit/audit.ts';
import { buyerTaxRule, type InvoiceBuyer, invoiceBuyer, invoiceDraft } from '#shared/billing/invoice.ts';
import { balancesOf } from '#shared/billing/ledger.ts';
import { billingSettings } from '#shared/billing/settings.ts';
import { type TaxRule, type TaxTotals, taxLines } from '#shared/billing/tax.ts';
import { failedConditions, transactWithRetry } from '#shared/billing/transact.ts';
import { readCatalogue, sellableSkus } from '#shared/catalogue/read.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { AppError, ConflictError, NotFoundError } from '#shared/http/errors.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import { newId } from '#shared/ids.ts';
import { money } from '#shared/money.ts';
import { assertOrderFits } from '#shared/orders/issue-licences.ts';
import {
  type Order,
  type OrderLine,
  orderFromItem,
  orderItem,
  orderKey,
  type ShopOrderState,
  type StoredOrder,
} from '#shared/orders/model.ts';
import { orderReferenceItem } from '#shared/orders/order-reference-claim.ts';
import { nextOrderReference } from '#shared/orders/order-reference.ts';
import type { PricedLine } from '#shared/orders/pricing.ts';
import type { LineText } from '#shared/orders/fields.ts';
import { orderSearchItems } from '#shared/search/search-entry.ts';
import { type Cart, cartWrite, getCart } from '#shared/shop/cart.ts';
import { pricedCart } from '#shared/shop/priced-cart.ts';
import { quoteCartActions } from '#shared/shop/cart-lines.ts';
import { actionItemsOf, type QuoteContext } from '#shared/shop/line-actions.ts';
import { lineDescription, lineKey } from '#shared/shop/line-key.ts';
import { accountCurrency } from '#shared/shop/currency.ts';
import { CHECKOUT_RECORD_DAYS, checkoutRecordItem, readCheckoutRecord } from '#shared/shop/checkout-record.ts';
import type { PaymentMethodId } from '#shared/shop/payment-methods.ts';
import { mailPlacedOrder } from '#shared/shop/order-mail.ts';
import { now } from '#shared/time.ts';

/** One line as the review page and a PRICES_CHANGED answer show it: net, VAT and gross at today's prices. */
export interface ReviewLine {
  /** The cart's key of the line: its SKU, or an action line's `RENEW-<id>` / `UPGRADE-<id>`. */
  key: string;
  sku: string;
  product: string;
  edition: string;
  /** An action line's text as facts (shared/subscriptions/line-text.ts). */
  text?: LineText;
  users: number;
  quantity: number;
  unitNetMinor: number;
  netMinor: number;
  vatMinor: number;
  grossMinor: number;
  /** The unit price when the line went into the cart, when today's differs. */
  previousUnitNetMinor?: number;
}

export interface CheckoutReview {
  currency: string;
  lines: ReviewLine[];
  /** SKUs in the cart that can no longer be bought (retired, no price): checkout refuses until they are removed. */
  unavailable: string[];
  tax: TaxRule;
  totals: TaxTotals;
  buyer: InvoiceBuyer;
}

/** The cart at today's catalogue prices, taxed for the buyer: what the review shows and what checkout places. */
export interface PricedCheckout extends CheckoutReview {
  /** Every line as the order records it, in cart order (action lines included). */
  orderLines: OrderLine[];
  /** The lines that issue licences, with their catalogue SKU: what the order-size check counts per unit. */
  licenceLines: PricedLine[];
}

/** Lines taxed for the buyer: the review's lines and totals (shared by checkout and direct orders). */
export function taxedReview(
  orderLines: readonly OrderLine[],
  buyer: InvoiceBuyer,
  previously: ReadonlyMap<string, number | undefined> = new Map(),
): Pick<CheckoutReview, 'lines' | 'tax' | 'totals'> {
  const tax = buyerTaxRule(buyer);
  const taxed = taxLines(
    orderLines.map((line) => line.subtotal.amountMinor),
    tax,
  );
  return {
    tax,
    totals: taxed.totals,
    lines: orderLines.map((line, index) => {
      const key = lineKey(line);
      const before = previously.get(key);
      return {
        key,
        sku: line.sku,
        product: line.product,
        edition: line.edition,
        ...(line.text ? { text: line.text } : {}),
        users: line.users,
        quantity: line.quantity,
        unitNetMinor: line.unitPrice.amountMinor,
        ...taxed.lines[index]!,
        ...(before !== undefined ? { previousUnitNetMinor: before } : {}),
      };
    }),
  };
}

/** The cart at today's prices, as the cart page prices it (the shop's pricedCart with its action quotes), taxed for the buyer. */
async function priceCart(cart: Cart, account: Account): Promise<PricedCheckout> {
  const catalogueRead = await readCatalogue();
  const catalogue = sellableSkus(catalogueRead);
  const context: QuoteContext = { buyer: account, currency: cart.currency, at: now(), catalogue: catalogueRead };
  const atToday = pricedCart(cart, catalogue, await quoteCartActions(context, cart.lines));
  const bySku = new Map(catalogue.map((product) => [product.sku, product]));
  // Every licence line comes from a catalogue SKU: its entry says how many items its fulfilment writes.
  const licenceLines = atToday.orderLines.flatMap((line) => (line.action ? [] : [{ product: bySku.get(line.sku)!, line }]));
  const buyer = invoiceBuyer(account);
  return {
    currency: cart.currency,
    orderLines: atToday.orderLines,
    licenceLines,
    unavailable: atToday.lines.flatMap((line) => (line.unavailable ? [line.key] : [])),
    buyer,
    ...taxedReview(atToday.orderLines, buyer, new Map(atToday.lines.map((line) => [line.key, line.priceChanged?.was.amountMinor]))),
  };
}

async function readAccountItem(accountId: string) {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: accountKey(accountId), ConsistentRead: true }));
  if (!found.Item) throw new NotFoundError('No such account.');
  return found.Item;
}

export interface CheckoutPreview {
  review: CheckoutReview;
  /** False while company data awaits verification: placing the order answers 403 COMPANY_NOT_VERIFIED. */
  mayPay: boolean;
  /** The balance in the cart's currency (minor units), for "pay from balance". */
  balanceMinor: number;
  /** Days an unpaid order waits for its payment. */
  orderExpiryDays: number;
}

/** What the checkout page shows: the cart re-priced and taxed, the buyer's billing data and the available balance. */
export async function checkoutPreview(accountId: string): Promise<CheckoutPreview> {
  const item = await readAccountItem(accountId);
  const account = accountFromItem(item);
  const cart = await getCart(accountId, accountCurrency(account), false);
  const { orderLines: _lines, licenceLines: _licences, ...review } = await priceCart(cart, account);
  return {
    review,
    mayPay: accountMayPay(account),
    balanceMinor: balancesOf(item)[cart.currency] ?? 0,
    orderExpiryDays: billingSettings().orderExpiryDays,
  };
}

export interface CheckoutInput {
  idempotencyKey: string;
  paymentMethod: PaymentMethodId;
  acceptedTotalMinor: number;
}

export interface PlacedOrder {
  order: StoredOrder;
  /** True when this answers a retry of the same key: nothing was written or mailed now. */
  replayed: boolean;
}

/**
 * Items the fulfilment of a paid order writes besides its licences (the order, the VAT invoice's three, the payment and
 * its claim, two of the ledger, the account, the audit entry's): an order whose licences would not fit one transaction
 * with them is refused at checkout, not when it is paid.
 */
export const FULFILMENT_FIXED_ITEMS = 12;

function fingerprint(parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

const cartFingerprint = (cart: Pick<Cart, 'currency' | 'lines'>) =>
  fingerprint([cart.currency, cart.lines.map((line) => [lineKey(line), line.quantity])]);
const requestFingerprint = (input: CheckoutInput) => fingerprint([input.paymentMethod, input.acceptedTotalMinor]);

/**
 * The order an earlier request with this key placed, or undefined for a new key. The same request (method and accepted
 * total) on the cart that key emptied, or on the same cart again, is a retry; anything else is 409 IDEMPOTENCY_KEY_REUSED.
 */
async function replay(accountId: string, input: CheckoutInput, cart: Cart | undefined): Promise<PlacedOrder | undefined> {
  const record = await readCheckoutRecord(accountId, input.idempotencyKey);
  if (!record) return undefined;
  const current = cart ?? (await getCart(accountId, '', true));
  const sameCart = current.lines.length === 0 || cartFingerprint(current) === record.cartFingerprint;
  if (record.requestFingerprint !== requestFingerprint(input) || !sameCart) {
    throw new ConflictError(
      'This checkout key was already used for another cart. Reload the checkout page to place a new order.',
      'IDEMPOTENCY_KEY_REUSED',
    );
  }
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: orderKey(accountId, record.orderId), ConsistentRead: true }));
  if (!found.Item)
    throw new ConflictError('The order placed with this key has since been moved to another account.', 'IDEMPOTENT_ORDER_MOVED');
  return { order: orderFromItem(found.Item), replayed: true };
}

/** Places the order (see the file's comment); `caller` is who checks out, for the contact and the mail's language. */
export async function placeOrder(caller: CustomerCaller, input: CheckoutInput): Promise<PlacedOrder> {
  const { accountId } = caller;
  const earlier = await replay(accountId, input, undefined);
  if (earlier) return earlier;

  const accountItemRead = await readAccountItem(accountId);
  const account = accountFromItem(accountItemRead);
  assertMayPay(account);
  const cart = await getCart(accountId, accountCurrency(account), true);
  if (cart.lines.length === 0) {
    // A request with this key may have emptied it since we looked for its record.
    const first = await replay(accountId, input, cart);
    if (first) return first;
    throw new AppError(400, 'CART_EMPTY', 'Your cart is empty: add a product before checking out.');
  }
  const checkout = await priceCart(cart, account);
  if (checkout.unavailable.length) {
    throw new AppError(
      400,
      'CART_UNAVAILABLE',
      'Some products in your cart can no longer be bought. Remove them from the cart and check out again.',
      { skus: checkout.unavailable },
    );
  }
  if (checkout.totals.grossMinor !== input.acceptedTotalMinor) {
    throw new ConflictError('Prices changed since you saw them. Check the new total and place the order again.', 'PRICES_CHANGED', {
      currency: checkout.currency,
      lines: checkout.lines,
      totals: checkout.totals,
    } as unknown as Record<string, unknown>);
  }
  assertOrderFits(checkout.licenceLines, FULFILMENT_FIXED_ITEMS + actionItemsOf(checkout.orderLines));

  let at: Draft['at'] | undefined;
  try {
    const placed = await transactWithRetry(async () => {
      const draft = await buildPrepaymentOrder({
        account,
        placedBy: placedByOf(caller, account),
        checkout,
        paymentMethod: input.paymentMethod,
        record: {
          idempotencyKey: input.idempotencyKey,
          requestFingerprint: requestFingerprint(input),
          cartFingerprint: cartFingerprint(cart),
        },
        cart,
      });
      at = draft.at;
      return { items: draft.items, retryOnConditionAt: [draft.at.counter], result: draft.order };
    });
    // The order stands whatever happens to the mail (mailPlacedOrder logs a failure).
    await mailPlacedOrder(placed);
    return { order: placed, replayed: false };
  } catch (error) {
    const failed = failedConditions(error);
    if (!at || failed.size === 0) throw error;
    // Another request with this key won the race (its record and the cart it emptied): answer its order.
    if (failed.has(at.record)) {
      const first = await replay(accountId, input, undefined);
      if (first) return first;
    }
    if (failed.has(at.cart)) {
      throw new ConflictError('Your cart changed while the order was being placed. Check it and place the order again.', 'CART_CHANGED');
    }
    throw error;
  }
}

export interface Draft {
  order: StoredOrder;
  items: TransactItem[];
  /** Where the conditional items sit in `items`, to read a cancellation's reasons by (`cart`: -1 without a cart). */
  at: { counter: number; record: number; cart: number };
}

/** Who places an order: the order's contact and the language of its mail. */
export interface PlacedBy {
  name: string;
  email: string;
  locale: Locale;
}

export function placedByOf(caller: CustomerCaller, account: Pick<Account, 'name'>): PlacedBy {
  return {
    name: [caller.person.firstName, caller.person.lastName].filter(Boolean).join(' ') || account.name,
    email: caller.email,
    locale: caller.person.locale ?? 'en',
  };
}

/**
 * The items of one prepayment order (see the file's comment): its proforma, the order awaiting payment, its reference
 * claim and search entry, the account's newest order, the idempotency record of the page's key and, from a cart, the
 * emptied cart. Checkout and direct orders (shared/shop/direct-order.ts) both place orders through here.
 */
export async function buildPrepaymentOrder(args: {
  account: Account;
  placedBy: PlacedBy;
  checkout: Pick<PricedCheckout, 'orderLines' | 'buyer' | 'currency' | 'tax' | 'totals'>;
  paymentMethod: PaymentMethodId;
  record: { idempotencyKey: string; requestFingerprint: string; cartFingerprint: string };
  cart?: Cart;
}): Promise<Draft> {
  const { account, placedBy, checkout, cart } = args;
  const at = now();
  const orderId = newId(at);
  const reference = await nextOrderReference();
  const expiresAt = new Date(at.getTime() + billingSettings().orderExpiryDays * 24 * 60 * 60 * 1000);
  const proforma = await invoiceDraft({
    kind: 'proforma',
    accountId: account.accountId,
    at,
    buyer: checkout.buyer,
    currency: checkout.currency,
    lines: checkout.orderLines.map((line) => ({
      description: lineDescription(line, placedBy.locale),
      sku: line.sku,
      quantity: line.quantity,
      unitNetMinor: line.unitPrice.amountMinor,
    })),
    tax: checkout.tax,
    dueAt: expiresAt,
    order: { orderId, reference },
  });
  const order: Order = {
    orderId,
    reference,
    orderedAt: at.toISOString(),
    total: money(checkout.totals.grossMinor, checkout.currency),
    lines: checkout.orderLines,
    contact: { name: placedBy.name, email: placedBy.email, country: checkout.buyer.country, city: checkout.buyer.address.city },
  };
  const { profileType, ...party } = checkout.buyer;
  const shop: ShopOrderState = {
    status: 'awaiting-payment',
    purpose: 'purchase',
    paymentMethod: args.paymentMethod,
    tax: {
      treatment: checkout.tax.treatment,
      rateBasisPoints: checkout.tax.rateBasisPoints,
      netMinor: checkout.totals.netMinor,
      vatMinor: checkout.totals.vatMinor,
    },
    paidMinor: 0,
    balanceUsedMinor: 0,
    expiresAt: expiresAt.toISOString(),
    billing: {
      name: party.name,
      address: party.address,
      country: party.country,
      ...(party.vatId ? { vatId: party.vatId } : {}),
      profileType,
    },
    proforma: { invoiceId: proforma.invoice.invoiceId, number: proforma.invoice.number },
    version: 1,
  };
  const item = orderItem({ accountId: account.accountId, order, locale: placedBy.locale, issued: [], shop });
  const TableName = tableName();
  const items: TransactItem[] = [
    ...proforma.items,
    { Put: { TableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
    { Put: { TableName, Item: orderReferenceItem(account.accountId, order), ConditionExpression: 'attribute_not_exists(PK)' } },
    ...orderSearchItems(account.accountId, order).map((Item) => ({ Put: { TableName, Item } })),
    accountPurchaseUpdate(TableName, account.accountId, { licencesAdded: 0, lastOrder: { reference, orderedAt: order.orderedAt } }),
    {
      Put: {
        TableName,
        Item: checkoutRecordItem(args.record.idempotencyKey, {
          accountId: account.accountId,
          orderId,
          requestFingerprint: args.record.requestFingerprint,
          cartFingerprint: args.record.cartFingerprint,
          createdAt: order.orderedAt,
          expiresAt: Math.floor(at.getTime() / 1000) + CHECKOUT_RECORD_DAYS * 24 * 60 * 60,
        }),
        // An expired record that DynamoDB has not removed yet does not hold the key.
        ConditionExpression: 'attribute_not_exists(PK) OR expiresAt <= :now',
        ExpressionAttributeValues: { ':now': Math.floor(at.getTime() / 1000) },
      },
    },
    ...(cart ? [cartWrite(cart, { accountId: cart.accountId, currency: cart.currency, lines: [], updatedAt: order.orderedAt })] : []),
  ];
  return {
    order: orderFromItem(item),
    items,
    at: cart
      ? { counter: proforma.counterIndex, record: items.length - 2, cart: items.length - 1 }
      : { counter: proforma.counterIndex, record: items.length - 1, cart: -1 },
  };
}
