// Signs the person out on every device, this one included: the page then asks them to sign in again.

import { clearedRefreshCookie } from '#shared/auth/refresh-cookie.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { endAllSessions } from '#shared/security/sessions.ts';
import * as api from '#shared/api/security.ts';

export const handler = customerHttpHandler(api.signOutOtherSessions, async ({ customer }) => {
  await endAllSessions(customer);
  // The refresh token in this browser's cookie is revoked too: drop the cookie with it.
  return { status: 204, cookies: [clearedRefreshCookie('customer')] };
});
