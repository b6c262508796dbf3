// The payment entity: money that reached the seller for an account — a bank transfer staff recorded, or a payment from
// the balance — with what it was for and where it went (applied to the order, or credited to the balance). One item in
// the account's partition (`PAYMENT#<ulid>`: the customer's payment history in time order) and in GSI2 `PAYMENTS` (the
// staff's recent payments). Written only in the transaction that applies it (shared/shop/order-payments.ts); never
// changed afterwards. A bank payment's reference is claimed once (`BANKPAYMENT#<normalised reference>`).

import { tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys, SK_PREFIX } from '#shared/db/keys.ts';
import { type Page, queryPage } from '#shared/db/page.ts';
import type { TransactItem } from '#shared/audit/audit.ts';
import { PAYMENT_METHODS, type PaymentMethodId } from '#shared/orders/model.ts';
import * as z from '#shared/validation.ts';

export interface Payment {
  paymentId: string;
  accountId: string;
  method: PaymentMethodId;
  /** What arrived (or left the balance), minor units of `currency`. */
  amountMinor: number;
  currency: string;
  /** Of the amount: what paid the order. */
  appliedMinor: number;
  /** Of the amount: what went to the balance (an overpayment, a top-up, a payment for an order no longer payable). */
  creditedMinor: number;
  /** The day the money arrived (bank payments: the bank statement's date, YYYY-MM-DD). */
  receivedOn: string;
  /** When it was recorded. */
  recordedAt: string;
  /** The bank's reference of the transfer, as staff typed it. */
  bankReference?: string;
  order: { orderId: string; reference: string };
  /** The staff user who recorded a bank payment. */
  recordedBy?: string;
}

export const PAYMENT_PREFIX = SK_PREFIX.payment;
export const PAYMENTS_PARTITION = keys.paymentsIndex('', '').GSI2PK;

/** Bank references are compared without spaces and case: the same transfer typed twice is the same reference. */
export function normaliseBankReference(reference: string): string {
  return reference.replace(/\s+/g, '').toUpperCase();
}

const paymentSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    paymentId: z.string(),
    accountId: z.string(),
    method: z.enum(PAYMENT_METHODS),
    amountMinor: z.number().check(z.int()),
    currency: z.string(),
    appliedMinor: z.number().check(z.int()),
    creditedMinor: z.number().check(z.int()),
    receivedOn: z.string(),
    recordedAt: z.string(),
    bankReference: z.optional(z.string()),
    order: z.object({ orderId: z.string(), reference: z.string() }),
    recordedBy: z.optional(z.string()),
  }),
);

export function paymentItem(payment: Payment): Item {
  return {
    ...keys.payment(payment.accountId, payment.paymentId),
    ...keys.paymentsIndex(payment.recordedAt, payment.paymentId),
    type: 'Payment',
    ...payment,
    // Top-level, so one order's payments are read with a filter on it.
    orderId: payment.order.orderId,
  };
}

export function paymentFromItem(item: Item): Payment {
  return parseItem('Payment', paymentSchema, item);
}

/** The payment's Put (a new item, never overwritten). */
export function paymentPut(payment: Payment): TransactItem {
  return { Put: { TableName: tableName(), Item: paymentItem(payment), ConditionExpression: 'attribute_not_exists(PK)' } };
}

/** The bank reference's claim: taken once, so the same transfer recorded twice is refused. */
export function bankPaymentClaimPut(payment: Payment & { bankReference: string }): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: {
        ...keys.bankPayment(normaliseBankReference(payment.bankReference)),
        type: 'BankPayment',
        accountId: payment.accountId,
        paymentId: payment.paymentId,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

/** The account's payments, newest first (the payment history). */
export function listAccountPayments(accountId: string, page: { limit?: number; cursor?: string }): Promise<Page<Payment>> {
  return queryPage({ partition: keys.account(accountId).PK, sortKeyPrefix: PAYMENT_PREFIX, newestFirst: true, ...page }, paymentFromItem);
}

/** Every account's payments, newest first (the staff's recent payments). */
export function listRecentPayments(page: { limit?: number; cursor?: string }): Promise<Page<Payment>> {
  return queryPage({ index: 'GSI2', partition: PAYMENTS_PARTITION, newestFirst: true, ...page }, paymentFromItem);
}

/** The payments of one order, oldest first (bounded: an order is paid in a few parts at most). */
export async function listOrderPayments(accountId: string, orderId: string): Promise<Payment[]> {
  const payments: Payment[] = [];
  let cursor: string | undefined;
  // Oldest first; the account's history holds every order's payments: ten pages of 100 bound the reads.
  for (let pages = 0; pages < 10; pages += 1) {
    const page = await queryPage(
      {
        partition: keys.account(accountId).PK,
        sortKeyPrefix: PAYMENT_PREFIX,
        where: { orderId },
        limit: 100,
        ...(cursor ? { cursor } : {}),
      },
      paymentFromItem,
    );
    payments.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return payments;
}
