// Staff: every payment, newest first.

import { staffCaller } from '#shared/accounts/caller.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { listPayments } from '#shared/shop/payment-views.ts';
import * as api from '#shared/api/payments.ts';

export const handler = httpHandler(api.listPayments, async ({ query, event }) => {
  await staffCaller(event);
  return { body: await listPayments(query) };
});
