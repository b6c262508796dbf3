// Staff: one order in full, with what it issued and the account it belongs to.

import { staffCaller } from '#shared/accounts/caller.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ulidSchema } from '#shared/http/schemas.ts';
import { getStaffOrder } from '#shared/orders/staff-orders.ts';
import * as z from '#shared/validation.ts';

const path = z.strictObject({
  // Accounts created in Atrium have ULIDs; imported and demo accounts have other ids.
  accountId: z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/, 'An account id.')),
  orderId: ulidSchema,
});

export const handler = httpHandler({ path }, async ({ path, event }) => {
  await staffCaller(event);
  return { body: await getStaffOrder(path.accountId, path.orderId) };
});
