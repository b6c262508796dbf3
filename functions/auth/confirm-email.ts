// Confirms a new customer's e-mail address with the code from the link in the confirmation e-mail.

import { underLockout } from '#shared/auth/lockout.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { emailSchema } from '#shared/http/schemas.ts';
import { identity } from '#shared/identity/index.ts';
import * as z from '#shared/validation.ts';

const body = z.strictObject({
  email: emailSchema,
  code: z.string().check(z.regex(/^\d{6}$/, 'The code is six digits.')),
});

export const handler = httpHandler({ body }, async ({ body, event }) => {
  const provider = await identity();
  await underLockout({ pool: 'customer', email: body.email, sourceIp: event.requestContext.http.sourceIp }, () =>
    provider.confirmSignUp({ pool: 'customer', email: body.email, code: body.code }),
  );
  return { body: { confirmed: true } };
});
