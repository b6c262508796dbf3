// Finishes a sign-in: the e-mailed code for tokens. The refresh token goes into an HttpOnly cookie, never the page.

import { countryOf } from '#shared/auth/device.ts';
import { refreshCookie } from '#shared/auth/refresh-cookie.ts';
import { finishSignIn } from '#shared/auth/sign-in.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { countOutcome } from '#shared/observability/metrics.ts';
import * as api from '#shared/api/auth.ts';

export const handler = httpHandler(api.verifySignInCode, async ({ path, body, event }) => {
  const {
    refreshToken,
    userId: _userId,
    ...tokens
  } = await countOutcome(
    () =>
      finishSignIn({
        pool: path.pool,
        email: body.email,
        session: body.session,
        code: body.code,
        sourceIp: event.requestContext.http.sourceIp,
        userAgent: event.requestContext.http.userAgent,
        country: countryOf(event.headers),
      }),
    'SignInCompleted',
    'SignInCodeRejected',
  );
  return { body: tokens, cookies: [refreshCookie(path.pool, refreshToken)] };
});
