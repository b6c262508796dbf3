// A payment in the account's history: money that arrived for an order (a bank transfer staff recorded) or was taken
// from the account's balance. Written by the payments area when it applies a payment (shared/shop/order-payments.ts,
// in that transaction, with `paymentItem`); read here for the invoices page's payment history. Never changes.

import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys, SK_PREFIX } from '#shared/db/keys.ts';
import { queryPage, type Page } from '#shared/db/page.ts';
import * as z from '#shared/validation.ts';

export const PAYMENT_METHODS = ['bank-transfer', 'balance'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface Payment {
  /** ULID: the history's time order. */
  paymentId: string;
  accountId: string;
  method: PaymentMethod;
  amountMinor: number;
  currency: string;
  /** When the money arrived (a bank payment: the day it was received; a balance payment: when it was taken). */
  receivedAt: string;
  /** The order it paid, when it paid one. */
  order?: { orderId: string; reference: string };
  /** A bank payment's reference as the bank statement gives it. */
  bankReference?: string;
}

const paymentSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    paymentId: z.string(),
    accountId: z.string(),
    method: z.enum(PAYMENT_METHODS),
    amountMinor: z.number().check(z.int()),
    currency: z.string(),
    receivedAt: z.string(),
    order: z.optional(z.object({ orderId: z.string(), reference: z.string() })),
    bankReference: z.optional(z.string()),
  }),
);

/** The item to Put (conditional on `attribute_not_exists(PK)`) in the transaction that applies the payment. */
export function paymentItem(payment: Payment): Item {
  return { ...keys.payment(payment.accountId, payment.paymentId), type: 'Payment', ...payment };
}

export function paymentFromItem(item: Item): Payment {
  return parseItem('Payment', paymentSchema, item);
}

/** The account's payments, newest first, a page at a time (one Query). */
export function listAccountPayments(accountId: string, page: { limit?: number; cursor?: string }): Promise<Page<Payment>> {
  return queryPage(
    { partition: `ACCOUNT#${accountId}`, sortKeyPrefix: SK_PREFIX.payment, newestFirst: true, limit: page.limit, cursor: page.cursor },
    paymentFromItem,
  );
}
