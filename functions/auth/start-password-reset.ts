// "Forgot password": mails a link to set a new one. Unknown addresses get the same answer and no mail.

import { limitAccountMail } from '#shared/auth/account-mail-limits.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { identity } from '#shared/identity/index.ts';
import * as api from '#shared/api/auth.ts';

export const handler = httpHandler(api.startPasswordReset, async ({ path, body, event }) => {
  await limitAccountMail({ pool: path.pool, email: body.email, sourceIp: event.requestContext.http.sourceIp });
  await (await identity()).startPasswordReset({ pool: path.pool, email: body.email, locale: body.locale ?? 'en' });
  return { status: 202, body: { sent: true as const } };
});
