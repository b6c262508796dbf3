// Staff: one order in full, with what it issued and the account it belongs to.

import { staffCaller } from '#shared/accounts/caller.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { getStaffOrder } from '#shared/orders/staff-orders.ts';
import * as api from '#shared/api/orders.ts';

export const handler = httpHandler(api.getStaffOrder, async ({ path, event }) => {
  await staffCaller(event);
  return { body: await getStaffOrder(path.accountId, path.orderId) };
});
