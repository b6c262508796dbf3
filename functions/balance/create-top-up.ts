// Owner or billing: tops the balance up by bank transfer: a top-up order with its proforma and the transfer data.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { billingSettings } from '#shared/billing/settings.ts';
import { createTopUp } from '#shared/billing/top-up.ts';
import * as api from '#shared/api/balance.ts';

export const handler = customerHttpHandler(api.createTopUp, async ({ customer, body }) => {
  const { order, replayed } = await createTopUp(customer, body);
  const { holder, bankName, iban, swift } = billingSettings().bank;
  return {
    status: replayed ? 200 : 201,
    body: {
      orderId: order.orderId,
      reference: order.reference,
      total: order.total,
      proforma: order.shop!.proforma!,
      expiresAt: order.shop!.expiresAt,
      bankTransfer: { holder, bankName, iban, swift, title: order.reference },
    },
  };
});
