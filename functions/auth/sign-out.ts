// Signs out: revokes the refresh token and drops its cookie. Signing out twice is fine.

import { clearedRefreshCookie, refreshTokenFrom } from '#shared/auth/refresh-cookie.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { identity } from '#shared/identity/index.ts';
import * as api from '#shared/api/auth.ts';

export const handler = httpHandler(api.signOut, async ({ path, event }) => {
  const refreshToken = refreshTokenFrom(event, path.pool);
  if (refreshToken) await (await identity()).signOut({ pool: path.pool, refreshToken });
  return { status: 204, cookies: [clearedRefreshCookie(path.pool)] };
});
