// One order of the caller's account, with its lines and the contact given at purchase, and for a shop order its state:
// status, amount due, the payment instructions while it waits for the money, its invoices. Another account's id is not found.

import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import { orderFromItem, orderKey, type StoredOrder, toOrder } from '#shared/orders/model.ts';
import { amountDue, type BankTransferInstructions, paymentMethod } from '#shared/shop/payment-methods.ts';

export async function getOrder(accountId: string, orderId: string) {
  const result = await db().send(new GetCommand({ TableName: tableName(), Key: orderKey(accountId, orderId) }));
  if (!result.Item) throw new NotFoundError('The order was not found.');
  return customerOrderOf(orderFromItem(result.Item));
}

/** The customer's view of a stored order: the order and, for a shop order, its state (shopView). */
export function customerOrderOf(stored: StoredOrder) {
  return {
    ...toOrder(stored),
    ...(stored.services ? { services: stored.services } : {}),
    ...(stored.shop ? { shop: shopView({ ...stored, shop: stored.shop }) } : {}),
  };
}

/** The customer's view of a shop order's state: the stored state without its version, plus what is due and how to pay. */
export function shopView(order: StoredOrder & { shop: NonNullable<StoredOrder['shop']> }) {
  const { version: _version, balanceUsedMinor: _balanceUsed, ...state } = order.shop;
  const instructions: BankTransferInstructions | undefined =
    state.status === 'awaiting-payment' ? paymentMethod(state.paymentMethod).instructions(order) : undefined;
  return { ...state, amountDue: amountDue(order), ...(instructions ? { instructions } : {}) };
}
