// Applying money to a shop order: the one way every payment arrives (a bank transfer staff record, the balance, later a
// card provider's webhook). In ONE transaction the order's paid amount grows, the payment is recorded (the payment
// history), the balance is debited (paying from it) or credited (an overpayment, a top-up, money for an order that can
// no longer be paid), and — when the order is paid in full — it is fulfilled: the VAT invoice, the proforma marked paid,
// the licences issued. After it, the customer's `orders` recipients are mailed, with the activation files attached.

import { accountPurchaseUpdate } from '#shared/accounts/account.ts';
import type { TransactItem } from '#shared/audit/audit.ts';
import { MAX_TRANSACTION_ITEMS } from '#shared/audit/audit.ts';
import { checkLowBalance } from '#shared/billing/low-balance.ts';
import { getInvoice, type InvoiceDraftInput, invoiceDraft, invoiceKey, proformaVoidUpdate } from '#shared/billing/invoice.ts';
import { BALANCE_UPDATE_INDEX, balanceChange, type LedgerEntryKind } from '#shared/billing/ledger.ts';
import { bankPaymentClaimPut, type Payment, paymentFromItem, paymentPut } from '#shared/billing/payment.ts';
import { failedConditions, transactWithRetry } from '#shared/billing/transact.ts';
import { readCatalogue, type SellableSku, sellableSkus } from '#shared/catalogue/read.ts';
import { GetCommand, TransactWriteCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import type { Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { AppError, ConflictError, NotFoundError } from '#shared/http/errors.ts';
import { newId } from '#shared/ids.ts';
import { logger } from '#shared/observability/logger.ts';
import { issueLicences } from '#shared/orders/issue-licences.ts';
import {
  type IssuedLicence,
  orderFromItem,
  orderItem,
  orderKey,
  type ShopOrderState,
  type StartedService,
  type StoredOrder,
} from '#shared/orders/model.ts';
import type { PricedLine } from '#shared/orders/pricing.ts';
import { type PaymentMail, mailPayment } from '#shared/shop/payment-mail.ts';
import { type FulfilContext, fulfilAction, isActionLine } from '#shared/shop/line-actions.ts';
import { type FulfilmentRefusal, FulfilmentRefused } from '#shared/shop/fulfilment-error.ts';
import { lineDescription } from '#shared/shop/line-key.ts';

export interface OrderPaymentInput {
  accountId: string;
  orderId: string;
  method: 'bank-transfer' | 'balance';
  amountMinor: number;
  currency: string;
  at: Date;
  /** A bank transfer's reference (claimed once) and the day it arrived. */
  bankPayment?: { bankReference: string; receivedOn: string };
  /** A payment from the balance: the page's key, so a double click or a retry pays once. */
  idempotencyKey?: string;
  /** The staff user who recorded a bank payment. */
  recordedBy?: string;
  /** Writes the items (an audited staff write: `audit.commit`); the default is a plain TransactWriteItems. */
  write?: (items: TransactItem[], written: { payment: Payment; order: StoredOrder }) => Promise<unknown>;
}

export interface AppliedPayment {
  /** `applied` to the order; `credited-to-balance` (the order could no longer be paid); `replayed`: a retry, nothing new. */
  outcome: 'applied' | 'credited-to-balance' | 'replayed';
  payment: Payment;
  order: StoredOrder;
  /** The licences this payment's fulfilment issued (empty unless it fulfilled a purchase). */
  issued: IssuedLicence[];
  /** What happened to the customer's mail about it. */
  mail: PaymentMail;
}

/** Items an audited write adds to the payment's transaction. */
const AUDIT_RESERVE = 3;

export class OrderNotPayableError extends ConflictError {
  constructor(status: string) {
    super(`The order is ${status}: it can no longer be paid.`, 'ORDER_NOT_PAYABLE', { status });
  }
}

export function insufficientBalance(): ConflictError {
  return new ConflictError('The balance does not cover this payment.', 'INSUFFICIENT_BALANCE');
}

/** An order that waits for its money; staff orders (no shop state) were fulfilled when written. */
export function isPayable(order: StoredOrder): order is StoredOrder & { shop: ShopOrderState } {
  return order.shop?.status === 'awaiting-payment';
}

/** What is still to pay, minor units: nothing once the order no longer awaits payment (fulfilled, cancelled, expired). */
export function amountDue(order: StoredOrder): number {
  return isPayable(order) ? Math.max(0, order.total.amountMinor - order.shop.paidMinor) : 0;
}

async function readOrder(accountId: string, orderId: string): Promise<StoredOrder> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: orderKey(accountId, orderId), ConsistentRead: true }));
  if (!found.Item) throw new NotFoundError('The order was not found.');
  return orderFromItem(found.Item);
}

