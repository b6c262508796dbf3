// Cognito's Create auth challenge trigger for sign-in with e-mail + order number: asks for the order number, then
// e-mails the one-time code the customer types next.

import type { CreateAuthChallengeTriggerEvent } from 'aws-lambda';
import { createAuthChallenge } from '#shared/identity/custom-auth.ts';
import { newEmailCode } from '#shared/identity/order-sign-in.ts';
import { sendMail } from '#shared/mail/send.ts';
import { signInCodeMail } from '#shared/mail/templates.ts';
import { workerHandler } from '#shared/workers/handler.ts';
import { nowEpochSeconds } from '#shared/time.ts';

export const handler = workerHandler<CreateAuthChallengeTriggerEvent, CreateAuthChallengeTriggerEvent>(async (event) => {
  const created = createAuthChallenge(event.request, { nowEpochSeconds: nowEpochSeconds(), newCode: newEmailCode });
  if (created.mail) await sendMail(signInCodeMail(created.mail.to, created.mail.code, created.mail.locale));
  event.response = created.response;
  return event;
});
