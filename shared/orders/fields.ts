// The fields of an order, its lines, its contact and the licences it issued, declared once for the API contracts
// (shared/api/orders.ts, strict objects) and the entity schema (model.ts, z.objects inside lazySchemas). Pure zod, and
// functions for the reason shared/licences/fields.ts gives. The caller passes its timestamp and money schemas: the
// API's check more than the stored values do.

import * as z from '#shared/validation.ts';

type Money = z.ZodMiniType<{ amountMinor: number; currency: string }>;

/** A shop order's statuses (shared/orders/model.ts ShopOrderState) and how it is paid (shared/shop/payment-methods.ts). */
export const ORDER_STATUSES = ['awaiting-payment', 'paid', 'fulfilled', 'cancelled', 'expired'] as const;
/** Why a paid order line could not be fulfilled (shared/shop/fulfilment-error.ts): an order cancelled for it says which. */
export const FULFILMENT_REFUSALS = [
  'SUBSCRIPTION_ENDED',
  'SUBSCRIPTION_CHANGED',
  'LICENCE_REVOKED',
  'LICENCE_CHANGED',
  'UPGRADE_TARGET_GONE',
] as const;
export type FulfilmentRefusal = (typeof FULFILMENT_REFUSALS)[number];
export const PAYMENT_METHODS = ['bank-transfer', 'balance'] as const;

/** What the orders list shows of each order. */
export function orderSummaryFields<const T extends z.ZodMiniType<string>, const M extends Money>(timestamp: T, money: M) {
  return { orderId: z.string(), reference: z.string(), orderedAt: timestamp, total: money };
}

export function orderLineFields<const M extends Money>(money: M) {
  return {
    product: z.string(),
    sku: z.string(),
    edition: z.string(),
    users: z.number(),
    quantity: z.number(),
    unitPrice: money,
    subtotal: money,
    /** The catalogue price version the line was placed at (absent on older orders). */
    priceVersion: z.optional(z.number()),
    /** What the line does besides selling new licences (issue #15): renew a subscription, upgrade a licence, change a plan. */
    action: z.optional(lineActionSchema()),
    /** What an action line's text says, as data: invoices and mails print it in their language (line-text.ts). */
    text: z.optional(lineTextSchema()),
  };
}

/** The facts an action line's printed text is made of (shared/subscriptions/line-text.ts renders it per language). */
export function lineTextSchema() {
  return z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('renewal'),
      plan: z.string(),
      period: z.object({ unit: z.enum(['month', 'year']), count: z.number() }),
      identifier: z.optional(z.string()),
    }),
    z.object({
      kind: z.literal('plan-change'),
      from: z.string(),
      to: z.string(),
      daysLeft: z.number(),
      daysInPeriod: z.number(),
      periodsAfter: z.number(),
    }),
    z.object({
      kind: z.literal('upgrade'),
      fromEdition: z.string(),
      fromUsers: z.number(),
      toEdition: z.string(),
      toUsers: z.number(),
    }),
    /** A cancellation's refund (a correction line, a ledger note): the plan and the days of the period left unused. */
    z.object({ kind: z.literal('cancellation'), plan: z.string(), daysLeft: z.number(), daysInPeriod: z.number() }),
  ]);
}

export type LineText = z.infer<ReturnType<typeof lineTextSchema>>;

/**
 * A note as facts: the product, its line text and the words someone added (a cancellation's reason). A ledger entry
 * keeps it beside its memo, and the balance page renders it in the reader's language (line-text.ts `noteText`).
 */
export function lineNoteSchema() {
  return z.object({ product: z.string(), text: lineTextSchema(), reason: z.optional(z.string()) });
}

export type LineNote = z.infer<ReturnType<typeof lineNoteSchema>>;

/**
 * A line's action (shared/shop/line-actions.ts). `licenseeAccountId` is whose subscription or licence it changes: the
 * buyer's own, or a client's when a distributor buys for it.
 */
export function lineActionSchema() {
  return z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('renewal'), subscriptionId: z.string(), periods: z.number(), licenseeAccountId: z.string() }),
    z.object({
      kind: z.literal('upgrade'),
      licenceId: z.string(),
      toSku: z.string(),
      licenseeAccountId: z.string(),
      /** The edition and seats the upgrade was priced from (absent on lines quoted before it was recorded). */
      from: z.optional(z.object({ edition: z.string(), users: z.number() })),
    }),
    z.object({
      kind: z.literal('plan-change'),
      subscriptionId: z.string(),
      toSku: z.string(),
      licenseeAccountId: z.string(),
      /** The plan the change was priced from (absent on lines quoted before it was recorded). */
      fromSku: z.optional(z.string()),
    }),
  ]);
}

export type LineAction = z.infer<ReturnType<typeof lineActionSchema>>;

export function contactFields() {
  return { name: z.string(), email: z.string(), country: z.string(), city: z.string() };
}

export function issuedLicenceFields<const T extends z.ZodMiniType<string>>(timestamp: T) {
  return {
    licenceId: z.string(),
    sku: z.optional(z.string()),
    product: z.string(),
    edition: z.string(),
    users: z.number(),
    serial: z.string(),
    days: z.optional(z.number()),
    subscriptionId: z.optional(z.string()),
    supportEndsAt: z.optional(timestamp),
    /** The licensee's account when it is not the order's: a distributor's order upgrading a client's licence. */
    accountId: z.optional(z.string()),
  };
}

/** One service subscription an order started (issue #15): a unit of a service plan, paid until the end of its first period. */
export function startedServiceFields<const T extends z.ZodMiniType<string>>(timestamp: T) {
  return {
    subscriptionId: z.string(),
    sku: z.string(),
    product: z.string(),
    plan: z.string(),
    period: z.object({ unit: z.enum(['month', 'year']), count: z.number() }),
    paidUntil: timestamp,
  };
}
