// The table items an order writes: the order (with its lines and what it issued) and the claim of its reference.
// Staff-created orders and the demo seed both build them here.

import { keys } from '#shared/db/keys.ts';
import { normaliseEmail } from '#shared/email.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import type { IssuedPurchase } from '#shared/licences/licence-items.ts';
import type { Order } from '#shared/orders/model.ts';
import type { IssuedLicence } from '#shared/orders/staff-model.ts';

export interface OrderRecord {
  accountId: string;
  order: Order;
  /** The language of the order's e-mails. */
  locale: Locale;
  issued: IssuedLicence[];
}

/**
 * The order, in its account's partition, and in the GSI1 partition of the customer's e-mail (staff look orders up by
 * e-mail there, newest first).
 */
export function orderItem(record: OrderRecord): Record<string, unknown> {
  const email = normaliseEmail(record.order.contact.email);
  return {
    ...keys.order(record.accountId, record.order.orderId),
    ...keys.ordersByEmail(email, record.order.orderId),
    type: 'Order',
    accountId: record.accountId,
    email,
    locale: record.locale,
    ...record.order,
    issued: record.issued,
  };
}

/**
 * The reference's claim: put with `attribute_not_exists(PK)` it makes references unique table-wide, sign-in with
 * e-mail + order number finds the account through it, and it sits in the GSI1 partition of every order (the staff list),
 * carrying the summary that list shows.
 */
export function orderReferenceItem(accountId: string, order: Pick<Order, 'orderId' | 'reference' | 'orderedAt' | 'total' | 'contact'>) {
  return {
    ...keys.orderReference(order.reference),
    ...keys.ordersIndex(order.orderId),
    type: 'OrderReference',
    accountId,
    orderId: order.orderId,
    reference: order.reference,
    orderedAt: order.orderedAt,
    total: order.total,
    email: normaliseEmail(order.contact.email),
  };
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
