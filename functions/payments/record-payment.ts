// Staff: records a bank payment matched to its order by reference; paid in full, the order is fulfilled and mailed.

import { httpHandler } from '#shared/http/handler.ts';
import { recordBankPayment } from '#shared/shop/payment-views.ts';
import * as api from '#shared/api/payments.ts';

export const handler = httpHandler(api.recordPayment, async ({ body, audit }) => {
  const { reason: _reason, ...input } = body;
  return { status: 201, body: await recordBankPayment(input, audit) };
});