async function readItem(key: Record<string, string>): Promise<Item | undefined> {
  return (await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))).Item;
}

/**
 * Two Updates of one item merged into one (a transaction may touch an item once): the account's balance and its
 * purchase summary change together when a payment from the balance fulfils an order. SET/ADD clauses are joined,
 * conditions ANDed; the two must not use one placeholder for different values.
 */
export function mergeUpdates(first: TransactItem, second: TransactItem): TransactItem {
  const a = first.Update;
  const b = second.Update;
  if (!a || !b) throw new TypeError('Only Updates merge');
  const merged: Record<string, string[]> = {};
  for (const expression of [a.UpdateExpression ?? '', b.UpdateExpression ?? '']) {
    for (const match of expression.matchAll(/\b(SET|ADD|REMOVE|DELETE)\b\s+([\s\S]*?)(?=\s+\b(?:SET|ADD|REMOVE|DELETE)\b\s|$)/g)) {
      const action = match[1]!;
      merged[action] = [...(merged[action] ?? []), match[2]!.trim()];
    }
  }
  const values = { ...a.ExpressionAttributeValues };
  for (const [name, value] of Object.entries(b.ExpressionAttributeValues ?? {})) {
    if (name in values && JSON.stringify(values[name]) !== JSON.stringify(value)) throw new TypeError(`Placeholder ${name} clashes`);
    values[name] = value;
  }
  const conditions = [a.ConditionExpression, b.ConditionExpression].filter(Boolean).map((condition) => `(${condition})`);
  return {
    Update: {
      ...a,
      UpdateExpression: Object.entries(merged)
        .map(([action, parts]) => `${action} ${parts.join(', ')}`)
        .join(' '),
      ...(conditions.length ? { ConditionExpression: conditions.join(' AND ') } : {}),
      ExpressionAttributeNames: { ...a.ExpressionAttributeNames, ...b.ExpressionAttributeNames },
      ExpressionAttributeValues: values,
    },
  };
}

/** The catalogue's SKUs, read once per payment and only when it fulfils a purchase. */
function catalogueOnce(): () => Promise<Map<string, SellableSku>> {
  let read: Promise<Map<string, SellableSku>> | undefined;
  return () => {
    read ??= readCatalogue().then((catalogue) => new Map(sellableSkus(catalogue).map((sku) => [sku.sku, sku])));
    return read;
  };
}

/** The order's licence lines as the licence issuing prices them (the SKU's support years and term from the catalogue). */
function pricedLinesOf(order: StoredOrder, skus: Map<string, SellableSku>): PricedLine[] {
  return order.lines
    .flatMap((line) => (isActionLine(line) ? [] : [line]))
    .map((line) => {
      const product = skus.get(line.sku);
      if (!product) logger.warn('fulfilment: a SKU of the order is gone from the catalogue; issued without support', { sku: line.sku });
      return {
        line,
        product: product ?? {
          sku: line.sku,
          product: line.product,
          edition: line.edition,
          users: line.users,
          supportYears: 0,
          active: false,
          prices: {},
        },
      };
    });
}

