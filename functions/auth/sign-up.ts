// Registers a customer, optionally with a support contract number and its activation code; the confirmation link is
// e-mailed. An address that already has an account gets the same answer here, and an e-mail saying so.

import { signUpCustomer } from '#shared/accounts/sign-up.ts';
import { mayMailAccount } from '#shared/auth/account-mail-limits.ts';
import { underLockout } from '#shared/auth/lockout.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { maskEmail, normaliseEmail } from '#shared/email.ts';
import { logger } from '#shared/observability/logger.ts';
import { countOutcome } from '#shared/observability/metrics.ts';
import * as api from '#shared/api/auth.ts';

export const handler = httpHandler(api.signUp, async ({ body, event }) => {
  const sourceIp = event.requestContext.http.sourceIp;
  // Every sign-up mails the address (the link, or "you have an account"): past the account-mail limits nothing is done
  // and nothing sent, with the same answer, so the form can neither flood an inbox nor tell which limit was hit.
  if (!(await mayMailAccount({ pool: 'customer', email: body.email, sourceIp }))) {
    logger.warn('sign-up: account mail limit reached, nothing done');
    return { status: 201, body: { destination: maskEmail(normaliseEmail(body.email)) } };
  }
  // Guessing activation codes counts against the source IP's lockout, like guessing passwords.
  const result = await countOutcome(
    () =>
      underLockout({ pool: 'customer', sourceIp }, () =>
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
