// The order entity: an order the customer placed (or staff placed for them), with its lines, the contact given at
// purchase and the licences it issued. Owns its keys, its item, `orderItem` / `orderFromItem` and the customer's view.

import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys, SK_PREFIX } from '#shared/db/keys.ts';
import { normaliseEmail } from '#shared/email.ts';
import { DEFAULT_LOCALE, localeSchema, type Locale } from '#shared/i18n/locale.ts';
import type { IssuedPurchase } from '#shared/licences/licence-items.ts';
import type { Money } from '#shared/money.ts';
import {
  contactFields,
  issuedLicenceFields,
  FULFILMENT_REFUSALS,
  ORDER_STATUSES,
  orderLineFields,
  orderSummaryFields,
  PAYMENT_METHODS,
  startedServiceFields,
  type FulfilmentRefusal,
  type LineAction,
  type LineText,
} from '#shared/orders/fields.ts';
import type { Period } from '#shared/subscriptions/periods.ts';
import type { Subscription } from '#shared/subscriptions/model.ts';
import * as z from '#shared/validation.ts';

export interface OrderLine {
  product: string;
  sku: string;
  edition: string;
  users: number;
  quantity: number;
  unitPrice: Money;
  subtotal: Money;
  /** The catalogue's price version the unit price was taken from; absent on orders placed before prices had versions. */
  priceVersion?: number;
  /** A renewal, upgrade or plan change (issue #15) instead of new licences; fulfilled by shared/shop/line-actions.ts. */
  action?: LineAction;
  /** An action line's text as data, printed in each reader's language (shared/subscriptions/line-text.ts). */
  text?: LineText;
}

export interface Order {
  orderId: string;
  /** Unique, human-facing reference such as JWT1042. */
  reference: string;
  orderedAt: string;
  total: Money;
  lines: OrderLine[];
  contact: { name: string; email: string; country: string; city: string };
}

/** What the orders list shows of each order. */
export type OrderSummary = Pick<Order, 'orderId' | 'reference' | 'orderedAt' | 'total'>;

/** One licence an order issued, as the order keeps it (the order item holds a bounded list of them). */
export interface IssuedLicence {
  licenceId: string;
  sku?: string;
  product: string;
  edition: string;
  users: number;
  serial: string;
  days?: number;
  /** The support & updates subscription bought with it, if any. */
  subscriptionId?: string;
  supportEndsAt?: string;
  /** The licensee's account when it is not the order's (a distributor's order upgrading a client's licence). */
  accountId?: string;
}

/**
 * One service subscription the order started (issue #15): a unit of a service plan (a SKU with a period) starts a
 * subscription instead of a licence, so it has no place in `issued`. Kept as it was started (the subscription itself
 * moves on: renewals, plan changes).
 */
export interface StartedService {
  subscriptionId: string;
  sku: string;
  product: string;
  plan: string;
  period: Period;
  /** The end of the first period paid with the order. */
  paidUntil: string;
}

/** The order as stored: the customer's view plus its account, the e-mail it was placed for, its language and licences. */
export interface StoredOrder extends Order {
  accountId: string;
  /** The contact e-mail, normalised: its GSI1 partition is that customer's orders. */
  email: string;
  /** The language of the order's e-mails. */
  locale: Locale;
  issued: IssuedLicence[];
  /** The service subscriptions it started (absent when none). */
  services?: StartedService[];
  /** Prepayment orders from the shop (issue #14); absent on orders staff placed, which are fulfilled when written. */
  shop?: ShopOrderState;
}

/**
 * A prepayment order's life: placed -> awaiting-payment -> paid -> fulfilled, or cancelled / expired while it waits.
 * (`placed` is the instant of checkout: the order is written awaiting its payment, or paid at once from the balance.)
 */
export { ORDER_STATUSES, PAYMENT_METHODS };
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type PaymentMethodId = (typeof PAYMENT_METHODS)[number];

/** What a shop order adds: its state, how it is paid, its tax, its invoices and the billing data copied in at checkout. */
export interface ShopOrderState {
  status: OrderStatus;
  /** `purchase` of catalogue products, or a `top-up` of the balance (one line: the amount). */
  purpose: 'purchase' | 'top-up';
  paymentMethod: PaymentMethodId;
  /** Net, VAT and gross (= `total`) in the order's currency, per the tax rule of the buyer at checkout. */
  tax: { treatment: 'domestic' | 'reverse-charge' | 'export' | 'consumer'; rateBasisPoints: number; netMinor: number; vatMinor: number };
  /** Money received so far (bank transfers and the balance), minor units of the order's currency. */
  paidMinor: number;
  /** Of which from the balance. */
  balanceUsedMinor: number;
  /** When an unpaid order expires. */
  expiresAt: string;
  billing: {
    name: string;
    address: { line1: string; line2?: string; postalCode: string; city: string };
    country: string;
    vatId?: string;
    profileType: 'individual' | 'company';
  };
  proforma?: { invoiceId: string; number: string };
  invoice?: { invoiceId: string; number: string };
  paidAt?: string;
  fulfilledAt?: string;
  /** When it was cancelled or expired. */
  closedAt?: string;
  /** Cancelled because a paid line could no longer be fulfilled (its money went to the balance): which refusal. */
  closedBecause?: FulfilmentRefusal;
  /** Bumped by every change of the state: each change is conditional on the version it read. */
  version: number;
}

