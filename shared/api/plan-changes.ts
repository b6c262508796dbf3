// The plan changes routes' contracts (issue #15, seed 004 "change plan"): the plans a service may move to with the
// preview of each (shared/subscriptions/plan-change.ts), and the change itself (shared/subscriptions/change-plan.ts).

import { ROLE_AREAS } from '#shared/accounts/roles.ts';
import { skuSchema } from '#shared/api/catalogue.ts';
import { moneySchema, timestamp } from '#shared/api/common.ts';
import { contract, customerRoles, json } from '#shared/api/contract.ts';
import { subscriptionView } from '#shared/api/subscriptions.ts';
import { accountIdSchema, ulidSchema } from '#shared/http/schemas.ts';
import * as z from '#shared/validation.ts';

const subscriptionPath = z.strictObject({ subscriptionId: ulidSchema });
/** A distributor acting on a client's subscription names the client; without it, the caller's own account. */
const clientId = z.optional(accountIdSchema);

/** What choosing a plan does now (PlanPreview). */
export const planPreviewView = z.strictObject({
  effect: z.enum(['charge', 'credit', 'at-period-end']),
  netMinor: z.number(),
  vatMinor: z.number(),
  grossMinor: z.number(),
  currency: z.string(),
  daysLeft: z.number(),
  daysInPeriod: z.number(),
  periodsAfter: z.number(),
  appliesOn: z.optional(timestamp),
  corrects: z.optional(z.strictObject({ accountId: z.string(), invoiceId: z.string(), number: z.string() })),
});

export const planChoiceView = z.strictObject({
  sku: z.string(),
  plan: z.string(),
  users: z.number(),
  price: moneySchema,
  priceVersion: z.number(),
  direction: z.enum(['upgrade', 'downgrade']),
  preview: planPreviewView,
});

const currentPlanView = z.strictObject({ sku: z.string(), plan: z.string(), users: z.number(), price: moneySchema });

export const listPlans = contract({
  method: 'GET',
  path: '/api/subscriptions/{subscriptionId}/plans',
  summary:
    'The current plan of a service subscription and every other plan of its product and period at today’s price, each with its ' +
    'direction and preview: an upgrade’s prorated difference (net, VAT, gross for the buyer), a downgrade’s prorated credit or ' +
    'the day it applies (the stage’s downgrade terms). A support subscription or one that cannot change now answers no plans ' +
    'and `unavailable` (NOT_A_SERVICE, SUBSCRIPTION_NOT_ACTIVE, PLAN_CURRENCY_MISMATCH).',
  access: customerRoles(ROLE_AREAS.servicesRead),
  request: { path: subscriptionPath, query: z.strictObject({ clientId }) },
  response: json(
    z.strictObject({
      subscription: subscriptionView,
      current: currentPlanView,
      downgrade: z.enum(['credit-now', 'at-period-end']),
      tax: z.strictObject({ treatment: z.enum(['domestic', 'reverse-charge', 'export', 'consumer']), rateBasisPoints: z.number() }),
      unavailable: z.optional(z.strictObject({ code: z.string(), message: z.string() })),
      plans: z.array(planChoiceView),
    }),
  ),
});

export const changePlan = contract({
  method: 'POST',
  path: '/api/subscriptions/{subscriptionId}/change-plan',
  summary:
    'Owner or billing: moves a service to another plan at the preview’s amount (`acceptedAmountMinor`; else 409 PRICES_CHANGED ' +
    'with the new preview). An upgrade is an order for the prorated difference: from the balance it switches at once ' +
    '(`changed`), by transfer the order waits for its money (`ordered`). A downgrade credits the prorated difference to the ' +
    'balance with a correction of the period’s invoice (`changed`) or applies at paid-until (`scheduled`). A repeat of a change ' +
    'already made answers 200 `unchanged`. A distributor’s client: 403 ORDERED_BY_DISTRIBUTOR.',
  access: customerRoles(ROLE_AREAS.billingWrite),
  request: {
    path: subscriptionPath,
    body: z.strictObject({
      toSku: skuSchema,
      payWith: z.enum(['balance', 'bank-transfer']),
      idempotencyKey: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,100}$/, 'A client-generated key such as a UUID.')),
      acceptedAmountMinor: z.number().check(z.int(), z.minimum(0), z.maximum(1_000_000_000)),
      clientId,
    }),
  },
  response: json(
    z.strictObject({
      outcome: z.enum(['ordered', 'changed', 'scheduled', 'unchanged']),
      subscription: subscriptionView,
      choice: z.optional(planChoiceView),
      order: z.optional(z.strictObject({ orderId: z.string(), reference: z.string(), status: z.string(), total: moneySchema })),
      credit: z.optional(
        z.strictObject({
          amountMinor: z.number(),
          currency: z.string(),
          correction: z.optional(z.strictObject({ invoiceId: z.string(), number: z.string() })),
        }),
      ),
    }),
    201,
    200,
  ),
});
