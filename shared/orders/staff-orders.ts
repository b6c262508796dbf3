// Staff: every order newest first, the orders of one customer e-mail, the order with a reference, and one order in
// full. Each is one or two keyed reads (docs/data-model.md, patterns 8c-8f); none scans.

import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { queryPage, type Page } from '#shared/db/page.ts';
import { normaliseEmail } from '#shared/email.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import { normaliseOrderReference } from '#shared/identity/order-sign-in.ts';
import { toStaffOrder, toStaffOrderSummary, type StaffOrder, type StaffOrderSummary } from '#shared/orders/staff-model.ts';

interface PageRequest {
  limit?: number;
  cursor?: string;
}

/** Every order, newest first: the GSI1 partition the reference claims share. */
export function listAllOrders(page: PageRequest): Promise<Page<StaffOrderSummary>> {
  return queryPage({ index: 'GSI1', partition: keys.ordersIndex('').GSI1PK, newestFirst: true, ...page }, toStaffOrderSummary);
}

/** The orders placed for one customer e-mail (compared normalised, whole address), newest first. */
export function listOrdersForEmail(email: string, page: PageRequest): Promise<Page<StaffOrderSummary>> {
  const partition = keys.ordersByEmail(normaliseEmail(email), '').GSI1PK;
  return queryPage({ index: 'GSI1', partition, newestFirst: true, ...page }, toStaffOrderSummary);
}

/** The order with this reference as a list of none or one: the reference's claim, then the order it names. */
export async function findOrderByReference(reference: string): Promise<Page<StaffOrderSummary>> {
  const claim = await db().send(new GetCommand({ TableName: tableName(), Key: keys.orderReference(normaliseOrderReference(reference)) }));
  const { accountId, orderId } = (claim.Item ?? {}) as { accountId?: string; orderId?: string };
  if (!accountId || !orderId) return { items: [] };
  const order = await db().send(new GetCommand({ TableName: tableName(), Key: keys.order(accountId, orderId) }));
  return { items: order.Item ? [toStaffOrderSummary(order.Item)] : [] };
}

export interface StaffOrderDetail extends StaffOrder {
  account: { name: string; contactEmail: string } | undefined;
}

/** One order with the name of its account; both reads are keyed, so they run together. */
export async function getStaffOrder(accountId: string, orderId: string): Promise<StaffOrderDetail> {
  const [order, account] = await Promise.all([
    db().send(new GetCommand({ TableName: tableName(), Key: keys.order(accountId, orderId) })),
    db().send(new GetCommand({ TableName: tableName(), Key: keys.account(accountId) })),
  ]);
  if (!order.Item) throw new NotFoundError('The order was not found.');
  return {
    ...toStaffOrder(order.Item),
    account: account.Item ? { name: account.Item.name as string, contactEmail: account.Item.contactEmail as string } : undefined,
  };
}
