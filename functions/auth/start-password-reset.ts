// "Forgot password": mails a link to set a new one. Unknown addresses get the same answer and no mail.

import { limitAccountMail } from '#shared/auth/account-mail-limits.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { emailSchema, poolPath } from '#shared/http/schemas.ts';
import { localeSchema } from '#shared/i18n/locale.ts';
import { identity } from '#shared/identity/index.ts';
import * as z from '#shared/validation.ts';

const body = z.strictObject({ email: emailSchema, locale: z.optional(localeSchema) });

export const handler = httpHandler({ path: poolPath, body }, async ({ path, body, event }) => {
  await limitAccountMail({ pool: path.pool, email: body.email, sourceIp: event.requestContext.http.sourceIp });
  await (await identity()).startPasswordReset({ pool: path.pool, email: body.email, locale: body.locale ?? 'en' });
  return { status: 202, body: { sent: true } };
});
