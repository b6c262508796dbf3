// Staff: an order's status, paid and due amounts, invoices and payments.

import { staffCaller } from '#shared/accounts/caller.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { staffOrderPayments } from '#shared/shop/payment-views.ts';
import * as api from '#shared/api/payments.ts';

export const handler = httpHandler(api.getStaffOrderPayments, async ({ path, event }) => {
  await staffCaller(event);
  return { body: await staffOrderPayments(path.accountId, path.orderId) };
});
