// Route contracts of payments: staff record bank payments, paying from the balance, fulfilment, expiry.

import { auditReason, pageOf, supportedCurrency, timestamp } from '#shared/api/common.ts';
import { contract, customerRoles, json, staff } from '#shared/api/contract.ts';
import { ROLE_AREAS } from '#shared/accounts/roles.ts';
import { accountIdSchema, pageQuery, ulidSchema } from '#shared/http/schemas.ts';
import { FULFILMENT_REFUSALS, ORDER_STATUSES, PAYMENT_METHODS } from '#shared/orders/fields.ts';
import * as z from '#shared/validation.ts';

const minor = z.number().check(z.int());
/** A payment's amount: at least one minor unit, at most a billion of the currency. */
const amountMinor = z.number().check(z.int(), z.minimum(1), z.maximum(100_000_000_000));

/** One payment as the staff list, the order pages and the customer's history show it. */
export const paymentView = z.strictObject({
  paymentId: z.string(),
  accountId: z.string(),
  method: z.enum(PAYMENT_METHODS),
  amountMinor: minor,
  currency: z.string(),
  /** Of the amount: what paid the order. */
  appliedMinor: minor,
  /** Of the amount: what went to the balance (an overpayment, or an order no longer payable). */
  creditedMinor: minor,
  receivedOn: z.string(),
  recordedAt: timestamp,
  bankReference: z.optional(z.string()),
  order: z.strictObject({ orderId: z.string(), reference: z.string() }),
});

/** Where an order stands with its money: what the payment form and the order pages show. */
export const orderPaymentState = z.strictObject({
  accountId: z.string(),
  orderId: z.string(),
  reference: z.string(),
  /** Absent for orders staff placed (fulfilled when written, never paid through the portal). */
  status: z.optional(z.enum(ORDER_STATUSES)),
  purpose: z.optional(z.enum(['purchase', 'top-up'])),
  currency: z.string(),
  totalMinor: minor,
  paidMinor: minor,
  dueMinor: minor,
  expiresAt: z.optional(timestamp),
  proforma: z.optional(z.strictObject({ invoiceId: z.string(), number: z.string() })),
  invoice: z.optional(z.strictObject({ invoiceId: z.string(), number: z.string() })),
  /** Cancelled because a paid line could no longer be fulfilled (the money went to the balance): which refusal. */
  closedBecause: z.optional(z.enum(FULFILMENT_REFUSALS)),
  /** The licences the order issued (on fulfilment, for shop orders). */
  licences: z.number(),
});

const paymentResult = z.strictObject({
  /** `applied` to the order; `credited-to-balance` (the order could no longer be paid); `replayed` (a retry: nothing new). */
  outcome: z.enum(['applied', 'credited-to-balance', 'replayed']),
  payment: paymentView,
  order: orderPaymentState,
  mail: z.enum(['queued', 'sent', 'suppressed', 'failed', 'not-sent']),
});

const orderReference = z.string().check(z.trim(), z.regex(/^[A-Za-z0-9 ]{1,40}$/, 'An order reference such as JWT1042.'));

export const recordPaymentInput = z.strictObject({
  /** The order reference from the transfer's title. */
  reference: orderReference,
  amountMinor,
  currency: supportedCurrency,
  /** The bank statement's date. */
  receivedOn: z.iso.date(),
  /** The bank's own reference of the transfer: the same one twice is refused. */
  bankReference: z.string().check(z.trim(), z.minLength(3), z.maxLength(100)),
  reason: z.optional(auditReason),
});

export const recordPayment = contract({
  method: 'POST',
  path: '/api/admin/payments',
  summary:
    'Staff: records a bank payment matched to an order by its reference (404 ORDER_REFERENCE_UNKNOWN): paid in full fulfils the order ' +
    '(VAT invoice, licences, mail with activation files), less leaves it partly paid, more credits the excess to the balance; ' +
    'for an order no longer payable the whole amount goes to the balance. The same bank reference twice: 409 PAYMENT_ALREADY_RECORDED.',
  access: staff('admin', 'billing'),
  audit: { action: 'payment.record', reason: 'optional' },
  request: { body: recordPaymentInput },
  response: json(paymentResult, 201, 200),
});

export const listPayments = contract({
  method: 'GET',
  path: '/api/admin/payments',
  summary: 'Staff: every payment (bank transfers recorded, payments from the balance), newest first.',
  access: staff('admin', 'billing', 'support'),
  request: { query: pageQuery },
  response: json(pageOf(paymentView)),
});

export const findPaymentOrder = contract({
  method: 'GET',
  path: '/api/admin/payments/order',
  summary: 'Staff: the order an order reference names, with its status, total, paid and due amounts (the payment form’s lookup).',
  access: staff('admin', 'billing'),
  request: { query: z.strictObject({ reference: orderReference }) },
  response: json(orderPaymentState),
});

export const getStaffOrderPayments = contract({
  method: 'GET',
  path: '/api/admin/orders/{accountId}/{orderId}/payments',
  summary: 'Staff: an order’s status, paid and due amounts, invoices and payments.',
  access: staff('admin', 'billing', 'support'),
  request: { path: z.strictObject({ accountId: accountIdSchema, orderId: ulidSchema }) },
  response: json(z.strictObject({ order: orderPaymentState, payments: z.array(paymentView) })),
});

export const getMyOrderPayments = contract({
  method: 'GET',
  path: '/api/orders/{orderId}/payments',
  summary: 'The customer’s order: its status, paid and due amounts and payments, and the balance available in its currency.',
  access: customerRoles(ROLE_AREAS.billingRead),
  request: { path: z.strictObject({ orderId: ulidSchema }) },
  response: json(z.strictObject({ order: orderPaymentState, payments: z.array(paymentView), balanceMinor: minor })),
});

export const payFromBalance = contract({
  method: 'POST',
  path: '/api/orders/{orderId}/pay-from-balance',
  summary:
    'Pays all or part of an order awaiting payment from the balance (409 INSUFFICIENT_BALANCE, ORDER_NOT_PAYABLE; 400 AMOUNT_EXCEEDS_DUE); ' +
    'paid in full fulfils it. The page’s idempotency key makes a double click or a retry pay once (200 `replayed`).',
  access: customerRoles(ROLE_AREAS.billingWrite),
  request: {
    path: z.strictObject({ orderId: ulidSchema }),
    body: z.strictObject({
      amountMinor,
      /** Generated by the page once per payment, so a double submit or a retry pays once. */
      idempotencyKey: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,100}$/, 'A client-generated key such as a UUID.')),
    }),
  },
  response: json(paymentResult, 201, 200),
});
