// The hourly expiry of unpaid orders: every shop order still awaiting payment past its `expiresAt` becomes `expired`
// (and leaves the GSI2 `ORDERS#AWAITING` partition) and its proforma void, once however often the job runs. An order
// partly paid is left for staff to decide (refund the part or take the rest); it stays in the index and is counted as
// `partlyPaid`.

import { proformaVoidUpdate } from '#shared/billing/invoice.ts';
import { failedConditions } from '#shared/billing/transact.ts';
import { db, tableName } from '#shared/db/client.ts';
import { TransactWriteCommand } from '#shared/db/commands.ts';
import { keys } from '#shared/db/keys.ts';
import { queryPage } from '#shared/db/page.ts';
import { logger } from '#shared/observability/logger.ts';
import { orderFromItem, orderItem, type StoredOrder } from '#shared/orders/model.ts';

/** Orders per Query, and Queries per run: a run touches at most 1,000 orders; the next run goes on. */
export const EXPIRY_PAGE_SIZE = 100;
export const EXPIRY_MAX_PAGES = 10;

export const AWAITING_PARTITION = keys.awaitingPayment('', '').GSI2PK;

export interface ExpiryRun {
  checked: number;
  expired: string[];
  partlyPaid: number;
  pages: number;
}

/**
 * Sets one order to expired, and voids its proforma in the same transaction (it asks for nothing any more), on
 * condition that nothing changed the order since it was read: false when something did.
 */
async function expire(order: StoredOrder, at: Date): Promise<boolean> {
  const shop = order.shop!;
  const next = { ...shop, status: 'expired' as const, closedAt: at.toISOString(), version: shop.version + 1 };
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: orderItem({ accountId: order.accountId, order, locale: order.locale, issued: order.issued, shop: next }),
              ConditionExpression: '#shop.#status = :awaiting AND #shop.#version = :version',
              ExpressionAttributeNames: { '#shop': 'shop', '#status': 'status', '#version': 'version' },
              ExpressionAttributeValues: { ':awaiting': 'awaiting-payment', ':version': shop.version },
            },
          },
          ...(shop.proforma ? [proformaVoidUpdate(order.accountId, shop.proforma.invoiceId, at)] : []),
        ],
      }),
    );
    return true;
  } catch (error) {
    // Paid, cancelled or expired by a run at the same moment: the index was behind. Nothing to do.
    if (failedConditions(error).has(0)) return false;
    throw error;
  }
}

export async function expireOrders(at: Date): Promise<ExpiryRun> {
  const run: ExpiryRun = { checked: 0, expired: [], partlyPaid: 0, pages: 0 };
  // Sort keys are `<expiresAt>#<orderId>`: everything up to now, oldest first.
  const upTo = `${at.toISOString()}#~`;
  let cursor: string | undefined;
  do {
    const page = await queryPage(
      {
        index: 'GSI2',
        partition: AWAITING_PARTITION,
        sortKeyBetween: ['0', upTo],
        limit: EXPIRY_PAGE_SIZE,
        ...(cursor ? { cursor } : {}),
      },
      orderFromItem,
    );
    run.pages += 1;
    for (const order of page.items) {
      run.checked += 1;
      if (order.shop?.status !== 'awaiting-payment') continue;
      if (order.shop.paidMinor > 0) {
        run.partlyPaid += 1;
        continue;
      }
      if (await expire(order, at)) run.expired.push(order.orderId);
    }
    cursor = page.nextCursor;
  } while (cursor && run.pages < EXPIRY_MAX_PAGES);
  if (cursor) logger.warn('order expiry: more due orders than one run reads; the next run goes on', { pages: run.pages });
  return run;
}
