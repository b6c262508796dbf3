// The table items one licence purchase writes: the licence and, when support years come with it, its support & updates
// subscription (each built by its entity module). Staff-created orders and the demo seed both build them here, so the
// licence's `supportEndsAt` is always the end of the subscription written with it.

import type { Item } from '#shared/db/entity.ts';
import { licenceItem, type Licence } from '#shared/licences/model.ts';
import type { Money } from '#shared/money.ts';
import { type Subscription, subscriptionItem } from '#shared/subscriptions/model.ts';
import { supportSubscriptionItem, type SupportSubscription } from '#shared/support/model.ts';

export interface LicencePurchase {
  accountId: string;
  licenceId: string;
  /** Used only when `supportYears` is more than 0: a ULID of the subscription's start (newId(purchasedAt)). */
  subscriptionId?: string;
  orderId: string;
  orderReference: string;
  purchasedAt: Date;
  product: string;
  edition: string;
  users: number;
  serial: string;
  days?: number;
  /** Whole years of support & updates from the purchase; 0 or absent for none. */
  supportYears?: number;
  /**
   * With support: what renewing it costs per year, and the catalogue product and SKU it was bought as. The purchase then
   * also writes the renewable Subscription (issue #15, same id as its first support term). Imports know no price: none.
   */
  renewal?: { productId: string; sku: string; yearlyPrice: Money };
}

export interface IssuedPurchase {
  licence: Licence;
  subscription?: SupportSubscription;
  /** The renewable subscription of the support (when the purchase named its renewal price). */
  renewable?: Subscription;
  items: Item[];
}

/** The same instant `years` calendar years later (29 February falls on 1 March). */
export function addYears(date: Date, years: number): Date {
  const copy = new Date(date);
  copy.setUTCFullYear(copy.getUTCFullYear() + years);
  return copy;
}

/** The licence of one purchase and its support subscription (if any), as values and as table items. */
export function licencePurchase(purchase: LicencePurchase): IssuedPurchase {
  const years = purchase.supportYears ?? 0;
  const purchasedAt = purchase.purchasedAt.toISOString();
  const supportEndsAt = years > 0 ? addYears(purchase.purchasedAt, years).toISOString() : undefined;
  const licence: Licence = {
    licenceId: purchase.licenceId,
    product: purchase.product,
    serial: purchase.serial,
    ...(purchase.days ? { days: purchase.days } : {}),
    users: purchase.users,
    edition: purchase.edition,
    orderId: purchase.orderId,
    orderReference: purchase.orderReference,
    purchasedAt,
    ...(supportEndsAt ? { supportEndsAt } : {}),
  };
  if (!supportEndsAt) return { licence, items: [licenceItem(purchase.accountId, licence)] };
  if (!purchase.subscriptionId) throw new TypeError('A purchase with support years needs a subscriptionId');
  const subscription: SupportSubscription = {
    subscriptionId: purchase.subscriptionId,
    licenceId: licence.licenceId,
    product: licence.product,
    serial: licence.serial,
    users: licence.users,
    edition: licence.edition,
    orderId: licence.orderId,
    orderReference: licence.orderReference,
    startsAt: purchasedAt,
    years,
    endsAt: supportEndsAt,
  };
  const items = [licenceItem(purchase.accountId, licence), supportSubscriptionItem(purchase.accountId, subscription)];
  if (!purchase.renewal) return { licence, subscription, items };
  const renewable: Subscription = {
    subscriptionId: subscription.subscriptionId,
    accountId: purchase.accountId,
    kind: 'support',
    productId: purchase.renewal.productId,
    product: licence.product,
    sku: purchase.renewal.sku,
    plan: licence.edition,
    users: licence.users,
    identifier: { kind: 'serial', value: licence.serial },
    licenceId: licence.licenceId,
    period: { unit: 'year', count: 1 },
    price: purchase.renewal.yearlyPrice,
    startedAt: purchasedAt,
    paidUntil: supportEndsAt,
    status: 'active',
    autoRenew: false,
    remindersSent: [],
    version: 1,
    updatedAt: purchasedAt,
  };
  return { licence, subscription, renewable, items: [...items, subscriptionItem(renewable)] };
}
