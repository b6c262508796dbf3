// Confirms a new customer's e-mail address with the code from the link in the confirmation e-mail.

import { underLockout } from '#shared/auth/lockout.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { identity } from '#shared/identity/index.ts';
import * as api from '#shared/api/auth.ts';

export const handler = httpHandler(api.confirmEmail, async ({ body, event }) => {
  const provider = await identity();
  await underLockout({ pool: 'customer', email: body.email, sourceIp: event.requestContext.http.sourceIp }, () =>
    provider.confirmSignUp({ pool: 'customer', email: body.email, code: body.code }),
  );
  return { body: { confirmed: true as const } };
});
