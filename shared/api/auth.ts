// Contracts of sign-in, sign-up and recovery: public by nature (the lockout and rate limits guard them).

import { anyone, contract, empty, json } from '#shared/api/contract.ts';
import { emailSchema, poolPath } from '#shared/http/schemas.ts';
import { localeSchema } from '#shared/i18n/locale.ts';
import * as z from '#shared/validation.ts';

const sixDigitCode = z.string().check(z.regex(/^\d{6}$/, 'The code is six digits.'));

/** The one-time code went by e-mail; `session` goes back with it. */
const challenge = z.strictObject({
  session: z.string(),
  challenge: z.literal('EMAIL_OTP'),
  /** Where the code went, masked (j***@example.com). */
  destination: z.string(),
  /** Seconds until the page may offer to send the code again (the code-mail cooldown, shared/auth/code-mail-limits.ts). */
  resendAfterSeconds: z.number().check(z.int(), z.nonnegative()),
});

const tokens = z.strictObject({
  accessToken: z.string(),
  idToken: z.string(),
  expiresIn: z.number(),
  tokenType: z.literal('Bearer'),
});

export const startSignIn = contract({
  method: 'POST',
  path: '/api/auth/{pool}/sign-in',
  summary: 'Starts a password sign-in; on success the one-time code is e-mailed.',
  access: anyone,
  request: {
    path: poolPath,
    body: z.strictObject({
      email: emailSchema,
      password: z.string().check(z.minLength(1), z.maxLength(256)),
      locale: z.optional(localeSchema),
    }),
  },
  response: json(challenge),
});

export const startOrderSignIn = contract({
  method: 'POST',
  path: '/api/auth/customer/order-sign-in',
  summary: "Starts a customer's sign-in with e-mail and the number of one of their orders; the code is e-mailed.",
  access: anyone,
  request: {
    body: z.strictObject({
      email: emailSchema,
      orderReference: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
      locale: z.optional(localeSchema),
    }),
  },
  response: json(challenge),
});

export const verifySignInCode = contract({
  method: 'POST',
  path: '/api/auth/{pool}/verify-code',
  summary: 'Finishes a sign-in: the e-mailed code for tokens; the refresh token goes into an HttpOnly cookie.',
  access: anyone,
  request: {
    path: poolPath,
    body: z.strictObject({
      email: emailSchema,
      session: z.string().check(z.minLength(16), z.maxLength(4096)),
      code: sixDigitCode,
    }),
  },
  response: json(tokens),
});

export const refreshSession = contract({
  method: 'POST',
  path: '/api/auth/{pool}/refresh',
  summary: 'New access and ID tokens for the refresh-token cookie.',
  access: anyone,
  request: { path: poolPath },
  response: json(tokens),
});

export const signOut = contract({
  method: 'POST',
  path: '/api/auth/{pool}/sign-out',
  summary: 'Revokes the refresh token and drops its cookie. Signing out twice is fine.',
  access: anyone,
  request: { path: poolPath },
  response: empty(),
});

export const signUp = contract({
  method: 'POST',
  path: '/api/auth/customer/sign-up',
  summary: 'Registers a customer, optionally with a support contract number and activation code; the confirmation link is e-mailed.',
  access: anyone,
  request: {
    body: z.strictObject({
      email: emailSchema,
      password: z.string().check(z.minLength(1), z.maxLength(256)),
      name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
      locale: z.optional(localeSchema),
      contract: z.optional(
        z.strictObject({
          contractNumber: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
          activationCode: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
        }),
      ),
    }),
  },
  response: json(z.strictObject({ destination: z.string() }), 201),
});

export const confirmEmail = contract({
  method: 'POST',
  path: '/api/auth/customer/confirm-email',
  summary: "Confirms a new customer's e-mail address with the code from the confirmation link.",
  access: anyone,
  request: { body: z.strictObject({ email: emailSchema, code: sixDigitCode }) },
  response: json(z.strictObject({ confirmed: z.literal(true) })),
});

export const resendConfirmation = contract({
  method: 'POST',
  path: '/api/auth/customer/resend-confirmation',
  summary: 'Mails the confirmation link again; the same answer whether or not the address has an unconfirmed account.',
  access: anyone,
  request: { body: z.strictObject({ email: emailSchema, locale: z.optional(localeSchema) }) },
  response: json(z.strictObject({ sent: z.literal(true) }), 202),
});

export const startPasswordReset = contract({
  method: 'POST',
  path: '/api/auth/{pool}/forgot-password',
  summary: '"Forgot password": mails a link to set a new one; unknown addresses get the same answer and no mail.',
  access: anyone,
  request: { path: poolPath, body: z.strictObject({ email: emailSchema, locale: z.optional(localeSchema) }) },
  response: json(z.strictObject({ sent: z.literal(true) }), 202),
});

export const finishPasswordReset = contract({
  method: 'POST',
  path: '/api/auth/{pool}/reset-password',
  summary: 'Sets a new password with the code from the reset link; older sessions stop being refreshed.',
  access: anyone,
  request: {
    path: poolPath,
    body: z.strictObject({
      email: emailSchema,
      code: sixDigitCode,
      newPassword: z.string().check(z.minLength(1), z.maxLength(256)),
    }),
  },
  response: json(z.strictObject({ changed: z.literal(true) })),
});
