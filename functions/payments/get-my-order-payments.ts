// The customer's order: what is paid and due, its payments, and the balance available to pay it.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { myOrderPayments } from '#shared/shop/payment-views.ts';
import * as api from '#shared/api/payments.ts';

export const handler = customerHttpHandler(api.getMyOrderPayments, async ({ customer, path }) => ({
  body: await myOrderPayments(customer.accountId, path.orderId),
}));
