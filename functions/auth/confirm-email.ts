// Confirms a new customer's e-mail address with the code from the link in the confirmation e-mail.

import { clearCodeMail } from '#shared/auth/code-mail-limits.ts';
import { underLockout } from '#shared/auth/lockout.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { identity } from '#shared/identity/index.ts';
import * as api from '#shared/api/auth.ts';

export const handler = httpHandler(api.confirmEmail, async ({ body, event }) => {
  const provider = await identity();
  await underLockout({ pool: 'customer', email: body.email, sourceIp: event.requestContext.http.sourceIp }, () =>
    provider.confirmSignUp({ pool: 'customer', email: body.email, code: body.code }),
  );
  // A sign-in before confirming held the code-mail cooldown with its link: used now, so signing in may mail a code.
  await clearCodeMail({ pool: 'customer', email: body.email });
  return { body: { confirmed: true as const } };
});
