// Customer: the account's payments (bank transfers received, payments from the balance), newest first.

import { listAccountPayments } from '#shared/billing/payment.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import * as api from '#shared/api/invoices.ts';

export const handler = customerHttpHandler(api.listPaymentHistory, async ({ customer, query }) => {
  const page = await listAccountPayments(customer.accountId, query);
  return {
    body: {
      items: page.items.map((payment) => ({
        paymentId: payment.paymentId,
        receivedOn: payment.receivedOn,
        method: payment.method,
        amount: { amountMinor: payment.amountMinor, currency: payment.currency },
        orderReference: payment.order.reference,
        ...(payment.bankReference ? { bankReference: payment.bankReference } : {}),
      })),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    },
  };
});