export const orderKey = keys.order;
/** GSI1 partition of one customer e-mail's orders (on the order item), newest first when read backwards. */
export const ordersByEmailKey = keys.ordersByEmail;
/** Sort-key prefix of an account's orders (Query with begins_with). */
export const ORDER_PREFIX = SK_PREFIX.order;

export const moneyItemSchema = /* @__PURE__ */ lazySchema(() => z.object({ amountMinor: z.number(), currency: z.string() }));

const orderLineSchema = /* @__PURE__ */ lazySchema(() => z.object(orderLineFields(moneyItemSchema())));

const shopStateSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    status: z.enum(ORDER_STATUSES),
    purpose: z.enum(['purchase', 'top-up']),
    paymentMethod: z.enum(PAYMENT_METHODS),
    tax: z.object({
      treatment: z.enum(['domestic', 'reverse-charge', 'export', 'consumer']),
      rateBasisPoints: z.number(),
      netMinor: z.number(),
      vatMinor: z.number(),
    }),
    paidMinor: z.number(),
    balanceUsedMinor: z.number(),
    expiresAt: z.string(),
    billing: z.object({
      name: z.string(),
      address: z.object({ line1: z.string(), line2: z.optional(z.string()), postalCode: z.string(), city: z.string() }),
      country: z.string(),
      vatId: z.optional(z.string()),
      profileType: z.enum(['individual', 'company']),
    }),
    proforma: z.optional(z.object({ invoiceId: z.string(), number: z.string() })),
    invoice: z.optional(z.object({ invoiceId: z.string(), number: z.string() })),
    paidAt: z.optional(z.string()),
    fulfilledAt: z.optional(z.string()),
    closedAt: z.optional(z.string()),
    closedBecause: z.optional(z.enum(FULFILMENT_REFUSALS)),
    version: z.number(),
  }),
);

const issuedLicenceSchema = /* @__PURE__ */ lazySchema(() => z.object(issuedLicenceFields(z.string())));
const startedServiceSchema = /* @__PURE__ */ lazySchema(() => z.object(startedServiceFields(z.string())));

const orderSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    accountId: z.string(),
    ...orderSummaryFields(z.string(), moneyItemSchema()),
    lines: z.array(orderLineSchema()),
    contact: z.object(contactFields()),
    // Orders written before these attributes existed lack them: the contact's e-mail, English and no issued list.
    email: z.optional(z.string()),
    locale: z.optional(localeSchema),
    issued: z.optional(z.array(issuedLicenceSchema())),
    services: z.optional(z.array(startedServiceSchema())),
    shop: z.optional(shopStateSchema()),
  }),
);

/**
 * The order, in its account's partition, and in the GSI1 partition of the customer's e-mail (staff look orders up by
 * e-mail there, newest first).
 */
export function orderItem(record: {
  accountId: string;
  order: Order;
  locale: Locale;
  issued: IssuedLicence[];
  services?: StartedService[];
  shop?: ShopOrderState;
}): Item {
  const email = normaliseEmail(record.order.contact.email);
  return {
    ...orderKey(record.accountId, record.order.orderId),
    ...ordersByEmailKey(email, record.order.orderId),
    // An order waiting for its money is in the expiry job's index until it is paid, cancelled or expired.
    ...(record.shop?.status === 'awaiting-payment' ? keys.awaitingPayment(record.shop.expiresAt, record.order.orderId) : {}),
    type: 'Order',
    accountId: record.accountId,
    email,
    locale: record.locale,
    ...record.order,
    issued: record.issued,
    ...(record.services?.length ? { services: record.services } : {}),
    ...(record.shop ? { shop: record.shop } : {}),
  };
}

export function orderFromItem(item: Item): StoredOrder {
  const { email, locale, issued, services, shop, ...order } = parseItem('Order', orderSchema, item);
  return {
    ...order,
    email: email ?? order.contact.email,
    locale: locale ?? DEFAULT_LOCALE,
    issued: issued ?? [],
    ...(services?.length ? { services } : {}),
    ...(shop ? { shop } : {}),
  };
}

/** What the orders list shows: never keys, index attributes or the owning account. */
export function toOrderSummary(order: OrderSummary): OrderSummary {
  return { orderId: order.orderId, reference: order.reference, orderedAt: order.orderedAt, total: order.total };
}

/** The customer's view of a stored order. */
export function toOrder(stored: StoredOrder): Order {
  return { ...toOrderSummary(stored), lines: stored.lines, contact: stored.contact };
}

/** What the order keeps of one licence it issued (and the support bought with it). */
export function issuedLicence({ licence, subscription }: Pick<IssuedPurchase, 'licence' | 'subscription'>, sku: string): IssuedLicence {
  return {
    licenceId: licence.licenceId,
    sku,
    product: licence.product,
    edition: licence.edition,
    users: licence.users,
    serial: licence.serial,
    ...(licence.days ? { days: licence.days } : {}),
    ...(subscription ? { subscriptionId: subscription.subscriptionId, supportEndsAt: subscription.endsAt } : {}),
  };
}

/** What the order keeps of one service subscription it started. */
export function startedService(subscription: Subscription): StartedService {
  return {
    subscriptionId: subscription.subscriptionId,
    sku: subscription.sku,
    product: subscription.product,
    plan: subscription.plan,
    period: subscription.period,
    paidUntil: subscription.paidUntil,
  };
}
