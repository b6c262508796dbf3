// Lists the orders of one account, newest first (or oldest first), a page at a time; a shop order with its status.

import { accountPartition } from '#shared/db/keys.ts';
import { queryPage, type Page } from '#shared/db/page.ts';
import { ORDER_PREFIX, orderFromItem, type OrderStatus, toOrderSummary, type OrderSummary } from '#shared/orders/model.ts';
import type { SortOrder } from '#shared/paging.ts';

export async function listOrders(
  accountId: string,
  page: { limit?: number; cursor?: string; sort?: SortOrder },
): Promise<Page<OrderSummary & { status?: OrderStatus }>> {
  // Order ids are ULIDs taken at order time, so sort-key order is order-date order.
  return queryPage(
    {
      partition: accountPartition(accountId),
      sortKeyPrefix: ORDER_PREFIX,
      newestFirst: page.sort !== 'asc',
      ...(page.limit ? { limit: page.limit } : {}),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    },
    (item) => {
      const order = orderFromItem(item);
      return { ...toOrderSummary(order), ...(order.shop ? { status: order.shop.status } : {}) };
    },
  );
}
