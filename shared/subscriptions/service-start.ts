// A service plan bought (issue #15): each unit of a SKU with a `period` starts a service Subscription, paid for its
// first period from the moment it was paid for (a shop order's payment, or a staff order when written), instead of a
// licence. No identifier yet: staff set the host or IP address once the service is provisioned.

import type { Item } from '#shared/db/entity.ts';
import type { Money } from '#shared/money.ts';
import type { SellableSku } from '#shared/catalogue/read.ts';
import { newId } from '#shared/ids.ts';
import { subscriptionEventItem } from '#shared/subscriptions/events.ts';
import { type Subscription, subscriptionItem } from '#shared/subscriptions/model.ts';
import { addPeriods, type Period } from '#shared/subscriptions/periods.ts';

/** Table items per service unit: its subscription and its `created` event. */
export const ITEMS_PER_SERVICE = 2;

export interface ServiceStartInput {
  accountId: string;
  subscriptionId: string;
  /** The plan's SKU (it has a period). */
  product: SellableSku & { period: Period };
  /** The net price of one period: the order line's unit price. */
  price: Money;
  /** When it was paid for: the first period starts here. */
  at: Date;
  /** The order it was bought with (the demo seed's services have none). */
  order?: { orderId: string; reference: string };
  /**
   * The VAT invoice that paid it (shop orders; staff orders are settled outside the portal and have none), and the
   * order it invoiced: the subscription's `lastInvoice`, what a cancellation's refund corrects.
   */
  invoice?: { invoiceId: string; number: string; grossMinor: number; orderId: string };
  by: 'staff' | 'payment';
}

/** The new subscription and its items: the subscription (with its schedule place) and its `created` event. */
export function serviceStart(input: ServiceStartInput): { subscription: Subscription; items: Item[] } {
  const { product, at } = input;
  const startedAt = at.toISOString();
  const subscription: Subscription = {
    subscriptionId: input.subscriptionId,
    accountId: input.accountId,
    kind: 'service',
    productId: product.productId ?? product.product,
    product: product.product,
    sku: product.sku,
    plan: product.edition,
    users: product.users,
    period: product.period,
    price: input.price,
    startedAt,
    paidUntil: addPeriods(at, product.period, 1).toISOString(),
    status: 'active',
    autoRenew: false,
    ...(input.invoice
      ? {
          lastInvoice: {
            invoiceId: input.invoice.invoiceId,
            number: input.invoice.number,
            orderId: input.invoice.orderId,
            grossMinor: input.invoice.grossMinor,
            coversFrom: input.at.toISOString(),
          },
        }
      : {}),
    remindersSent: [],
    version: 1,
    updatedAt: startedAt,
  };
  const created = subscriptionEventItem(input.accountId, {
    eventId: newId(at),
    subscriptionId: subscription.subscriptionId,
    kind: 'created',
    at: startedAt,
    by: input.by,
    paidUntil: { from: startedAt, to: subscription.paidUntil },
    ...(input.order ? { order: input.order } : {}),
    ...(input.invoice ? { invoice: { invoiceId: input.invoice.invoiceId, number: input.invoice.number } } : {}),
    amount: input.price,
    periods: 1,
  });
  return { subscription, items: [subscriptionItem(subscription), created] };
}

/** Is this SKU a service plan (sold by period: buying it starts a subscription)? */
export function isServicePlan<T extends { period?: Period }>(product: T): product is T & { period: Period } {
  return product.period !== undefined;
}
