// Keeps a session alive without asking again: the refresh-token cookie for new access and ID tokens (a customer's
// IP allow-list checked).

import { clearedRefreshCookie, refreshTokenFrom } from '#shared/auth/refresh-cookie.ts';
import { refreshSession } from '#shared/auth/refresh.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { identityErrors } from '#shared/identity/errors.ts';
import { AppError } from '#shared/http/errors.ts';
import * as api from '#shared/api/auth.ts';

export const handler = httpHandler(api.refreshSession, async ({ path, event }) => {
  try {
    const refreshToken = refreshTokenFrom(event, path.pool);
    if (!refreshToken) throw identityErrors.sessionExpired();
    return { body: await refreshSession({ pool: path.pool, refreshToken, sourceIp: event.requestContext.http.sourceIp }) };
  } catch (error) {
    // A dead cookie is dropped, so the browser stops sending it.
    if (error instanceof AppError && error.code === 'SESSION_EXPIRED') error.cookies = [clearedRefreshCookie(path.pool)];
    throw error;
  }
});
