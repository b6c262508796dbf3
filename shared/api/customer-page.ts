// Contracts of the staff's customer page: the account with the first page of each section, each section's further
// pages, one licence's activations, and the staff actions on the account's licences, support and orders.

import { auditEntry } from '#shared/api/audit.ts';
import { CUSTOMER_ROLES } from '#shared/accounts/roles.ts';
import { auditReason, moneySchema, pageOf, timestamp } from '#shared/api/common.ts';
import { contract, json, staff } from '#shared/api/contract.ts';
import { licenceView, listLicenceActivations, supportSubscriptionView, transferLicence } from '#shared/api/licences.ts';
import { accountIdSchema, pageQuery, ulidSchema } from '#shared/http/schemas.ts';
import { computerIdSchema } from '#shared/licences/schemas.ts';
import { orderSummaryFields } from '#shared/orders/fields.ts';
import { signInFields } from '#shared/api/security.ts';
import * as z from '#shared/validation.ts';

const accountPath = z.strictObject({ accountId: accountIdSchema });
const licencePath = z.strictObject({ accountId: accountIdSchema, licenceId: ulidSchema });
const subscriptionPath = z.strictObject({ accountId: accountIdSchema, subscriptionId: ulidSchema });
const orderPath = z.strictObject({ accountId: accountIdSchema, orderId: ulidSchema });

/** Who changes a customer's licences and support: admin and support. */
const licenceStaff = staff('admin', 'support');

/** Who looks a customer up: every staff role. */
const anyStaff = staff('admin', 'support', 'billing');

const orderSummary = z.strictObject(orderSummaryFields(timestamp, moneySchema));

export const customerUser = z.strictObject({
  userId: z.string(),
  email: z.string(),
  role: z.enum(CUSTOMER_ROLES),
  createdAt: timestamp,
});

export const customerSignIn = z.strictObject({
  userId: z.string(),
  email: z.string(),
  ...signInFields,
});

export const getCustomer = contract({
  method: 'GET',
  path: '/api/admin/customers/{accountId}',
  summary: 'Staff: one customer account with its users, licences, support, orders, contracts and sign-ins.',
  access: anyStaff,
  request: { path: accountPath },
  response: json(
    z.strictObject({
      account: z.strictObject({
        accountId: z.string(),
        name: z.string(),
        activationKey: z.string(),
        contactEmail: z.string(),
        country: z.optional(z.string()),
        vatId: z.optional(z.string()),
        createdAt: timestamp,
        /** Kept with the customer search index (shared/search/): the account's licences and newest order. */
        licenceCount: z.optional(z.number()),
        lastOrder: z.optional(z.strictObject({ reference: z.string(), orderedAt: timestamp })),
      }),
      users: z.array(customerUser),
      licences: pageOf(licenceView),
      support: pageOf(supportSubscriptionView),
      orders: pageOf(orderSummary),
      contracts: z.array(
        z.strictObject({
          contractNumber: z.string(),
          product: z.string(),
          startsOn: z.iso.date(),
          endsOn: z.iso.date(),
          status: z.enum(['upcoming', 'active', 'expiring', 'expired']),
        }),
      ),
      signIns: z.array(customerSignIn),
      /** The first page of the account's audit entries; the rest through GET /api/admin/customers/{accountId}/audit. */
      audit: pageOf(auditEntry),
    }),
  ),
});

export const listCustomerLicences = contract({
  method: 'GET',
  path: '/api/admin/customers/{accountId}/licences',
  summary: 'Staff: a customer account’s licences, newest first, a page at a time.',
  access: anyStaff,
  request: { path: accountPath, query: pageQuery },
  response: json(pageOf(licenceView)),
});

export const listCustomerSupport = contract({
  method: 'GET',
  path: '/api/admin/customers/{accountId}/support',
  summary: 'Staff: a customer account’s support & updates subscriptions, newest start first, a page at a time.',
  access: anyStaff,
  request: { path: accountPath, query: pageQuery },
  response: json(pageOf(supportSubscriptionView)),
});

export const listCustomerOrders = contract({
  method: 'GET',
  path: '/api/admin/customers/{accountId}/orders',
  summary: 'Staff: a customer account’s orders, newest first, a page at a time.',
  access: anyStaff,
  request: { path: accountPath, query: pageQuery },
  response: json(pageOf(orderSummary)),
});

