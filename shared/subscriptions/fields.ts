// The fields of a subscription and of its history events, declared once, pure (shared/licences/fields.ts says why
// functions): the API contracts (shared/api/subscriptions.ts, which the web imports) wrap them in strict objects with
// what the API adds, the entity schemas (model.ts, events.ts) in z.objects with what only the table keeps.

import * as z from '#shared/validation.ts';

export const SUBSCRIPTION_KINDS = ['support', 'service'] as const;
export type SubscriptionKind = (typeof SUBSCRIPTION_KINDS)[number];

export const SUBSCRIPTION_STATUSES = ['active', 'due', 'overdue', 'suspended', 'cancelled', 'ended'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export const SUBSCRIPTION_EVENT_KINDS = [
  'created',
  'renewed',
  'plan-changed',
  'plan-change-scheduled',
  'cancel-requested',
  'cancelled',
  'status-changed',
  'reminded',
  'auto-renew-failed',
  'auto-renew-changed',
  'identifier-changed',
] as const;
export type SubscriptionEventKind = (typeof SUBSCRIPTION_EVENT_KINDS)[number];

type MoneySchema = z.ZodMiniType<{ amountMinor: number; currency: string }>;

export function subscriptionFields<const T extends z.ZodMiniType<string>, const M extends MoneySchema>(timestamp: T, money: M) {
  return {
    subscriptionId: z.string(),
    accountId: z.string(),
    kind: z.enum(SUBSCRIPTION_KINDS),
    productId: z.string(),
    product: z.string(),
    sku: z.string(),
    plan: z.string(),
    users: z.number(),
    identifier: z.optional(z.object({ kind: z.enum(['ip', 'host', 'serial']), value: z.string() })),
    licenceId: z.optional(z.string()),
    period: z.object({ unit: z.enum(['month', 'year']), count: z.number() }),
    price: money,
    startedAt: timestamp,
    paidUntil: timestamp,
    status: z.enum(SUBSCRIPTION_STATUSES),
    autoRenew: z.boolean(),
    cancelRequestedAt: z.optional(timestamp),
    endedAt: z.optional(timestamp),
    endingAt: z.optional(timestamp),
    pendingPlan: z.optional(z.object({ sku: z.string(), plan: z.string(), users: z.number(), price: money })),
    lastInvoice: z.optional(
      z.object({
        /** The account that holds the invoice and paid it: the licensee, or a distributor that bought for it (absent: the licensee). */
        accountId: z.optional(z.string()),
        invoiceId: z.string(),
        number: z.string(),
        orderId: z.string(),
        grossMinor: z.number(),
        coversFrom: z.optional(timestamp),
      }),
    ),
    spanChanges: z.optional(
      z.array(
        z.object({
          kind: z.enum(['upgrade', 'credit', 'period']),
          invoice: z.optional(z.object({ accountId: z.optional(z.string()), invoiceId: z.string(), number: z.string() })),
          grossMinor: z.number(),
          coversFrom: timestamp,
          coversUntil: z.optional(timestamp),
        }),
      ),
    ),
    updatedAt: timestamp,
  };
}

export function subscriptionEventFields<const T extends z.ZodMiniType<string>, const M extends MoneySchema>(timestamp: T, money: M) {
  return {
    eventId: z.string(),
    subscriptionId: z.string(),
    kind: z.enum(SUBSCRIPTION_EVENT_KINDS),
    at: timestamp,
    by: z.enum(['customer', 'staff', 'job', 'payment']),
    paidUntil: z.optional(z.object({ from: timestamp, to: timestamp })),
    status: z.optional(z.object({ from: z.enum(SUBSCRIPTION_STATUSES), to: z.enum(SUBSCRIPTION_STATUSES) })),
    plan: z.optional(z.object({ from: z.string(), to: z.string() })),
    order: z.optional(z.object({ orderId: z.string(), reference: z.string() })),
    invoice: z.optional(z.object({ invoiceId: z.string(), number: z.string() })),
    /**
     * A cancellation's corrections, one per invoice refunded, each with the account that holds it and what it credited
     * (negative). Older `cancelled` events name only the first, as `invoice`.
     */
    corrections: z.optional(
      z.array(z.object({ accountId: z.optional(z.string()), invoiceId: z.string(), number: z.string(), amount: z.optional(money) })),
    ),
    amount: z.optional(money),
    periods: z.optional(z.number()),
    days: z.optional(z.number()),
    /** Why, in the words of whoever did it (a cancellation's reason). */
    reason: z.optional(z.string()),
    /** Auto-renew as set by an 'auto-renew-changed' event. */
    autoRenew: z.optional(z.boolean()),
    /** The identifier before and after an 'identifier-changed' event (staff set the server's address). */
    identifier: z.optional(z.object({ kind: z.enum(['ip', 'host', 'serial']), from: z.optional(z.string()), to: z.string() })),
  };
}
