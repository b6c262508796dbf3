// The payments' use cases behind the routes: staff record a bank payment by order reference and look the order up as
// they type; staff and customers read where an order stands with its money; a customer pays from the balance.

import { mayPay } from '#shared/accounts/verification.ts';
import type { AuditTrail } from '#shared/audit/audit.ts';
import { balancesOf } from '#shared/billing/ledger.ts';
import { listOrderPayments, listRecentPayments, type Payment } from '#shared/billing/payment.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { AppError, NotFoundError } from '#shared/http/errors.ts';
import type { Page } from '#shared/paging.ts';
import { findOrderReference, normaliseOrderReference } from '#shared/orders/order-reference-claim.ts';
import { orderFromItem, orderKey, type StoredOrder } from '#shared/orders/model.ts';
import { type AppliedPayment, amountDue, applyOrderPayment } from '#shared/shop/order-payments.ts';
import { now } from '#shared/time.ts';

export interface PaymentView extends Omit<Payment, 'recordedBy'> {}

export interface OrderPaymentState {
  accountId: string;
  orderId: string;
  reference: string;
  status?: NonNullable<StoredOrder['shop']>['status'];
  purpose?: 'purchase' | 'top-up';
  currency: string;
  totalMinor: number;
  paidMinor: number;
  dueMinor: number;
  expiresAt?: string;
  proforma?: { invoiceId: string; number: string };
  invoice?: { invoiceId: string; number: string };
  closedBecause?: NonNullable<StoredOrder['shop']>['closedBecause'];
  licences: number;
}

export function toPaymentView({ recordedBy: _recordedBy, ...payment }: Payment): PaymentView {
  return payment;
}

export function orderPaymentState(order: StoredOrder): OrderPaymentState {
  const shop = order.shop;
  return {
    accountId: order.accountId,
    orderId: order.orderId,
    reference: order.reference,
    currency: order.total.currency,
    totalMinor: order.total.amountMinor,
    // A staff order was settled outside the portal when it was written: nothing is due.
    paidMinor: shop ? shop.paidMinor : order.total.amountMinor,
    dueMinor: amountDue(order),
    licences: order.issued.length,
    ...(shop
      ? {
          status: shop.status,
          purpose: shop.purpose,
          ...(shop.status === 'awaiting-payment' ? { expiresAt: shop.expiresAt } : {}),
          ...(shop.proforma ? { proforma: shop.proforma } : {}),
          ...(shop.invoice ? { invoice: shop.invoice } : {}),
          ...(shop.closedBecause ? { closedBecause: shop.closedBecause } : {}),
        }
      : {}),
  };
}

function resultView(result: AppliedPayment) {
  return { outcome: result.outcome, payment: toPaymentView(result.payment), order: orderPaymentState(result.order), mail: result.mail };
}

async function readOrder(accountId: string, orderId: string): Promise<StoredOrder> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: orderKey(accountId, orderId) }));
  if (!found.Item) throw new NotFoundError('The order was not found.');
  return orderFromItem(found.Item);
}

function unknownReference(reference: string): AppError {
  return new AppError(404, 'ORDER_REFERENCE_UNKNOWN', `No order has the reference ${normaliseOrderReference(reference)}.`);
}

/** Staff: the order a reference names, as the payment form shows it while they type. */
export async function findPaymentOrder(reference: string): Promise<OrderPaymentState> {
  const pointer = await findOrderReference(reference);
  if (!pointer) throw unknownReference(reference);
  return orderPaymentState(await readOrder(pointer.accountId, pointer.orderId));
}

export interface RecordPaymentInput {
  reference: string;
  amountMinor: number;
  currency: string;
  receivedOn: string;
  bankReference: string;
}

/** Staff: a bank payment matched to its order by reference, applied (or credited to the balance) with its audit entry. */
export async function recordBankPayment(input: RecordPaymentInput, audit: AuditTrail) {
  const pointer = await findOrderReference(input.reference);
  if (!pointer) throw unknownReference(input.reference);
  const result = await applyOrderPayment({
    accountId: pointer.accountId,
    orderId: pointer.orderId,
    method: 'bank-transfer',
    amountMinor: input.amountMinor,
    currency: input.currency,
    at: now(),
    bankPayment: { bankReference: input.bankReference, receivedOn: input.receivedOn },
    recordedBy: audit.staff.email ?? audit.staff.userId,
    write: (items, { payment, order }) =>
      audit.commit({
        target: { kind: 'payment', id: payment.paymentId, accountId: order.accountId, label: order.reference },
        changes: [
          { field: 'amount', after: `${payment.amountMinor} ${payment.currency}` },
          { field: 'bankReference', after: payment.bankReference ?? null },
          { field: 'appliedToOrder', after: payment.appliedMinor },
          { field: 'creditedToBalance', after: payment.creditedMinor },
          ...(order.shop ? [{ field: 'orderStatus', after: order.shop.status }] : []),
        ],
        items,
      }),
  });
  return resultView(result);
}

/** The customer pays all or part of their order from the balance. */
export async function payFromBalance(accountId: string, orderId: string, input: { amountMinor: number; idempotencyKey: string }) {
  // The currency is the order's own: read it first (a foreign or unknown order is a 404 here).
  const order = await readOrder(accountId, orderId);
  await mayPay(accountId);
  const result = await applyOrderPayment({
    accountId,
    orderId,
    method: 'balance',
    amountMinor: input.amountMinor,
    currency: order.total.currency,
    at: now(),
    idempotencyKey: input.idempotencyKey,
  });
  return resultView(result);
}

export async function staffOrderPayments(accountId: string, orderId: string) {
  const [order, payments] = await Promise.all([readOrder(accountId, orderId), listOrderPayments(accountId, orderId)]);
  return { order: orderPaymentState(order), payments: payments.map(toPaymentView) };
}

/** The customer's view: the order's money, its payments, and what the balance holds in its currency. */
export async function myOrderPayments(accountId: string, orderId: string) {
  const order = await readOrder(accountId, orderId);
  const [payments, account] = await Promise.all([
    listOrderPayments(accountId, orderId),
    db().send(new GetCommand({ TableName: tableName(), Key: keys.account(accountId) })),
  ]);
  const balanceMinor = account.Item ? (balancesOf(account.Item)[order.total.currency] ?? 0) : 0;
  return { order: orderPaymentState(order), payments: payments.map(toPaymentView), balanceMinor };
}

export async function listPayments(page: { limit?: number; cursor?: string }): Promise<Page<PaymentView>> {
  const found = await listRecentPayments(page);
  return { ...found, items: found.items.map(toPaymentView) };
}
