// Starts a password sign-in; on success the one-time code is e-mailed and the page asks for it.

import { startSignIn } from '#shared/auth/sign-in.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { countOutcome } from '#shared/observability/metrics.ts';
import * as api from '#shared/api/auth.ts';

export const handler = httpHandler(api.startSignIn, async ({ path, body, event }) => {
  const challenge = await countOutcome(
    () =>
      startSignIn(
        { pool: path.pool, email: body.email, locale: body.locale ?? 'en', sourceIp: event.requestContext.http.sourceIp },
        { factor: 'password', password: body.password },
      ),
    'SignInCodeSent',
    'SignInRejected',
  );
  return { body: challenge };
});
