// Mails the signed-in person a code to their new e-mail address; the change waits for that code.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { accessTokenOf, startEmailChange } from '#shared/notifications/email-change.ts';
import * as api from '#shared/api/notifications.ts';

export const handler = customerHttpHandler(api.startEmailChange, async ({ body, customer, event }) => {
  const locale = body.locale ?? customer.person.locale ?? 'en';
  return { body: await startEmailChange(customer, { newEmail: body.newEmail, locale, accessToken: accessTokenOf(event) }) };
});
