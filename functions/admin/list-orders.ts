// Staff: every order newest first, or the orders of one customer e-mail, or the order with a reference.

import { staffCaller } from '#shared/accounts/caller.ts';
import { ValidationError } from '#shared/http/errors.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { emailSchema, pageQuery } from '#shared/http/schemas.ts';
import { findOrderByReference, listAllOrders, listOrdersForEmail } from '#shared/orders/staff-orders.ts';
import * as z from '#shared/validation.ts';

const query = z.strictObject({
  ...pageQuery.shape,
  reference: z.optional(z.string().check(z.trim(), z.regex(/^[A-Za-z0-9 ]{1,40}$/, 'An order reference such as JWT1042.'))),
  email: z.optional(emailSchema),
});

export const handler = httpHandler({ query }, async ({ query, event }) => {
  await staffCaller(event);
  const { reference, email, ...page } = query;
  if (reference !== undefined && email !== undefined) {
    throw new ValidationError('Search by reference or by e-mail, not both.', [{ path: 'query', message: 'reference and email together' }]);
  }
  if (reference !== undefined) return { body: await findOrderByReference(reference) };
  if (email !== undefined) return { body: await listOrdersForEmail(email, page) };
  return { body: await listAllOrders(page) };
});
