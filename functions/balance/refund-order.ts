// Staff: refunds a paid order to the customer's balance once, with a correction invoice when it has a VAT invoice.

import { httpHandler } from '#shared/http/handler.ts';
import { refundOrder } from '#shared/billing/order-refund.ts';
import * as api from '#shared/api/balance.ts';

export const handler = httpHandler(api.refundOrder, async ({ path, body, audit }) => {
  const { refund, replayed } = await refundOrder(
    {
      accountId: body.accountId,
      orderId: path.orderId,
      reason: body.reason,
      ...(body.amountMinor ? { amountMinor: body.amountMinor } : {}),
    },
    audit,
  );
  const { sourceKey, amountMinor, currency, entryId, correction, at } = refund;
  return {
    status: replayed ? 200 : 201,
    body: { sourceKey, amountMinor, currency, entryId, at, replayed, ...(correction ? { correction } : {}) },
  };
});
