// Route contracts of subscriptions and the services pages (issue #15). The views are declared here for every area of
// services over time (renewals, plan changes, cancellations, the distributor's view); the services area adds its routes.

import { moneySchema, timestamp } from '#shared/api/common.ts';
import { SUBSCRIPTION_EVENT_KINDS, SUBSCRIPTION_KINDS, SUBSCRIPTION_STATUSES } from '#shared/subscriptions/fields.ts';
import * as z from '#shared/validation.ts';

/** A subscription as the services pages show it (shared/subscriptions/model.ts SubscriptionView). */
export const subscriptionView = z.strictObject({
  subscriptionId: z.string(),
  accountId: z.string(),
  kind: z.enum(SUBSCRIPTION_KINDS),
  productId: z.string(),
  product: z.string(),
  sku: z.string(),
  plan: z.string(),
  users: z.number(),
  identifier: z.optional(z.strictObject({ kind: z.enum(['ip', 'host', 'serial']), value: z.string() })),
  licenceId: z.optional(z.string()),
  period: z.strictObject({ unit: z.enum(['month', 'year']), count: z.number() }),
  price: moneySchema,
  startedAt: timestamp,
  paidUntil: timestamp,
  daysLeft: z.number(),
  status: z.enum(SUBSCRIPTION_STATUSES),
  autoRenew: z.boolean(),
  cancelRequestedAt: z.optional(timestamp),
  endedAt: z.optional(timestamp),
  pendingPlan: z.optional(z.strictObject({ sku: z.string(), plan: z.string(), users: z.number(), price: moneySchema })),
  lastInvoice: z.optional(z.strictObject({ invoiceId: z.string(), number: z.string(), orderId: z.string(), grossMinor: z.number() })),
  updatedAt: timestamp,
});

/** One event of a subscription's history (shared/subscriptions/events.ts). */
export const subscriptionEventView = z.strictObject({
  eventId: z.string(),
  subscriptionId: z.string(),
  kind: z.enum(SUBSCRIPTION_EVENT_KINDS),
  at: timestamp,
  by: z.enum(['customer', 'staff', 'job', 'payment']),
  paidUntil: z.optional(z.strictObject({ from: timestamp, to: timestamp })),
  status: z.optional(z.strictObject({ from: z.enum(SUBSCRIPTION_STATUSES), to: z.enum(SUBSCRIPTION_STATUSES) })),
  plan: z.optional(z.strictObject({ from: z.string(), to: z.string() })),
  order: z.optional(z.strictObject({ orderId: z.string(), reference: z.string() })),
  invoice: z.optional(z.strictObject({ invoiceId: z.string(), number: z.string() })),
  amount: z.optional(moneySchema),
  periods: z.optional(z.number()),
  days: z.optional(z.number()),
  reason: z.optional(z.string()),
});

export type SubscriptionViewBody = z.infer<typeof subscriptionView>;
