// Staff: sends a customer's order confirmation again, to the order's e-mail in its language, audited.

import { httpHandler } from '#shared/http/handler.ts';
import { resendOrderConfirmation } from '#shared/orders/resend-confirmation.ts';
import * as api from '#shared/api/customer-page.ts';

export const handler = httpHandler(api.resendOrderConfirmation, async ({ path, audit }) => {
  return { body: await resendOrderConfirmation({ ...path, commit: audit.commit }) };
});
