// Route contracts of invoices: the customer's invoices and payment history, the PDFs, the staff list of every invoice.

import { ROLE_AREAS } from '#shared/accounts/roles.ts';
import { moneySchema, pageOf, timestamp } from '#shared/api/common.ts';
import { contract, customerRoles, json, staff } from '#shared/api/contract.ts';
import { accountIdSchema, pageQuery, ulidSchema } from '#shared/http/schemas.ts';
import * as z from '#shared/validation.ts';

const page = pageQuery.shape;

export const INVOICE_KIND_VALUES = ['proforma', 'vat', 'correction'] as const;
export const INVOICE_STATUS_VALUES = ['unpaid', 'paid', 'overdue', 'corrected', 'void'] as const;

export const invoicePath = z.strictObject({ invoiceId: ulidSchema });

/** An invoice number as printed (`FV/2026/000123`). */
const invoiceNumber = z.string().check(z.regex(/^[A-Z]{1,6}\/\d{4}\/\d{6}$/, 'An invoice number such as FV/2026/000123.'));

export const invoiceView = z.strictObject({
  invoiceId: z.string(),
  number: z.string(),
  kind: z.enum(INVOICE_KIND_VALUES),
  issuedAt: timestamp,
  dueAt: z.optional(timestamp),
  /** Gross: what the invoice asks for (negative on a correction). */
  total: moneySchema,
  status: z.enum(INVOICE_STATUS_VALUES),
  /** The order it bills: its reference. */
  orderReference: z.optional(z.string()),
  /** A correction's original invoice number. */
  corrects: z.optional(z.string()),
});

export const staffInvoiceView = z.strictObject({
  ...invoiceView.shape,
  accountId: z.string(),
  buyerName: z.string(),
});

export const paymentView = z.strictObject({
  paymentId: z.string(),
  /** The day the money arrived (YYYY-MM-DD). */
  receivedOn: z.string(),
  method: z.enum(['bank-transfer', 'balance']),
  amount: moneySchema,
  orderReference: z.optional(z.string()),
  bankReference: z.optional(z.string()),
});

const pdfLink = z.strictObject({
  /** A presigned GET of the PDF in the files bucket. */
  url: z.string(),
  fileName: z.string(),
  expiresAt: timestamp,
});

export const listInvoices = contract({
  method: 'GET',
  path: '/api/invoices',
  summary:
    'The account’s invoices (proformas, VAT and correction invoices), newest first, with their status; `status=unpaid` keeps the unpaid and overdue ones.',
  access: customerRoles(ROLE_AREAS.billingRead),
  request: { query: z.strictObject({ ...page, status: z.optional(z.enum(['unpaid'])) }) },
  response: json(pageOf(invoiceView)),
});

export const downloadInvoice = contract({
  method: 'GET',
  path: '/api/invoices/{invoiceId}/pdf',
  summary:
    'A download link (valid 60 to 120 seconds) of one of the account’s invoices as PDF, rendered and stored the first time; another account’s id is 404.',
  access: customerRoles(ROLE_AREAS.billingRead),
  request: { path: invoicePath },
  response: json(pdfLink),
});

export const listPaymentHistory = contract({
  method: 'GET',
  path: '/api/payment-history',
  summary: 'The account’s payments (bank transfers received, payments from the balance), newest first.',
  access: customerRoles(ROLE_AREAS.billingRead),
  request: { query: pageQuery },
  response: json(pageOf(paymentView)),
});

export const staffListInvoices = contract({
  method: 'GET',
  path: '/api/admin/invoices',
  summary:
    'Staff (admin, billing, support): every account’s invoices, newest first; `kind` keeps one kind, `number` finds the one invoice of that number.',
  access: staff('admin', 'billing', 'support'),
  request: {
    query: z.strictObject({ ...page, kind: z.optional(z.enum(INVOICE_KIND_VALUES)), number: z.optional(invoiceNumber) }),
  },
  response: json(pageOf(staffInvoiceView)),
});

export const staffDownloadInvoice = contract({
  method: 'GET',
  path: '/api/admin/invoices/{invoiceId}/pdf',
  summary: 'Staff (admin, billing, support): a download link (valid 60 to 120 seconds) of any invoice as PDF, by its account and id.',
  access: staff('admin', 'billing', 'support'),
  request: { path: invoicePath, query: z.strictObject({ accountId: accountIdSchema }) },
  response: json(pdfLink),
});
