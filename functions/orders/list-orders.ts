// Lists the signed-in customer's orders with their dates, references and totals, newest first unless sort=asc.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { listOrders } from '#shared/orders/list-orders.ts';
import * as api from '#shared/api/orders.ts';

export const handler = customerHttpHandler(api.listOrders, async ({ query, customer: caller }) => {
  return { body: await listOrders(caller.accountId, query) };
});