/** The VAT invoice's lines: the proforma's (what the customer was asked to pay), else the order's at their net prices. */
async function vatInvoiceInput(order: StoredOrder & { shop: ShopOrderState }, at: Date): Promise<InvoiceDraftInput> {
  const proforma = order.shop.proforma ? await getInvoice(order.accountId, order.shop.proforma.invoiceId, true) : undefined;
  return {
    kind: 'vat',
    accountId: order.accountId,
    at,
    paidAt: at,
    buyer: proforma?.buyer ?? order.shop.billing,
    currency: order.total.currency,
    tax: { treatment: order.shop.tax.treatment, rateBasisPoints: order.shop.tax.rateBasisPoints },
    lines: proforma
      ? proforma.lines.map(({ description, sku, quantity, unitNetMinor }) => ({
          description,
          ...(sku ? { sku } : {}),
          quantity,
          unitNetMinor,
        }))
      : order.lines.map((line) => ({
          description: lineDescription(line, order.locale),
          sku: line.sku,
          quantity: line.quantity,
          unitNetMinor: line.unitPrice.amountMinor,
        })),
    order: { orderId: order.orderId, reference: order.reference },
  };
}

interface Built {
  items: TransactItem[];
  retryOnConditionAt: number[];
  result: { payment: Payment; order: StoredOrder; issued: IssuedLicence[]; outcome: AppliedPayment['outcome'] };
  /** Where the claim (bank reference or balance key) and the debited balance sit, to name a failed condition. */
  claimAt?: number;
  debitAt?: number;
}

/**
 * Applies one payment to one order (see the module comment). Refuses a payment from the balance for an order that is
 * not awaiting payment (409 ORDER_NOT_PAYABLE) or above what is due (400 AMOUNT_EXCEEDS_DUE); a bank payment for such
 * an order is credited to the balance instead. A wrong currency is a 400 CURRENCY_MISMATCH; the same bank reference
 * twice a 409 PAYMENT_ALREADY_RECORDED; a balance that does not cover it a 409 INSUFFICIENT_BALANCE.
 */
