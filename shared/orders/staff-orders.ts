// Staff: every order newest first, the orders of one customer e-mail, the order with a reference, and one order in
// full. Each is one or two keyed reads (docs/data-model.md, patterns 8c-8f); none scans.

import { GetCommand } from '#shared/db/commands.ts';
import { getAccount } from '#shared/accounts/account.ts';
import { db, tableName } from '#shared/db/client.ts';
import { queryPage, type Page } from '#shared/db/page.ts';
import { normaliseEmail } from '#shared/email.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import { orderFromItem, orderKey, ordersByEmailKey, type StoredOrder } from '#shared/orders/model.ts';
import { findOrderReference, ORDERS_PARTITION, orderReferenceClaimFromItem } from '#shared/orders/order-reference-claim.ts';
import { toStaffOrder, toStaffOrderSummary, type StaffOrder, type StaffOrderSummary } from '#shared/orders/staff-model.ts';

interface PageRequest {
  limit?: number;
  cursor?: string;
}

/** Every order, newest first: the GSI1 partition the reference claims share. */
export function listAllOrders(page: PageRequest): Promise<Page<StaffOrderSummary>> {
  return queryPage({ index: 'GSI1', partition: ORDERS_PARTITION, newestFirst: true, ...page }, (item) =>
    toStaffOrderSummary(orderReferenceClaimFromItem(item)),
  );
}

/** The orders placed for one customer e-mail (compared normalised, whole address), newest first. */
export function listOrdersForEmail(email: string, page: PageRequest): Promise<Page<StaffOrderSummary>> {
  const partition = ordersByEmailKey(normaliseEmail(email), '').GSI1PK;
  return queryPage({ index: 'GSI1', partition, newestFirst: true, ...page }, (item) => toStaffOrderSummary(orderFromItem(item)));
}

async function readOrder(accountId: string, orderId: string): Promise<StoredOrder | undefined> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: orderKey(accountId, orderId) }));
  return found.Item ? orderFromItem(found.Item) : undefined;
}

/** The order with this reference as a list of none or one: the reference's claim, then the order it names. */
export async function findOrderByReference(reference: string): Promise<Page<StaffOrderSummary>> {
  const pointer = await findOrderReference(reference);
  const order = pointer && (await readOrder(pointer.accountId, pointer.orderId));
  return { items: order ? [toStaffOrderSummary(order)] : [] };
}

export interface StaffOrderDetail extends StaffOrder {
  account: { name: string; contactEmail: string } | undefined;
}

/** One order with the name of its account; both reads are keyed, so they run together. */
export async function getStaffOrder(accountId: string, orderId: string): Promise<StaffOrderDetail> {
  const [order, account] = await Promise.all([readOrder(accountId, orderId), getAccount(accountId)]);
  if (!order) throw new NotFoundError('The order was not found.');
  return { ...toStaffOrder(order), account: account ? { name: account.name, contactEmail: account.contactEmail } : undefined };
}
