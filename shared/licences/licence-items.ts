// The table items one licence purchase writes: the licence and, when support years come with it, its support & updates
// subscription (each built by its entity module). Staff-created orders and the demo seed both build them here, so the
// licence's `supportEndsAt` is always the end of the subscription written with it.

import type { Item } from '#shared/db/entity.ts';
import { licenceItem, type Licence } from '#shared/licences/model.ts';
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
}

export interface IssuedPurchase {
  licence: Licence;
  subscription?: SupportSubscription;
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
  return {
    licence,
    subscription,
    items: [licenceItem(purchase.accountId, licence), supportSubscriptionItem(purchase.accountId, subscription)],
  };
}
