// Staff: every order newest first, or the orders of one customer e-mail, or the order with a reference.

import { staffCaller } from '#shared/accounts/caller.ts';
import { ValidationError } from '#shared/http/errors.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { findOrderByReference, listAllOrders, listOrdersForEmail } from '#shared/orders/staff-orders.ts';
import * as api from '#shared/api/orders.ts';

export const handler = httpHandler(api.listStaffOrders, async ({ query, event }) => {
  await staffCaller(event);
  const { reference, email, ...page } = query;
  if (reference !== undefined && email !== undefined) {
    throw new ValidationError('Search by reference or by e-mail, not both.', [{ path: 'query', message: 'reference and email together' }]);
  }
  if (reference !== undefined) return { body: await findOrderByReference(reference) };
  if (email !== undefined) return { body: await listOrdersForEmail(email, page) };
  return { body: await listAllOrders(page) };
});
