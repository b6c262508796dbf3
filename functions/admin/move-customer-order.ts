// Staff: moves a customer's order, with the licences it issued and their support, to another customer account, audited.

import { httpHandler } from '#shared/http/handler.ts';
import { moveOrder } from '#shared/orders/move-order.ts';
import * as api from '#shared/api/customer-page.ts';

export const handler = httpHandler(api.moveOrder, async ({ path, body, audit }) => {
  return { body: await moveOrder({ ...path, commit: audit.commit }, body.toAccountId) };
});
