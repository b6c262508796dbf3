// Starts a password sign-in; on success the one-time code is e-mailed and the page asks for it.

import { startSignIn } from '#shared/auth/sign-in.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { emailSchema, poolPath } from '#shared/http/schemas.ts';
import { localeSchema } from '#shared/i18n/locale.ts';
import { countOutcome } from '#shared/observability/metrics.ts';
import * as z from '#shared/validation.ts';

const body = z.strictObject({
  email: emailSchema,
  password: z.string().check(z.minLength(1), z.maxLength(256)),
  locale: z.optional(localeSchema),
});

export const handler = httpHandler({ path: poolPath, body }, async ({ path, body, event }) => {
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
