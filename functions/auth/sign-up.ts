// Registers a customer, optionally with a support contract number and its activation code; the confirmation link is
// e-mailed. An address that already has an account gets the same answer here, and an e-mail saying so.

import { signUpCustomer } from '#shared/accounts/sign-up.ts';
import { underLockout } from '#shared/auth/lockout.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { countOutcome } from '#shared/observability/metrics.ts';
import * as api from '#shared/api/auth.ts';

export const handler = httpHandler(api.signUp, async ({ body, event }) => {
  // Guessing activation codes counts against the source IP's lockout, like guessing passwords.
  const result = await countOutcome(
    () =>
      underLockout({ pool: 'customer', sourceIp: event.requestContext.http.sourceIp }, () =>
        signUpCustomer({
          email: body.email,
          password: body.password,
          name: body.name,
          locale: body.locale ?? 'en',
          ...(body.contract ? { contract: body.contract } : {}),
        }),
      ),
    'SignUpCompleted',
    'SignUpRejected',
  );
  return { status: 201, body: result };
});
