// Tells the signed-in person whether they have set a security code for phone support, and when.

import { securityCodeStatus } from '#shared/security/security-code.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import * as api from '#shared/api/security-code.ts';

export const handler = customerHttpHandler(api.getSecurityCode, async ({ customer }) => {
  return { body: await securityCodeStatus(customer.userId) };
});