export async function applyOrderPayment(input: OrderPaymentInput): Promise<AppliedPayment> {
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0) {
    throw new AppError(400, 'VALIDATION_FAILED', 'A payment is a whole, positive number of minor units.');
  }
  if (input.method === 'bank-transfer' && !input.bankPayment) throw new TypeError('A bank payment needs its bank reference');
  const paymentId = newId(input.at);
  const catalogue = catalogueOnce();
  let last: Built | undefined;
  let refusalsSeen = 0;

  const build = async (): Promise<Built> => {
    if (input.idempotencyKey) {
      const claim = await readItem(keys.balancePaymentClaim(input.accountId, input.idempotencyKey));
      if (claim) {
        last = await replay(input.accountId, String(claim.paymentId));
        return last;
      }
    }
    const order = await readOrder(input.accountId, input.orderId);
    if (order.total.currency !== input.currency) {
      throw new AppError(400, 'CURRENCY_MISMATCH', `The order is in ${order.total.currency}, not ${input.currency}.`, {
        orderCurrency: order.total.currency,
      });
    }
    const payable = isPayable(order) && !(input.method === 'balance' && order.shop.purpose === 'top-up');
    if (!payable && input.method === 'balance') throw new OrderNotPayableError(order.shop?.status ?? 'fulfilled');
    const due = amountDue(order);
    if (input.method === 'balance' && input.amountMinor > due) {
      throw new AppError(400, 'AMOUNT_EXCEEDS_DUE', 'Pay at most the amount due from the balance.', { dueMinor: due });
    }
    if (!payable) {
      last = buildCredited(order);
      return last;
    }
    try {
      last = await buildApplied(order as StoredOrder & { shop: ShopOrderState });
    } catch (error) {
      if (!(error instanceof FulfilmentRefused)) throw error;
      // Perhaps only a racing payment of this order changed the target (it renewed or upgraded it already): then the
      // order moved on too, and this payment is built again from the order as it is now (a replay, or not payable).
      if ((await readOrder(input.accountId, input.orderId)).shop?.version !== order.shop?.version && refusalsSeen++ < 3) return build();
      // A line can no longer be fulfilled (its subscription ended, its licence changed...): a balance payment is
      // refused (nothing moved); a bank transfer has arrived, so it goes to the balance and the order is cancelled.
      if (input.method !== 'bank-transfer') throw error;
      last = buildCredited(order, { refusal: error.refusal, shop: order.shop! });
    }
    return last;
  };

  /**
   * A bank payment for an order that can no longer be paid: recorded, and credited to the balance. When the order
   * could not be fulfilled (`cancel`), it is also cancelled (conditional on the version read: index 0 retries) with
   * the refusal's code, and what it had received before (a part paid earlier) goes back to the balance too.
   */
  const buildCredited = (order: StoredOrder, cancel?: { refusal: FulfilmentRefusal; shop: ShopOrderState }): Built => {
    const payment = paymentOf(order, 0, input.amountMinor);
    const items: TransactItem[] = [];
    const retryOnConditionAt: number[] = [];
    let cancelled = order;
    if (cancel) {
      const shop: ShopOrderState = {
        ...cancel.shop,
        status: 'cancelled',
        closedAt: input.at.toISOString(),
        closedBecause: cancel.refusal,
        paidMinor: 0,
        balanceUsedMinor: 0,
        version: cancel.shop.version + 1,
      };
      cancelled = { ...order, shop };
      retryOnConditionAt.push(items.length);
      items.push({
        Put: {
          TableName: tableName(),
          Item: orderItem({ accountId: order.accountId, order: cancelled, locale: order.locale, issued: order.issued, shop }),
          ConditionExpression: '#shop.#version = :version',
          ExpressionAttributeNames: { '#shop': 'shop', '#version': 'version' },
          ExpressionAttributeValues: { ':version': cancel.shop.version },
        },
      });
      // Its proforma asks for money no longer owed: void, as an expired order's is.
      if (cancel.shop.proforma) items.push(proformaVoidUpdate(order.accountId, cancel.shop.proforma.invoiceId, input.at));
    }
    items.push(paymentPut(payment));
    const claimAt = items.length;
    items.push(bankPaymentClaimPut({ ...payment, bankReference: input.bankPayment!.bankReference }));
    // One balance change (an item changes once per transaction): this payment, plus what the order held before.
    const held = cancel?.shop.paidMinor ?? 0;
    const memo = cancel
      ? `The order could not be fulfilled (${cancel.refusal}) and was cancelled${held ? `; includes ${held} minor units it had received before` : ''}.`
      : undefined;
    items.push(...credit(order, input.amountMinor + held, 'payment', memo).items);
    return { items, retryOnConditionAt, claimAt, result: { payment, order: cancelled, issued: [], outcome: 'credited-to-balance' } };
  };

  const buildApplied = async (order: StoredOrder & { shop: ShopOrderState }): Promise<Built> => {
    const topUp = order.shop.purpose === 'top-up';
    const due = amountDue(order);
    const applied = topUp ? input.amountMinor : Math.min(input.amountMinor, due);
    const overpaid = input.amountMinor - applied;
    const fulfilled = topUp || order.shop.paidMinor + applied >= order.total.amountMinor;
    const payment = paymentOf(order, applied, overpaid);
    const at = input.at.toISOString();
    const shop: ShopOrderState = {
      ...order.shop,
      paidMinor: order.shop.paidMinor + applied,
      balanceUsedMinor: order.shop.balanceUsedMinor + (input.method === 'balance' ? applied : 0),
      version: order.shop.version + 1,
    };

    const TableName = tableName();
    const items: TransactItem[] = [];
    const retryOnConditionAt: number[] = [0];
    let claimAt: number | undefined;
    let debitAt: number | undefined;
    // Index 0, so its failed condition (another change of the order since it was read) means "read again and retry".
    items.push({ Put: { TableName, Item: {}, ConditionExpression: '#shop.#version = :version' } });
    items.push(paymentPut(payment));
    if (input.bankPayment) {
      claimAt = items.length;
      items.push(bankPaymentClaimPut({ ...payment, bankReference: input.bankPayment.bankReference }));
    }
    if (input.idempotencyKey) {
      claimAt = items.length;
      items.push({
        Put: {
          TableName,
          Item: {
            ...keys.balancePaymentClaim(input.accountId, input.idempotencyKey),
            type: 'BalancePaymentClaim',
            paymentId: payment.paymentId,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      });
    }

    // The account item changes once: its balance (a debit, an overpayment, a top-up) and its purchase summary merged.
    const accountUpdates: TransactItem[] = [];
    let debit = false;
    if (input.method === 'balance') {
      const change = balanceChange({
        accountId: order.accountId,
        currency: order.total.currency,
        amountMinor: -applied,
        kind: 'payment',
        source: { kind: 'order', id: order.orderId, label: order.reference },
        at: input.at,
      });
      items.push(change.items[0]);
      accountUpdates.push(change.items[BALANCE_UPDATE_INDEX]);
      debit = true;
    }
    const creditedKind: LedgerEntryKind | undefined = topUp ? 'top-up' : overpaid > 0 ? 'overpayment' : undefined;
    if (creditedKind) {
      const change = credit(order, topUp ? input.amountMinor : overpaid, creditedKind);
      items.push(change.items[0]);
      accountUpdates.push(change.items[BALANCE_UPDATE_INDEX]);
    }

    let issued: IssuedLicence[] = [];
    let services: StartedService[] = [];
    if (fulfilled) {
      Object.assign(shop, { status: 'fulfilled', paidAt: at, fulfilledAt: at });
      if (!topUp) {
        const draft = await invoiceDraft(await vatInvoiceInput(order, input.at));
        retryOnConditionAt.push(items.length + draft.counterIndex, items.length + draft.numberClaimIndex);
        items.push(...draft.items);
        shop.invoice = { invoiceId: draft.invoice.invoiceId, number: draft.invoice.number };
        if (order.shop.proforma) {
          items.push({
            Update: {
              TableName,
              Key: invoiceKey(order.accountId, order.shop.proforma.invoiceId),
              UpdateExpression: 'SET paidAt = :paidAt',
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeValues: { ':paidAt': at },
            },
          });
        }
        const licences = issueLicences({
          accountId: order.accountId,
          orderId: order.orderId,
          reference: order.reference,
          at: input.at,
          priced: pricedLinesOf(order, await catalogue()),
          by: 'payment',
          invoice: {
            invoiceId: draft.invoice.invoiceId,
            number: draft.invoice.number,
            tax: { treatment: order.shop.tax.treatment, rateBasisPoints: order.shop.tax.rateBasisPoints },
          },
        });
        issued = licences.issued;
        services = licences.services;
        items.push(...licences.items.map((Item) => ({ Put: { TableName, Item, ConditionExpression: 'attribute_not_exists(PK)' } })));
        // Renewals, upgrades and plan changes (issue #15): each kind's fulfilment, in this same transaction.
        const context: FulfilContext = {
          order,
          invoice: shop.invoice,
          tax: { treatment: order.shop.tax.treatment, rateBasisPoints: order.shop.tax.rateBasisPoints },
          at: input.at,
        };
        for (const line of order.lines.filter(isActionLine)) {
          const part = await fulfilAction(context, line);
          retryOnConditionAt.push(...part.retryOnConditionAt.map((index) => items.length + index));
          items.push(...part.items);
          issued = [...issued, ...part.issued];
        }
        accountUpdates.push(
          accountPurchaseUpdate(TableName, order.accountId, {
            licencesAdded: licences.issued.length,
            lastOrder: { reference: order.reference, orderedAt: order.orderedAt },
          }),
        );
      }
    }
    if (accountUpdates.length) {
      if (debit) debitAt = items.length;
      items.push(accountUpdates.reduce(mergeUpdates));
    }

    const startedServices = [...(order.services ?? []), ...services];
    const next: StoredOrder = {
      ...order,
      issued: [...order.issued, ...issued],
      ...(startedServices.length ? { services: startedServices } : {}),
      shop,
    };
    items[0] = {
      Put: {
        TableName,
        Item: orderItem({
          accountId: order.accountId,
          order: next,
          locale: next.locale,
          issued: next.issued,
          ...(next.services ? { services: next.services } : {}),
          shop,
        }),
        ConditionExpression: '#shop.#version = :version',
        ExpressionAttributeNames: { '#shop': 'shop', '#version': 'version' },
        ExpressionAttributeValues: { ':version': order.shop.version },
      },
    };
    const limit = MAX_TRANSACTION_ITEMS - (input.write ? AUDIT_RESERVE : 0);
    if (items.length > limit) {
      throw new AppError(409, 'ORDER_TOO_LARGE', `Fulfilling this order needs ${items.length} writes; one transaction takes ${limit}.`);
    }
    return { items, retryOnConditionAt, claimAt, debitAt, result: { payment, order: next, issued, outcome: 'applied' } };
  };

  const paymentOf = (order: StoredOrder, appliedMinor: number, creditedMinor: number): Payment => ({
    paymentId,
    accountId: order.accountId,
    method: input.method,
    amountMinor: input.amountMinor,
    currency: input.currency,
    appliedMinor,
    creditedMinor,
    receivedOn: input.bankPayment?.receivedOn ?? input.at.toISOString().slice(0, 10),
    recordedAt: input.at.toISOString(),
    ...(input.bankPayment ? { bankReference: input.bankPayment.bankReference.trim() } : {}),
    order: { orderId: order.orderId, reference: order.reference },
    ...(input.recordedBy ? { recordedBy: input.recordedBy } : {}),
  });

  const credit = (order: StoredOrder, amountMinor: number, kind: LedgerEntryKind, memo?: string) =>
    balanceChange({
      accountId: order.accountId,
      currency: order.total.currency,
      amountMinor,
      kind,
      source: { kind: 'payment', id: paymentId, label: order.reference },
      ...(memo ? { memo } : {}),
      at: input.at,
    });

  let written: Built['result'];
  try {
    written = await transactWithRetry(build, async (items) => {
      if (!last || last.result.outcome === 'replayed') return;
      if (input.write) return input.write(items, { payment: last.result.payment, order: last.result.order });
      return db().send(new TransactWriteCommand({ TransactItems: items }));
    });
  } catch (error) {
    const failed = failedConditions(error);
    if (last?.claimAt !== undefined && failed.has(last.claimAt)) {
      if (input.idempotencyKey) {
        const claim = await readItem(keys.balancePaymentClaim(input.accountId, input.idempotencyKey));
        if (claim) written = (await replay(input.accountId, String(claim.paymentId))).result;
        else throw error;
      } else {
        throw new ConflictError('A payment with this bank reference is already recorded.', 'PAYMENT_ALREADY_RECORDED');
      }
    } else if (last?.debitAt !== undefined && failed.has(last.debitAt)) {
      throw insufficientBalance();
    } else {
      throw error;
    }
  }

  // A debit may cross the low-balance threshold downwards, a credit (overpayment, top-up) upwards: the alert's state
  // follows either. It never fails the payment, which stands.
  if (written.outcome !== 'replayed' && (input.method === 'balance' || written.payment.creditedMinor > 0)) {
    await checkLowBalance(input.accountId, input.currency).catch((error: Error) =>
      logger.error('payment: the low-balance check failed', { error }),
    );
  }
  const mail = written.outcome === 'replayed' ? 'not-sent' : await mailPayment(written);
  return { ...written, mail };
}

/** The answer to a retry of a payment already applied: that payment and the order as it is now. */
async function replay(accountId: string, paymentId: string): Promise<Built> {
  const item = await readItem(keys.payment(accountId, paymentId));
  if (!item) throw new Error(`The payment ${paymentId} of a claim is missing`);
  const payment = paymentFromItem(item);
  const order = await readOrder(accountId, payment.order.orderId);
  return { items: [], retryOnConditionAt: [], result: { payment, order, issued: [], outcome: 'replayed' } };
}
