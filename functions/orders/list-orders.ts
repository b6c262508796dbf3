// Lists the signed-in customer's orders with their dates, references and totals, newest first unless sort=asc.

import { customerCaller } from '#shared/accounts/caller.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { sortedPageQuery } from '#shared/http/schemas.ts';
import { listOrders } from '#shared/orders/list-orders.ts';

export const handler = httpHandler({ query: sortedPageQuery }, async ({ query, event }) => {
  const caller = await customerCaller(event);
  return { body: await listOrders(caller.accountId, query) };
});
