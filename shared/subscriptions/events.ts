// A subscription's history (the manage page): every renewal, plan change, cancellation, status change, reminder and
// auto-renew attempt, each written in the same transaction as the change it records. Kept in the account's partition
// under the subscription, newest first when read backwards.

import type { TransactItem } from '#shared/audit/audit.ts';
import { tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { accountPartition, keys, SK_PREFIX } from '#shared/db/keys.ts';
import { queryPage, type Page } from '#shared/db/page.ts';
import { newId } from '#shared/ids.ts';
import type { Money } from '#shared/money.ts';
import {
  SUBSCRIPTION_EVENT_KINDS,
  subscriptionEventFields,
  type SubscriptionEventKind,
  type SubscriptionStatus,
} from '#shared/subscriptions/fields.ts';
import * as z from '#shared/validation.ts';

export { SUBSCRIPTION_EVENT_KINDS, type SubscriptionEventKind };

export interface SubscriptionEvent {
  eventId: string;
  subscriptionId: string;
  kind: SubscriptionEventKind;
  at: string;
  /** Who: the customer's user, a staff member, the daily job, or a payment's fulfilment. */
  by: 'customer' | 'staff' | 'job' | 'payment';
  /** Paid-until before and after (renewals, immediate cancellations). */
  paidUntil?: { from: string; to: string };
  /** Status before and after. */
  status?: { from: SubscriptionStatus; to: SubscriptionStatus };
  /** Plan before and after (plan changes). */
  plan?: { from: string; to: string };
  /** The order that paid it, and its invoice. */
  order?: { orderId: string; reference: string };
  invoice?: { invoiceId: string; number: string };
  /** A cancellation's corrections, one per invoice refunded (older `cancelled` events name only the first, as `invoice`). */
  corrections?: Array<{ accountId?: string; invoiceId: string; number: string; amount?: Money }>;
  /** Money charged (positive) or credited/refunded (negative) with it. */
  amount?: Money;
  /** Periods a renewal paid; the reminder's days before paid-until. */
  periods?: number;
  days?: number;
  /** Why, in the words of whoever did it (a cancellation's reason). */
  reason?: string;
  /** Auto-renew as set by an 'auto-renew-changed' event. */
  autoRenew?: boolean;
  /** The identifier before and after an 'identifier-changed' event (staff set the server's address). */
  identifier?: { kind: 'ip' | 'host' | 'serial'; from?: string; to: string };
}

const moneySchema = /* @__PURE__ */ lazySchema(() => z.object({ amountMinor: z.number(), currency: z.string() }));
const eventSchema = /* @__PURE__ */ lazySchema(() => z.object(subscriptionEventFields(z.string(), moneySchema())));

export function subscriptionEventItem(accountId: string, event: SubscriptionEvent): Item {
  return { ...keys.subscriptionEvent(accountId, event.subscriptionId, event.eventId), type: 'SubscriptionEvent', accountId, ...event };
}

export function subscriptionEventFromItem(item: Item): SubscriptionEvent {
  return parseItem('SubscriptionEvent', eventSchema, item);
}

/** The event's Put for a transaction (a new ULID id at `at`). */
export function subscriptionEventPut(accountId: string, event: Omit<SubscriptionEvent, 'eventId'>): TransactItem {
  const eventId = newId(new Date(event.at));
  return { Put: { TableName: tableName(), Item: subscriptionEventItem(accountId, { eventId, ...event }) } };
}

/** One subscription's history, newest first, a page at a time (the partition is the caller's account). */
export function listSubscriptionEvents(
  accountId: string,
  subscriptionId: string,
  page: { limit?: number; cursor?: string },
): Promise<Page<SubscriptionEvent>> {
  return queryPage(
    {
      partition: accountPartition(accountId),
      sortKeyPrefix: `${SK_PREFIX.subscriptionEvent}${subscriptionId}#`,
      newestFirst: true,
      ...(page.limit ? { limit: page.limit } : {}),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    },
    subscriptionEventFromItem,
  );
}
