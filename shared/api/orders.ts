// Contracts of orders: the customer's own (list and detail) and the staff's (catalogue, create, find, detail).

import { moneySchema, pageOf, supportedCurrency, timestamp } from '#shared/api/common.ts';
import { contract, customerRoles, json, staff } from '#shared/api/contract.ts';
import { ROLE_AREAS } from '#shared/accounts/roles.ts';
import { accountIdSchema, emailSchema, pageQuery, sortedPageQuery, ulidSchema } from '#shared/http/schemas.ts';
import { localeSchema } from '#shared/i18n/locale.ts';
import {
  contactFields,
  FULFILMENT_REFUSALS,
  issuedLicenceFields,
  ORDER_STATUSES,
  orderLineFields,
  orderSummaryFields,
  PAYMENT_METHODS,
  startedServiceFields,
} from '#shared/orders/fields.ts';
import * as z from '#shared/validation.ts';

const summaryFields = orderSummaryFields(timestamp, moneySchema);

const orderFields = {
  ...summaryFields,
  lines: z.array(z.strictObject(orderLineFields(moneySchema))),
  contact: z.strictObject(contactFields()),
};

const addressView = z.strictObject({ line1: z.string(), line2: z.optional(z.string()), postalCode: z.string(), city: z.string() });

/** The buyer as an order and its invoices print them (copied from the account at checkout). */
export const billingView = z.strictObject({
  name: z.string(),
  address: addressView,
  country: z.string(),
  vatId: z.optional(z.string()),
  profileType: z.enum(['individual', 'company']),
});

/** A shop order's state as its customer sees it (issue #14): status, what is due and how to pay it, its invoices. */
export const shopOrderView = z.strictObject({
  status: z.enum(ORDER_STATUSES),
  purpose: z.enum(['purchase', 'top-up']),
  paymentMethod: z.enum(PAYMENT_METHODS),
  tax: z.strictObject({
    treatment: z.enum(['domestic', 'reverse-charge', 'export', 'consumer']),
    rateBasisPoints: z.number(),
    netMinor: z.number(),
    vatMinor: z.number(),
  }),
  paidMinor: z.number(),
  /** Still to pay (the gross less what arrived). */
  amountDue: moneySchema,
  expiresAt: timestamp,
  billing: billingView,
  proforma: z.optional(z.strictObject({ invoiceId: z.string(), number: z.string() })),
  invoice: z.optional(z.strictObject({ invoiceId: z.string(), number: z.string() })),
  /** While the order awaits payment: the bank transfer's details (shared/shop/payment-methods.ts). */
  instructions: z.optional(
    z.strictObject({
      holder: z.string(),
      bankName: z.string(),
      iban: z.string(),
      swift: z.string(),
      amount: moneySchema,
      title: z.string(),
      dueAt: timestamp,
    }),
  ),
  paidAt: z.optional(timestamp),
  fulfilledAt: z.optional(timestamp),
  closedAt: z.optional(timestamp),
  /** A cancelled order whose paid line could no longer be fulfilled (the money went to the balance): which refusal. */
  closedBecause: z.optional(z.enum(FULFILMENT_REFUSALS)),
});

/** The service subscriptions an order started (issue #15): a service plan bought starts one per unit. */
const startedServices = z.optional(z.array(z.strictObject(startedServiceFields(timestamp))));

/** One of the customer's orders: what they bought, the services it started and, for a shop order, its state. */
export const customerOrderView = z.strictObject({ ...orderFields, services: startedServices, shop: z.optional(shopOrderView) });

const staffOrderFields = {
  ...orderFields,
  accountId: z.string(),
  /** The customer e-mail the order was placed for (normalised). */
  email: z.string(),
  locale: localeSchema,
  issued: z.array(z.strictObject(issuedLicenceFields(timestamp))),
  services: startedServices,
};

const staffOrderSummary = z.strictObject({ ...summaryFields, accountId: z.string(), email: z.string() });

export const listOrders = contract({
  method: 'GET',
  path: '/api/orders',
  summary: "The customer's orders with their dates, references and totals, newest first unless sort=asc.",
  access: customerRoles(ROLE_AREAS.billingRead),
  request: { query: sortedPageQuery },
  response: json(pageOf(z.strictObject({ ...summaryFields, status: z.optional(z.enum(ORDER_STATUSES)) }))),
});

