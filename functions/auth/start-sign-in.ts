// Starts a password sign-in; on success the one-time code is e-mailed and the page asks for it.

import * as z from 'zod';
import { httpHandler } from '#shared/http/handler.ts';
import { emailSchema, poolPath } from '#shared/http/schemas.ts';
import { localeSchema } from '#shared/i18n/locale.ts';
import { identity } from '#shared/identity/index.ts';

const body = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(256),
  locale: localeSchema.optional(),
});

export const handler = httpHandler({ path: poolPath, body }, async ({ path, body, event }) => {
  const challenge = await identity().startPasswordSignIn({
    pool: path.pool,
    email: body.email,
    password: body.password,
    locale: body.locale ?? 'en',
    sourceIp: event.requestContext.http.sourceIp,
  });
  return { body: challenge };
});
