// Finishes a sign-in: the e-mailed code for tokens.

import { httpHandler } from '#shared/http/handler.ts';
import { poolPath } from '#shared/http/schemas.ts';
import { identity } from '#shared/identity/index.ts';
import { countOutcome } from '#shared/observability/metrics.ts';
import * as z from '#shared/validation.ts';

const body = z.strictObject({
  session: z.string().check(z.minLength(16), z.maxLength(4096)),
  code: z.string().check(z.regex(/^\d{6}$/, 'The code is six digits.')),
});

export const handler = httpHandler({ path: poolPath, body }, async ({ path, body, event }) => {
  const provider = await identity();
  const tokens = await countOutcome(
    () =>
      provider.answerEmailCode({
        pool: path.pool,
        session: body.session,
        code: body.code,
        sourceIp: event.requestContext.http.sourceIp,
      }),
    'SignInCompleted',
    'SignInCodeRejected',
  );
  return { body: tokens };
});
