// Sets the signed-in person's security code for phone support, once they have typed their password again.

import { setSecurityCode } from '#shared/security/security-code.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import * as api from '#shared/api/security-code.ts';

export const handler = customerHttpHandler(api.setSecurityCode, async ({ customer, body }) => {
  return { body: await setSecurityCode(customer, body) };
});
