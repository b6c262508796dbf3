// Route contracts of cancellations (issue #15): what a cancellation would do (the preview), cancelling per the stage's
// service terms (at the period's end, or now with the unused days of each invoice that paid the span refunded to its
// payer's balance with a correction of it), resuming a period-end cancellation, and staff cancelling for a customer
// (audited). A distributor names its client with `clientId`, as for renewals and plan changes.

import { ROLE_AREAS } from '#shared/accounts/roles.ts';
import { auditReason, moneySchema, timestamp } from '#shared/api/common.ts';
import { contract, customerRoles, json, staff } from '#shared/api/contract.ts';
import { subscriptionView } from '#shared/api/subscriptions.ts';
import { accountIdSchema, ulidSchema } from '#shared/http/schemas.ts';
import * as z from '#shared/validation.ts';

/** Why ending now refunds nothing (shared/subscriptions/cancel.ts). */
export const NO_REFUND_REASONS = ['NO_INVOICE', 'PERIOD_OVER', 'NOTHING_LEFT'] as const;

const subscriptionPath = z.strictObject({ subscriptionId: ulidSchema });
/** A distributor acting on a client's subscription names the client; without it, the caller's own account. */
const clientId = z.optional(accountIdSchema);

/** One invoice corrected by the refund, in the account that paid it (a distributor's, when it bought for its client). */
const correctedInvoice = z.strictObject({ accountId: z.string(), invoiceId: z.string(), number: z.string(), amountMinor: z.number() });

export const cancellationPreviewView = z.strictObject({
  subscription: subscriptionView,
  /** The stage's policy (billingSettings().services.cancel). */
  policy: z.enum(['at-period-end', 'immediate-refund']),
  /** When it ends if cancelled now: at paid-until, or now (also under either policy once paid-until has passed). */
  ends: z.enum(['at-period-end', 'now']),
  /** Paid-until for a cancellation at the period's end (or when it ended); absent when it would end now. */
  endsAt: z.optional(timestamp),
  /** False once ended, or while a period-end cancellation already runs under that policy. */
  cancellable: z.boolean(),
  refund: z.optional(
    z.strictObject({
      ...moneySchema.shape,
      daysLeft: z.number(),
      daysInPeriod: z.number(),
      /** One correction per invoice that paid the span, each with what it credits (the amounts add up to the total). */
      corrects: z.array(correctedInvoice),
    }),
  ),
  /** Why ending now refunds nothing: no VAT invoice paid the period, no whole day is left, or it was refunded already. */
  noRefund: z.optional(z.enum(NO_REFUND_REASONS)),
});

export const cancellationResultView = z.strictObject({
  subscription: subscriptionView,
  refund: z.optional(z.strictObject({ ...moneySchema.shape, corrections: z.array(correctedInvoice) })),
  /** True when this answers an identical cancellation already applied (a double click). */
  replayed: z.boolean(),
});

const reason = z.string().check(z.trim(), z.minLength(1), z.maxLength(500));

export const getCancellation = contract({
  method: 'GET',
  path: '/api/subscriptions/{subscriptionId}/cancellation',
  summary:
    'What cancelling the subscription now would do under the stage’s terms: it ends at paid-until, or now with the unused days of every invoice that paid the span refunded (the total, the days, and per invoice the correction’s amount and the account credited: the payer). A distributor names its client with `clientId` (404 for any other account); a distributor’s client cancelling what its distributor paid gets 403 ORDERED_BY_DISTRIBUTOR.',
  access: customerRoles(ROLE_AREAS.servicesRead),
  request: { path: subscriptionPath, query: z.strictObject({ clientId }) },
  response: json(cancellationPreviewView),
});

export const cancelSubscription = contract({
  method: 'POST',
  path: '/api/subscriptions/{subscriptionId}/cancel',
  summary:
    'Owner or billing: cancels the subscription under the stage’s terms (see the preview); `acceptedRefundMinor` is the refund the customer saw (409 REFUND_CHANGED when it differs now); an ended subscription is 409 SUBSCRIPTION_ENDED. Each invoice’s refund is applied once however often it is sent, to its payer’s balance. A distributor names its client with `clientId`; a distributor’s client cancelling what its distributor paid gets 403 ORDERED_BY_DISTRIBUTOR.',
  access: customerRoles(ROLE_AREAS.billingWrite),
  request: {
    path: subscriptionPath,
    body: z.strictObject({
      reason: z.optional(reason),
      acceptedRefundMinor: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(1_000_000_000))),
      clientId,
    }),
  },
  response: json(cancellationResultView),
});

export const resumeSubscription = contract({
  method: 'POST',
  path: '/api/subscriptions/{subscriptionId}/resume',
  summary:
    'Owner or billing: undoes a cancellation at the period’s end before paid-until (409 NOT_CANCELLED, RESUME_TOO_LATE, SUBSCRIPTION_ENDED otherwise); a distributor names its client with `clientId`.',
  access: customerRoles(ROLE_AREAS.billingWrite),
  request: { path: subscriptionPath, body: z.strictObject({ clientId }) },
  response: json(z.strictObject({ subscription: subscriptionView })),
});

export const staffCancelSubscription = contract({
  method: 'POST',
  path: '/api/admin/customers/{accountId}/subscriptions/{subscriptionId}/cancel',
  summary:
    'Staff (admin, billing): cancels a customer’s subscription, now with the prorated refund to each payer’s balance (`refund: true`) or at the period’s end; reason required.',
  access: staff('admin', 'billing'),
  audit: { action: 'subscription.cancel', reason: 'required' },
  request: {
    path: z.strictObject({ accountId: accountIdSchema, subscriptionId: ulidSchema }),
    body: z.strictObject({ refund: z.boolean(), reason: auditReason }),
  },
  response: json(cancellationResultView),
});
