// The support subscription entity: support & updates (new versions and help) for one licence, for whole years from its
// start. Owns its keys, its item, `supportSubscriptionItem` / `supportSubscriptionFromItem` and its status rule.

import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys, SK_PREFIX } from '#shared/db/keys.ts';
import { supportSubscriptionFields } from '#shared/support/fields.ts';
import * as z from '#shared/validation.ts';

export type SupportStatus = 'active' | 'expiring' | 'expired';

/** A subscription that ends within this many days is shown as expiring, so the customer can renew in time. */
export const EXPIRING_WITHIN_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SupportSubscription {
  /** A ULID whose time is the subscription's start, so sort-key order is start-date order. */
  subscriptionId: string;
  licenceId: string;
  product: string;
  /** The covered licence's serial number or computer id. */
  serial: string;
  users: number;
  edition: string;
  orderId: string;
  orderReference: string;
  startsAt: string;
  years: number;
  endsAt: string;
}

export interface SupportSubscriptionView extends SupportSubscription {
  status: SupportStatus;
}

/**
 * Computed when read, never stored, so it is right on the day it changes: expired from the end instant on,
 * expiring while at most EXPIRING_WITHIN_DAYS days are left, active before that.
 */
export function supportStatus(endsAt: string, now: Date): SupportStatus {
  const left = new Date(endsAt).getTime() - now.getTime();
  if (left <= 0) return 'expired';
  return left <= EXPIRING_WITHIN_DAYS * DAY_MS ? 'expiring' : 'active';
}

export const supportSubscriptionKey = keys.supportSubscription;
/** Sort-key prefix of an account's subscriptions (Query with begins_with). */
export const SUPPORT_PREFIX = SK_PREFIX.supportSubscription;
/** GSI1 partition holding the support subscriptions that cover one licence (the licence detail page). */
export const supportByLicenceKey = keys.supportByLicence;

const supportSubscriptionSchema = /* @__PURE__ */ lazySchema(() => z.object(supportSubscriptionFields(z.string())));

export function supportSubscriptionItem(accountId: string, subscription: SupportSubscription): Item {
  return {
    ...supportSubscriptionKey(accountId, subscription.subscriptionId),
    ...supportByLicenceKey(accountId, subscription.licenceId, subscription.subscriptionId),
    type: 'SupportSubscription',
    accountId,
    ...subscription,
  };
}

/** The subscription's own fields from a table item, validated: keys and index attributes never leave the API. */
export function supportSubscriptionFromItem(item: Item): SupportSubscription {
  return parseItem('SupportSubscription', supportSubscriptionSchema, item);
}

/** What the support pages show of a stored subscription: its own fields and its status at `now`. */
export function toSupportSubscriptionView(item: Item, now: Date): SupportSubscriptionView {
  const subscription = supportSubscriptionFromItem(item);
  return { ...subscription, status: supportStatus(subscription.endsAt, now) };
}
