// Signs out: revokes the refresh token and the access tokens issued so far, and drops the cookie. Twice is fine.

import { clearedRefreshCookie, refreshTokenFrom } from '#shared/auth/refresh-cookie.ts';
import { revokeSessions } from '#shared/auth/revocation.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { identity } from '#shared/identity/index.ts';
import * as api from '#shared/api/auth.ts';

export const handler = httpHandler(api.signOut, async ({ path, event }) => {
  const refreshToken = refreshTokenFrom(event, path.pool);
  if (refreshToken) {
    const { userId } = await (await identity()).signOut({ pool: path.pool, refreshToken });
    // The access token in the page is refused from the next call on, not when it expires.
    if (userId) await revokeSessions({ pool: path.pool, userId });
  }
  return { status: 204, cookies: [clearedRefreshCookie(path.pool)] };
});
