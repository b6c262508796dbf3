// Changes the signed-in person's password (the current one checked), then ends every session and sends the notice.

import { clearedRefreshCookie } from '#shared/auth/refresh-cookie.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { changeOwnPassword } from '#shared/security/sessions.ts';
import * as api from '#shared/api/security.ts';

export const handler = customerHttpHandler(api.changePassword, async ({ customer, body, event }) => {
  // Cognito's ChangePassword acts on the user of this access token (the authorizer has verified it already).
  const accessToken = (event.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
  await changeOwnPassword(customer, { accessToken, ...body });
  // The refresh token in this browser's cookie is revoked too: drop the cookie with it.
  return { status: 204, cookies: [clearedRefreshCookie('customer')] };
});
