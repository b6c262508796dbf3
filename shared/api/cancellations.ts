// Route contracts of cancellations (issue #15): what a cancellation would do (the preview), cancelling per the stage's
// service terms (at the period's end, or now with the prorated rest refunded to the balance with a correction
// invoice), resuming a period-end cancellation, and staff cancelling for a customer (audited).

import { ROLE_AREAS } from '#shared/accounts/roles.ts';
import { auditReason, moneySchema, timestamp } from '#shared/api/common.ts';
import { contract, customerRoles, json, staff } from '#shared/api/contract.ts';
import { subscriptionView } from '#shared/api/subscriptions.ts';
import { accountIdSchema, ulidSchema } from '#shared/http/schemas.ts';
import * as z from '#shared/validation.ts';

/** Why ending now refunds nothing (shared/subscriptions/cancel.ts). */
export const NO_REFUND_REASONS = ['NO_INVOICE', 'PERIOD_OVER', 'NOTHING_LEFT'] as const;

const subscriptionPath = z.strictObject({ subscriptionId: ulidSchema });

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
      corrects: z.strictObject({ invoiceId: z.string(), number: z.string() }),
    }),
  ),
  /** Why ending now refunds nothing: no VAT invoice paid the period, no whole day is left, or it was refunded already. */
  noRefund: z.optional(z.enum(NO_REFUND_REASONS)),
});

export const cancellationResultView = z.strictObject({
  subscription: subscriptionView,
  refund: z.optional(
    z.strictObject({ ...moneySchema.shape, correction: z.optional(z.strictObject({ invoiceId: z.string(), number: z.string() })) }),
  ),
  /** True when this answers an identical cancellation already applied (a double click). */
  replayed: z.boolean(),
});

const reason = z.string().check(z.trim(), z.minLength(1), z.maxLength(500));

export const getCancellation = contract({
  method: 'GET',
  path: '/api/subscriptions/{subscriptionId}/cancellation',
  summary:
    'What cancelling the subscription now would do under the stage’s terms: it ends at paid-until, or now with the whole days left of the period refunded to the balance (the amount, the days and the invoice the correction corrects).',
  access: customerRoles(ROLE_AREAS.servicesRead),
  request: { path: subscriptionPath },
  response: json(cancellationPreviewView),
});

export const cancelSubscription = contract({
  method: 'POST',
  path: '/api/subscriptions/{subscriptionId}/cancel',
  summary:
    'Owner or billing: cancels the subscription under the stage’s terms (see the preview); `acceptedRefundMinor` is the refund the customer saw (409 REFUND_CHANGED when it differs now); an ended subscription is 409 SUBSCRIPTION_ENDED. The refund is applied once however often it is sent.',
  access: customerRoles(ROLE_AREAS.billingWrite),
  request: {
    path: subscriptionPath,
    body: z.strictObject({
      reason: z.optional(reason),
      acceptedRefundMinor: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(1_000_000_000))),
    }),
  },
  response: json(cancellationResultView),
});

export const resumeSubscription = contract({
  method: 'POST',
  path: '/api/subscriptions/{subscriptionId}/resume',
  summary:
    'Owner or billing: undoes a cancellation at the period’s end before paid-until (409 NOT_CANCELLED, RESUME_TOO_LATE, SUBSCRIPTION_ENDED otherwise).',
  access: customerRoles(ROLE_AREAS.billingWrite),
  request: { path: subscriptionPath },
  response: json(z.strictObject({ subscription: subscriptionView })),
});

export const staffCancelSubscription = contract({
  method: 'POST',
  path: '/api/admin/customers/{accountId}/subscriptions/{subscriptionId}/cancel',
  summary:
    'Staff (admin, billing): cancels a customer’s subscription, now with the prorated refund to the balance (`refund: true`) or at the period’s end; reason required.',
  access: staff('admin', 'billing'),
  audit: { action: 'subscription.cancel', reason: 'required' },
  request: {
    path: z.strictObject({ accountId: accountIdSchema, subscriptionId: ulidSchema }),
    body: z.strictObject({ refund: z.boolean(), reason: auditReason }),
  },
  response: json(cancellationResultView),
});
