// Staff: the order a reference names, with what is paid and due (the payment form's lookup as they type).

import { staffCaller } from '#shared/accounts/caller.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { findPaymentOrder } from '#shared/shop/payment-views.ts';
import * as api from '#shared/api/payments.ts';

export const handler = httpHandler(api.findPaymentOrder, async ({ query, event }) => {
  await staffCaller(event);
  return { body: await findPaymentOrder(query.reference) };
});
