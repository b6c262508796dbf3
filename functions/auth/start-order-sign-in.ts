// Starts a customer's sign-in with e-mail + the number of one of their orders; the one-time code is then e-mailed.

import { startSignIn } from '#shared/auth/sign-in.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { countOutcome } from '#shared/observability/metrics.ts';
import * as api from '#shared/api/auth.ts';

export const handler = httpHandler(api.startOrderSignIn, async ({ body, event }) => {
  const challenge = await countOutcome(
    () =>
      startSignIn(
        { pool: 'customer', email: body.email, locale: body.locale ?? 'en', sourceIp: event.requestContext.http.sourceIp },
        { factor: 'order-number', orderReference: body.orderReference },
      ),
    'SignInCodeSent',
    'SignInRejected',
  );
  return { body: challenge };
});
