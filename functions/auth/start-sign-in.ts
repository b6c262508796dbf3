// Starts a password sign-in; on success the one-time code is e-mailed and the page asks for it.

import { httpHandler } from '#shared/http/handler.ts';
import { emailSchema, poolPath } from '#shared/http/schemas.ts';
import { localeSchema } from '#shared/i18n/locale.ts';
import { identity } from '#shared/identity/index.ts';
import { countOutcome } from '#shared/observability/metrics.ts';
import * as z from '#shared/validation.ts';

const body = z.strictObject({
  email: emailSchema,
  password: z.string().check(z.minLength(1), z.maxLength(256)),
  locale: z.optional(localeSchema),
});

export const handler = httpHandler({ path: poolPath, body }, async ({ path, body, event }) => {
  const provider = await identity();
  const challenge = await countOutcome(
    () =>
      provider.startPasswordSignIn({
        pool: path.pool,
        email: body.email,
        password: body.password,
        locale: body.locale ?? 'en',
        sourceIp: event.requestContext.http.sourceIp,
      }),
    'SignInCodeSent',
    'SignInRejected',
  );
  return { body: challenge };
});
