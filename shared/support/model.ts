// A support & updates subscription: new versions and help for one licence, for whole years from its start.

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

/** Picks the subscription's own fields from a table item, so keys and index attributes never leave the API. */
export function toSupportSubscriptionView(item: Record<string, unknown>, now: Date): SupportSubscriptionView {
  const subscription: SupportSubscription = {
    subscriptionId: item.subscriptionId as string,
    licenceId: item.licenceId as string,
    product: item.product as string,
    serial: item.serial as string,
    users: item.users as number,
    edition: item.edition as string,
    orderId: item.orderId as string,
    orderReference: item.orderReference as string,
    startsAt: item.startsAt as string,
    years: item.years as number,
    endsAt: item.endsAt as string,
  };
  return { ...subscription, status: supportStatus(subscription.endsAt, now) };
}
