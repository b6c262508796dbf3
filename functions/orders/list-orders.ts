// Lists the signed-in customer's orders with their dates, references and totals, newest first unless sort=asc.

import { httpHandler } from '#shared/http/handler.ts';
import { listOrders } from '#shared/orders/list-orders.ts';
import * as api from '#shared/api/orders.ts';

export const handler = httpHandler(api.listOrders, async ({ query, customer: caller }) => {
  return { body: await listOrders(caller.accountId, query) };
});
