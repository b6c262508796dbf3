// Route contracts of subscriptions and the services pages (issue #15). The views are declared here for every area of
// services over time (renewals, plan changes, cancellations, the distributor's view); the services area adds its routes.

import { ROLE_AREAS } from '#shared/accounts/roles.ts';
import { auditReason, moneySchema, pageOf, timestamp } from '#shared/api/common.ts';
import { contract, customerRoles, json, staff } from '#shared/api/contract.ts';
import { accountIdSchema, pageQuery, ulidSchema } from '#shared/http/schemas.ts';
import { SUBSCRIPTION_KINDS, SUBSCRIPTION_STATUSES, subscriptionEventFields, subscriptionFields } from '#shared/subscriptions/fields.ts';
import * as z from '#shared/validation.ts';

/** A subscription as the services pages show it (shared/subscriptions/model.ts SubscriptionView). */
export const subscriptionView = z.strictObject({ ...subscriptionFields(timestamp, moneySchema), daysLeft: z.number() });

/** One event of a subscription's history (shared/subscriptions/events.ts). */
export const subscriptionEventView = z.strictObject(subscriptionEventFields(timestamp, moneySchema));

export type SubscriptionViewBody = z.infer<typeof subscriptionView>;

// -- services --
// The services pages (issue #15, seeds 004 and 001): the account's subscriptions, one with its history, auto-renew on
// or off; a distributor reads a client's with `clientId` (404 for any account not its client); staff read a
// customer's and set the identifier (hosting sets the server's IP address), audited.

const subscriptionPath = z.strictObject({ subscriptionId: ulidSchema });
const staffSubscriptionPath = z.strictObject({ accountId: accountIdSchema, subscriptionId: ulidSchema });

/** Whose subscription a row is, when a distributor reads a client's. */
const clientRef = z.strictObject({ accountId: z.string(), name: z.string() });

const filterQuery = {
  status: z.optional(z.enum(SUBSCRIPTION_STATUSES)),
  kind: z.optional(z.enum(SUBSCRIPTION_KINDS)),
};
const clientIdQuery = {
  /** A client of the caller's distributor account: that client's subscriptions (another account's: 404). */
  clientId: z.optional(accountIdSchema),
};

/** A subscription row: with its client when a distributor reads a client's. */
export const subscriptionRow = z.strictObject({ ...subscriptionView.shape, client: z.optional(clientRef) });

const subscriptionDetailView = z.strictObject({
  subscription: subscriptionView,
  history: pageOf(subscriptionEventView),
  client: z.optional(clientRef),
});

export const listSubscriptions = contract({
  method: 'GET',
  path: '/api/subscriptions',
  summary:
    'The account’s subscriptions (services and support), newest first, a page at a time, optionally one `status` or `kind`; ' +
    'a distributor passes `clientId` for one client’s, each row then naming its client.',
  access: customerRoles(ROLE_AREAS.servicesRead),
  request: { query: z.strictObject({ ...pageQuery.shape, ...filterQuery, ...clientIdQuery }) },
  response: json(pageOf(subscriptionRow)),
});

export const getSubscription = contract({
  method: 'GET',
  path: '/api/subscriptions/{subscriptionId}',
  summary: 'One subscription of the account (or of a distributor’s client, `clientId`) and the newest page of its history.',
  access: customerRoles(ROLE_AREAS.servicesRead),
  request: { path: subscriptionPath, query: z.strictObject(clientIdQuery) },
  response: json(subscriptionDetailView),
});

export const listSubscriptionHistory = contract({
  method: 'GET',
  path: '/api/subscriptions/{subscriptionId}/history',
  summary: 'A page of one subscription’s history (renewals, plan changes, cancellations, status changes), newest first.',
  access: customerRoles(ROLE_AREAS.servicesRead),
  request: { path: subscriptionPath, query: z.strictObject({ ...pageQuery.shape, ...clientIdQuery }) },
  response: json(pageOf(subscriptionEventView)),
});

export const setAutoRenew = contract({
  method: 'PUT',
  path: '/api/subscriptions/{subscriptionId}/auto-renew',
  summary:
    'Turns renewing from the balance when due on or off (owner, billing); the history records it. The same value again ' +
    'changes nothing; an ended subscription: 409 SUBSCRIPTION_ENDED. A distributor switches its client’s (`clientId`: paid from the ' +
    'distributor’s balance); a distributor’s client gets 403 ORDERED_BY_DISTRIBUTOR.',
  access: customerRoles(ROLE_AREAS.billingWrite),
  request: { path: subscriptionPath, body: z.strictObject({ autoRenew: z.boolean(), ...clientIdQuery }) },
  response: json(subscriptionView),
});

export const staffListSubscriptions = contract({
  method: 'GET',
  path: '/api/admin/customers/{accountId}/subscriptions',
  summary:
    'Staff: a customer’s subscriptions, newest first, a page at a time, optionally one `status` or `kind` (404 for no such account).',
  access: staff('admin', 'support', 'billing'),
  request: { path: z.strictObject({ accountId: accountIdSchema }), query: z.strictObject({ ...pageQuery.shape, ...filterQuery }) },
  response: json(pageOf(subscriptionView)),
});

export const staffSetIdentifier = contract({
  method: 'PUT',
  path: '/api/admin/customers/{accountId}/subscriptions/{subscriptionId}/identifier',
  summary:
    'Staff (admin, support): sets what the services table shows for a subscription: its server’s IP address, host name or a ' +
    'serial (400 when the value is not of its kind; 409 SUBSCRIPTION_ENDED); audited, with a reason; the history records it.',
  access: staff('admin', 'support'),
  audit: { action: 'subscription.set-identifier', reason: 'required' },
  request: {
    path: staffSubscriptionPath,
    body: z.strictObject({
      kind: z.enum(['ip', 'host', 'serial']),
      value: z.string().check(z.trim(), z.minLength(1), z.maxLength(253)),
      reason: auditReason,
    }),
  },
  response: json(subscriptionView),
});