export const listCustomerLicenceActivations = contract({
  method: 'GET',
  path: '/api/admin/customers/{accountId}/licences/{licenceId}/activations',
  summary: 'Staff: which computer a customer’s licence is on, its transfers, and its activation history, newest first.',
  access: anyStaff,
  request: { path: licencePath, query: pageQuery },
  response: json(listLicenceActivations.response.body),
});

const licenceBinding = transferLicence.response.body;

export const staffFreeLicence = contract({
  method: 'POST',
  path: '/api/admin/customers/{accountId}/licences/{licenceId}/free',
  summary: 'Staff: frees a customer’s licence from its computer, without the customer’s transfer limit; reason required.',
  access: licenceStaff,
  audit: { action: 'licence.free', reason: 'required' },
  request: { path: licencePath, body: z.strictObject({ reason: auditReason }) },
  response: json(licenceBinding),
});

export const staffMoveLicence = contract({
  method: 'POST',
  path: '/api/admin/customers/{accountId}/licences/{licenceId}/move',
  summary: 'Staff: binds a customer’s licence to another computer, without the customer’s transfer limit; reason required.',
  access: licenceStaff,
  audit: { action: 'licence.move', reason: 'required' },
  request: { path: licencePath, body: z.strictObject({ toComputerId: computerIdSchema, reason: auditReason }) },
  response: json(licenceBinding),
});

export const staffRevokeLicence = contract({
  method: 'POST',
  path: '/api/admin/customers/{accountId}/licences/{licenceId}/revoke',
  summary: 'Staff: revokes a customer’s licence for good; the licensing API refuses it from then on. Reason required.',
  access: licenceStaff,
  audit: { action: 'licence.revoke', reason: 'required' },
  request: { path: licencePath, body: z.strictObject({ reason: auditReason }) },
  response: json(z.strictObject({ licenceId: z.string(), revokedAt: timestamp })),
});

export const staffReissueLicenceFile = contract({
  method: 'POST',
  path: '/api/admin/customers/{accountId}/licences/{licenceId}/reissue',
  summary: 'Staff: signs a new file for a customer’s licence now and records it; answers the file to pass on.',
  access: licenceStaff,
  audit: { action: 'licence.reissue', reason: 'optional' },
  request: { path: licencePath, body: z.strictObject({ reason: z.optional(auditReason) }) },
  response: json(z.strictObject({ licenceId: z.string(), issuedAt: timestamp, filename: z.string(), content: z.string() })),
});

export const extendSupport = contract({
  method: 'POST',
  path: '/api/admin/customers/{accountId}/support/{subscriptionId}/extend',
  summary: 'Staff: moves a support subscription’s end to a later day (and its licence’s end of support); reason required.',
  access: licenceStaff,
  audit: { action: 'support.extend', reason: 'required' },
  request: { path: subscriptionPath, body: z.strictObject({ endsOn: z.iso.date(), reason: auditReason }) },
  response: json(supportSubscriptionView),
});

export const resendOrderConfirmation = contract({
  method: 'POST',
  path: '/api/admin/customers/{accountId}/orders/{orderId}/resend-confirmation',
  summary: 'Staff: sends an order’s confirmation e-mail again, to the account’s recipients of order mail, each in their language.',
  access: anyStaff,
  audit: { action: 'order.resend-confirmation', reason: 'optional' },
  request: { path: orderPath, body: z.strictObject({ reason: z.optional(auditReason) }) },
  response: json(
    z.strictObject({
      orderId: z.string(),
      reference: z.string(),
      email: z.string(),
      /** Who it went to: the account's recipients of order mail (shared/notifications/recipients.ts). */
      recipients: z.array(z.string()),
      confirmationMail: z.enum(['queued', 'sent', 'suppressed']),
    }),
  ),
});

export const moveOrder = contract({
  method: 'POST',
  path: '/api/admin/customers/{accountId}/orders/{orderId}/move',
  summary: 'Staff: moves an order, its licences (with their history) and their support to another customer account.',
  access: staff('admin', 'billing'),
  audit: { action: 'order.move', reason: 'required' },
  request: { path: orderPath, body: z.strictObject({ toAccountId: accountIdSchema, reason: auditReason }) },
  response: json(
    z.strictObject({
      orderId: z.string(),
      reference: z.string(),
      fromAccountId: z.string(),
      toAccountId: z.string(),
      licences: z.number(),
      subscriptions: z.number(),
    }),
  ),
});
