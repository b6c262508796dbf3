// Mails the confirmation link again. The answer is the same whether or not the address has an unconfirmed account.

import { httpHandler } from '#shared/http/handler.ts';
import { emailSchema } from '#shared/http/schemas.ts';
import { localeSchema } from '#shared/i18n/locale.ts';
import { identity } from '#shared/identity/index.ts';
import { limitAccountMail } from '#shared/auth/account-mail-limits.ts';
import * as z from '#shared/validation.ts';

const body = z.strictObject({ email: emailSchema, locale: z.optional(localeSchema) });

export const handler = httpHandler({ body }, async ({ body, event }) => {
  await limitAccountMail({ pool: 'customer', email: body.email, sourceIp: event.requestContext.http.sourceIp });
  await (await identity()).resendConfirmation({ pool: 'customer', email: body.email, locale: body.locale ?? 'en' });
  return { status: 202, body: { sent: true } };
});
