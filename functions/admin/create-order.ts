// Staff: places an order for a customer by e-mail, creating the customer if they are new, issues its licences and
// support, and e-mails the confirmation. 201 for a new order; 200 with the same order for a retry with the same key.

import { httpHandler } from '#shared/http/handler.ts';
import { createStaffOrder } from '#shared/orders/create-staff-order.ts';
import * as api from '#shared/api/orders.ts';

export const handler = httpHandler(api.createStaffOrder, async ({ body, audit }) => {
  const result = await createStaffOrder({ ...body, locale: body.locale ?? 'en' }, audit);
  return { status: result.replayed ? 200 : 201, body: result };
});
