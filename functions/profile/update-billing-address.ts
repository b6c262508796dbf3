// The owner or a billing contact sets the address printed on invoices.

import { updateBillingAddress } from '#shared/accounts/profile.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import * as api from '#shared/api/profile.ts';

export const handler = customerHttpHandler(api.updateBillingAddress, async ({ customer, body }) => ({
  body: await updateBillingAddress(customer, body.billingAddress),
}));
