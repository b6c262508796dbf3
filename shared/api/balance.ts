// Route contracts of the balance: ledger, top-ups, refunds, staff adjustments, the low-balance alert.

import { ROLE_AREAS } from '#shared/accounts/roles.ts';
import { auditReason, moneySchema, pageOf, supportedCurrency, timestamp } from '#shared/api/common.ts';
import { contract, customerRoles, json, staff } from '#shared/api/contract.ts';
import { accountIdSchema, pageQuery, ulidSchema } from '#shared/http/schemas.ts';
import { lineNoteSchema } from '#shared/orders/fields.ts';
import * as z from '#shared/validation.ts';

/** The largest single balance change: 10 million in major units (a typo guard, not a business rule). */
export const MAX_BALANCE_CHANGE_MINOR = 1_000_000_000;

const positiveAmount = z.number().check(z.int(), z.minimum(1), z.maximum(MAX_BALANCE_CHANGE_MINOR));
const idempotencyKey = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,100}$/, 'A client-generated key such as a UUID.'));

export const ledgerEntryView = z.strictObject({
  entryId: z.string(),
  currency: z.string(),
  /** Signed minor units: a credit is positive. */
  amountMinor: z.number(),
  kind: z.enum(['top-up', 'payment', 'refund', 'overpayment', 'adjustment']),
  source: z.strictObject({ kind: z.enum(['order', 'refund', 'payment', 'adjustment']), id: z.string(), label: z.optional(z.string()) }),
  memo: z.optional(z.string()),
  /** The memo as facts (a cancellation's refund): the page shows it in the reader's language (line-text.ts noteText). */
  note: z.optional(lineNoteSchema()),
  at: timestamp,
});

export const currencyBalanceView = z.strictObject({
  currency: z.string(),
  amountMinor: z.number(),
  thresholdMinor: z.optional(z.number()),
  alertedAt: z.optional(timestamp),
});

const balancesView = z.strictObject({ balances: z.array(currencyBalanceView), accountCurrency: z.string() });

/** Without a currency: the first holding money, else the account's own (as the page shows first). */
const ledgerQuery = z.strictObject({ currency: z.optional(supportedCurrency), ...pageQuery.shape });

export const getBalance = contract({
  method: 'GET',
  path: '/api/balance',
  summary:
    'The account’s balance in each currency it holds (its own currency first, 0 when never credited) and the low-balance thresholds.',
  access: customerRoles(ROLE_AREAS.billingRead),
  request: {},
  response: json(balancesView),
});

export const listLedger = contract({
  method: 'GET',
  path: '/api/balance/ledger',
  summary: 'The ledger of one currency, newest first: top-ups, payments from the balance, refunds, overpayments, staff adjustments.',
  access: customerRoles(ROLE_AREAS.billingRead),
  request: { query: ledgerQuery },
  response: json(pageOf(ledgerEntryView)),
});

export const createTopUp = contract({
  method: 'POST',
  path: '/api/balance/top-ups',
  summary:
    'Owner or billing: a top-up order paid by bank transfer, with its proforma (no VAT: a deposit) and the order mail; the balance rises when staff record the payment. A retry with the same key answers the same order (200).',
  access: customerRoles(ROLE_AREAS.billingWrite),
  request: { body: z.strictObject({ amountMinor: positiveAmount, currency: supportedCurrency, idempotencyKey }) },
  response: json(
    z.strictObject({
      orderId: z.string(),
      reference: z.string(),
      total: moneySchema,
      proforma: z.strictObject({ invoiceId: z.string(), number: z.string() }),
      expiresAt: timestamp,
      /** What the transfer needs: the vendor's bank, the exact amount and the title (the reference). */
      bankTransfer: z.strictObject({ holder: z.string(), bankName: z.string(), iban: z.string(), swift: z.string(), title: z.string() }),
    }),
    201,
    200,
  ),
});

export const setLowBalanceAlert = contract({
  method: 'PUT',
  path: '/api/balance/alert',
  summary:
    'Owner or billing: the low-balance alert of one currency (null removes it): the billing mail recipients are mailed once each time the balance falls below it.',
  access: customerRoles(ROLE_AREAS.billingWrite),
  request: {
    body: z.strictObject({
      currency: supportedCurrency,
      thresholdMinor: z.nullable(z.number().check(z.int(), z.minimum(0), z.maximum(MAX_BALANCE_CHANGE_MINOR))),
    }),
  },
  response: json(currencyBalanceView),
});

// -- staff --

const accountPath = z.strictObject({ accountId: accountIdSchema });
/** Money writes: billing and admin; reading also support. */
const moneyStaff = staff('admin', 'billing');

export const getCustomerBalance = contract({
  method: 'GET',
  path: '/api/admin/accounts/{accountId}/balance',
  summary:
    'Staff: a customer’s balances and the newest ledger entries of one currency (the first holding money, else the account’s own, unless named).',
  access: staff('admin', 'billing', 'support'),
  request: { path: accountPath, query: z.strictObject({ currency: z.optional(supportedCurrency) }) },
  response: json(z.strictObject({ ...balancesView.shape, currency: z.string(), entries: pageOf(ledgerEntryView) })),
});

export const adjustBalance = contract({
  method: 'POST',
  path: '/api/admin/accounts/{accountId}/balance-adjustments',
  summary:
    'Staff (admin, billing): credits (positive) or debits (negative) a customer’s balance with a memo the customer sees; never below 0 (409 INSUFFICIENT_BALANCE); once per idempotency key; reason required.',
  access: moneyStaff,
  audit: { action: 'balance.adjust', reason: 'required' },
  request: {
    path: accountPath,
    body: z.strictObject({
      amountMinor: z.number().check(
        z.int(),
        z.minimum(-MAX_BALANCE_CHANGE_MINOR),
        z.maximum(MAX_BALANCE_CHANGE_MINOR),
        z.refine((amount) => amount !== 0, 'A credit or a debit: not 0.'),
      ),
      currency: supportedCurrency,
      memo: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
      idempotencyKey,
      reason: auditReason,
    }),
  },
  response: json(z.strictObject({ entry: ledgerEntryView, balance: currencyBalanceView, replayed: z.boolean() }), 201, 200),
});

export const refundOrder = contract({
  method: 'POST',
  path: '/api/admin/orders/{orderId}/refunds',
  summary:
    'Staff (admin, billing): refunds a paid order to the customer’s balance, whole (default) or in part, once per order (409 ALREADY_REFUNDED); with a correction invoice when the order has a VAT invoice; reason required.',
  access: moneyStaff,
  audit: { action: 'balance.refund', reason: 'required' },
  request: {
    path: z.strictObject({ orderId: ulidSchema }),
    body: z.strictObject({ accountId: accountIdSchema, amountMinor: z.optional(positiveAmount), reason: auditReason }),
  },
  response: json(
    z.strictObject({
      sourceKey: z.string(),
      amountMinor: z.number(),
      currency: z.string(),
      entryId: z.string(),
      correction: z.optional(z.strictObject({ invoiceId: z.string(), number: z.string() })),
      at: timestamp,
      replayed: z.boolean(),
    }),
    201,
    200,
  ),
});

/** The currency a balance page shows first: the first one holding money, else the account's own. */
export function preferredCurrency(view: {
  balances: ReadonlyArray<{ currency: string; amountMinor: number }>;
  accountCurrency: string;
}): string {
  return view.balances.find((balance) => balance.amountMinor !== 0)?.currency ?? view.accountCurrency;
}
