// An order placed from actions rather than the cart (issue #15): renewing a subscription from the balance, a plan
// change's prorated upgrade, the daily job's auto-renew. The same prepayment order as checkout (its proforma, reference,
// idempotency record: shared/shop/checkout.ts buildPrepaymentOrder) with the actions' quoted lines; paid from the balance
// at once when asked (applyOrderPayment: its fulfilment renews, upgrades or switches in the same transaction), else
// mailed with the bank-transfer details like any order.
//
// Exactly once: the page's key makes one order (a retry answers it), and its payment from the balance is claimed with a
// key derived from it, so a retry after a lost answer pays nothing twice. The balance is checked before the order is
// written (409 INSUFFICIENT_BALANCE writes nothing); if it drops in between, the order stays awaiting payment and the
// answer says so.

import { createHash } from 'node:crypto';
import { type Account, accountFromItem, accountKey } from '#shared/accounts/account.ts';
import { assertMayPay } from '#shared/accounts/verification.ts';
import { invoiceBuyer } from '#shared/billing/invoice.ts';
import { balancesOf } from '#shared/billing/ledger.ts';
import { failedConditions, transactWithRetry } from '#shared/billing/transact.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { AppError, ConflictError, NotFoundError } from '#shared/http/errors.ts';
import type { LineAction } from '#shared/orders/fields.ts';
import { orderFromItem, orderKey, type StoredOrder } from '#shared/orders/model.ts';
import { type Draft, buildPrepaymentOrder, type PlacedBy, taxedReview } from '#shared/shop/checkout.ts';
import { readCheckoutRecord } from '#shared/shop/checkout-record.ts';
import { accountCurrency } from '#shared/shop/currency.ts';
import { quoteAction } from '#shared/shop/line-actions.ts';
import { type AppliedPayment, applyOrderPayment, insufficientBalance } from '#shared/shop/order-payments.ts';
import { mailPlacedOrder } from '#shared/shop/order-mail.ts';
import { now } from '#shared/time.ts';

export interface DirectOrderInput {
  /** The buyer (invoiced; a distributor buying for a client names the client in each action's licensee). */
  accountId: string;
  placedBy: PlacedBy;
  actions: readonly LineAction[];
  idempotencyKey: string;
  paymentMethod: 'balance' | 'bank-transfer';
  /** The gross the customer saw (a preview); a different one today is 409 PRICES_CHANGED. */
  acceptedTotalMinor?: number;
}

export interface DirectOrder {
  order: StoredOrder;
  /** True when this answers a retry of the same key. */
  replayed: boolean;
  /** The payment from the balance, when the order was paid from it now (or by the first request of this key). */
  payment?: AppliedPayment;
}

function fingerprint(parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

async function readAccountItem(accountId: string) {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: accountKey(accountId), ConsistentRead: true }));
  if (!found.Item) throw new NotFoundError('No such account.');
  return found.Item;
}

/** The key of the balance payment of a direct order: one per order key, so a retry pays at most once. */
const paymentKeyOf = (idempotencyKey: string) => `direct:${idempotencyKey}`;

/** Places the order (see the module comment) and, for the balance, pays it in full at once. */
export async function placeDirectOrder(input: DirectOrderInput): Promise<DirectOrder> {
  const requestFingerprint = fingerprint(['direct', input.paymentMethod, input.actions]);
  const earlier = await replay(input, requestFingerprint);
  if (earlier) return earlier;

  const accountItemRead = await readAccountItem(input.accountId);
  const account: Account = accountFromItem(accountItemRead);
  assertMayPay(account);
  const currency = accountCurrency(account);
  const at = now();
  const quotes = await Promise.all(input.actions.map((action) => quoteAction({ buyer: account, currency, at }, action)));
  const orderLines = quotes.map((quote) => {
    if ('unavailable' in quote) throw new AppError(400, quote.unavailable, quote.message);
    return quote.line;
  });
  const buyer = invoiceBuyer(account);
  const review = taxedReview(orderLines, buyer);
  if (input.acceptedTotalMinor !== undefined && review.totals.grossMinor !== input.acceptedTotalMinor) {
    throw new ConflictError('Prices changed since you saw them. Check the new amount and confirm again.', 'PRICES_CHANGED', {
      currency,
      totals: review.totals,
    });
  }
  if (input.paymentMethod === 'balance' && (balancesOf(accountItemRead)[currency] ?? 0) < review.totals.grossMinor) {
    throw insufficientBalance();
  }

  let positions: Draft['at'] | undefined;
  let order: StoredOrder;
  try {
    order = await transactWithRetry(async () => {
      const draft = await buildPrepaymentOrder({
        account,
        placedBy: input.placedBy,
        checkout: { orderLines, buyer, currency, tax: review.tax, totals: review.totals },
        paymentMethod: input.paymentMethod,
        record: { idempotencyKey: input.idempotencyKey, requestFingerprint, cartFingerprint: requestFingerprint },
      });
      positions = draft.at;
      return { items: draft.items, retryOnConditionAt: [draft.at.counter], result: draft.order };
    });
  } catch (error) {
    // Another request with this key won the race: answer its order.
    if (positions && failedConditions(error).has(positions.record)) {
      const first = await replay(input, requestFingerprint);
      if (first) return first;
    }
    throw error;
  }
  if (input.paymentMethod === 'bank-transfer') {
    await mailPlacedOrder(order);
    return { order, replayed: false };
  }
  return { ...(await payFromBalance(input, order)), replayed: false };
}

/** Pays the whole order from the balance, once per order key; a balance that fell short leaves it awaiting payment. */
async function payFromBalance(input: DirectOrderInput, order: StoredOrder): Promise<Omit<DirectOrder, 'replayed'>> {
  try {
    const payment = await applyOrderPayment({
      accountId: input.accountId,
      orderId: order.orderId,
      method: 'balance',
      amountMinor: order.total.amountMinor,
      currency: order.total.currency,
      at: now(),
      idempotencyKey: paymentKeyOf(input.idempotencyKey),
    });
    return { order: payment.order, payment };
  } catch (error) {
    if (error instanceof AppError && error.code === 'INSUFFICIENT_BALANCE') return { order };
    throw error;
  }
}

/** The order an earlier request with this key placed (paid from the balance if that request was cut short), or undefined. */
async function replay(input: DirectOrderInput, requestFingerprint: string): Promise<DirectOrder | undefined> {
  const record = await readCheckoutRecord(input.accountId, input.idempotencyKey);
  if (!record) return undefined;
  if (record.requestFingerprint !== requestFingerprint) {
    throw new ConflictError('This key was already used for another order. Reload the page and try again.', 'IDEMPOTENCY_KEY_REUSED');
  }
  const found = await db().send(
    new GetCommand({ TableName: tableName(), Key: orderKey(input.accountId, record.orderId), ConsistentRead: true }),
  );
  if (!found.Item)
    throw new ConflictError('The order placed with this key has since been moved to another account.', 'IDEMPOTENT_ORDER_MOVED');
  const order = orderFromItem(found.Item);
  if (input.paymentMethod === 'balance' && order.shop?.status === 'awaiting-payment') {
    return { ...(await payFromBalance(input, order)), replayed: true };
  }
  return { order, replayed: true };
}
