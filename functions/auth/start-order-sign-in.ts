// Starts a customer's sign-in with e-mail + the number of one of their orders; the one-time code is then e-mailed.

import { startSignIn } from '#shared/auth/sign-in.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { emailSchema } from '#shared/http/schemas.ts';
import { localeSchema } from '#shared/i18n/locale.ts';
import { countOutcome } from '#shared/observability/metrics.ts';
import * as z from '#shared/validation.ts';

const body = z.strictObject({
  email: emailSchema,
  orderReference: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
  locale: z.optional(localeSchema),
});

export const handler = httpHandler({ body }, async ({ body, event }) => {
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
