// Mails the confirmation link again. The answer is the same whether or not the address has an unconfirmed account.

import { httpHandler } from '#shared/http/handler.ts';
import { identity } from '#shared/identity/index.ts';
import { limitAccountMail } from '#shared/auth/account-mail-limits.ts';
import * as api from '#shared/api/auth.ts';

export const handler = httpHandler(api.resendConfirmation, async ({ body, event }) => {
  await limitAccountMail({ pool: 'customer', email: body.email, sourceIp: event.requestContext.http.sourceIp });
  await (await identity()).resendConfirmation({ pool: 'customer', email: body.email, locale: body.locale ?? 'en' });
  return { status: 202, body: { sent: true as const } };
});
