// The customer pays all or part of an order from the balance; paid in full, the order is fulfilled and mailed.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { payFromBalance } from '#shared/shop/payment-views.ts';
import * as api from '#shared/api/payments.ts';

export const handler = customerHttpHandler(api.payFromBalance, async ({ customer, path, body }) => {
  const result = await payFromBalance(customer.accountId, path.orderId, body);
  return { status: result.outcome === 'replayed' ? 200 : 201, body: result };
});
