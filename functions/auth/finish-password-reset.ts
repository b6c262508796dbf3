// Sets a new password with the code from the reset link; sessions signed in before stop being refreshed.

import { underLockout } from '#shared/auth/lockout.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { emailSchema, poolPath } from '#shared/http/schemas.ts';
import { identity } from '#shared/identity/index.ts';
import { countOutcome } from '#shared/observability/metrics.ts';
import * as z from '#shared/validation.ts';

const body = z.strictObject({
  email: emailSchema,
  code: z.string().check(z.regex(/^\d{6}$/, 'The code is six digits.')),
  newPassword: z.string().check(z.minLength(1), z.maxLength(256)),
});

export const handler = httpHandler({ path: poolPath, body }, async ({ path, body, event }) => {
  const provider = await identity();
  await countOutcome(
    () =>
      underLockout({ pool: path.pool, email: body.email, sourceIp: event.requestContext.http.sourceIp }, () =>
        provider.finishPasswordReset({ pool: path.pool, email: body.email, code: body.code, newPassword: body.newPassword }),
      ),
    'PasswordResetCompleted',
    'PasswordResetRejected',
  );
  return { body: { changed: true } };
});