export const getOrder = contract({
  method: 'GET',
  path: '/api/orders/{orderId}',
  summary:
    'One of the customer’s orders: lines, total and the contact given at purchase; a shop order also its status, amount due, ' +
    'bank-transfer instructions while it awaits payment, and its proforma and invoice.',
  access: customerRoles(ROLE_AREAS.billingRead),
  request: { path: z.strictObject({ orderId: ulidSchema }) },
  response: json(customerOrderView),
});

export const listCatalogue = contract({
  method: 'GET',
  path: '/api/admin/catalogue',
  summary: 'Staff: the SKUs an order can be placed for (active, with a price in the currency, EUR unless named), at their current prices.',
  // Only the groups that place orders need it.
  access: staff('admin', 'billing'),
  request: { query: z.strictObject({ currency: z.optional(supportedCurrency) }) },
  response: json(
    z.strictObject({
      items: z.array(
        z.strictObject({
          sku: z.string(),
          product: z.string(),
          edition: z.string(),
          users: z.number(),
          unitPrice: moneySchema,
          supportYears: z.number(),
          days: z.optional(z.number()),
          /** A service plan's period: the price is per period, and the order starts a subscription. */
          period: z.optional(z.strictObject({ unit: z.enum(['month', 'year']), count: z.number() })),
        }),
      ),
    }),
  ),
});

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** What the staff order form sends; the web form checks the same schema. */
export const staffOrderInput = z.strictObject({
  email: emailSchema,
  contact: z.strictObject({
    name: text(200),
    country: z.string().check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z]{2}$/, 'An ISO 3166 country code such as PL.')),
    city: text(100),
  }),
  lines: z
    .array(
      z.strictObject({
        sku: z.string().check(z.trim(), z.toUpperCase(), z.minLength(1), z.maxLength(40)),
        quantity: z.number().check(z.int(), z.minimum(1), z.maximum(10)),
      }),
    )
    .check(z.minLength(1), z.maxLength(20)),
  /** Every line is priced in it, at the SKU's current price there; EUR unless given. */
  currency: z.optional(supportedCurrency),
  locale: z.optional(localeSchema),
  /** Generated by the client once per order form, so a double submit or a retry creates one order. */
  idempotencyKey: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,100}$/, 'A client-generated key such as a UUID.')),
});

export const createStaffOrder = contract({
  method: 'POST',
  path: '/api/admin/orders',
  summary:
    'Staff: places an order for a customer by e-mail (creating the customer if new), issues its licences and support, ' +
    'and mails the confirmation. 201 for a new order; 200 with the same order for a retry with the same idempotency key.',
  access: staff('admin', 'billing'),
  audit: { action: 'order.create', reason: 'none' },
  request: { body: staffOrderInput },
  response: json(
    z.strictObject({
      order: z.strictObject(staffOrderFields),
      replayed: z.boolean(),
      userCreated: z.boolean(),
      accountCreated: z.boolean(),
      confirmationMail: z.enum(['queued', 'sent', 'suppressed', 'failed', 'not-sent']),
    }),
    201,
    200,
  ),
});

export const listStaffOrders = contract({
  method: 'GET',
  path: '/api/admin/orders',
  summary: 'Staff: every order newest first, or the orders of one customer e-mail, or the order with a reference.',
  access: staff('admin', 'billing', 'support'),
  request: {
    query: z.strictObject({
      ...pageQuery.shape,
      reference: z.optional(z.string().check(z.trim(), z.regex(/^[A-Za-z0-9 ]{1,40}$/, 'An order reference such as JWT1042.'))),
      email: z.optional(emailSchema),
    }),
  },
  response: json(pageOf(staffOrderSummary)),
});

export const getStaffOrder = contract({
  method: 'GET',
  path: '/api/admin/orders/{accountId}/{orderId}',
  summary: 'Staff: one order in full, with what it issued and the account it belongs to.',
  access: staff('admin', 'billing', 'support'),
  request: {
    path: z.strictObject({
      accountId: accountIdSchema,
      orderId: ulidSchema,
    }),
  },
  response: json(
    z.strictObject({
      ...staffOrderFields,
      account: z.optional(z.strictObject({ name: z.string(), contactEmail: z.string() })),
    }),
  ),
});
