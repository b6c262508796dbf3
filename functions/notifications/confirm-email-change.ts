// Makes the new e-mail address the signed-in person's login with the code mailed to it, and tells the old address.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { accessTokenOf, confirmEmailChange } from '#shared/notifications/email-change.ts';
import * as api from '#shared/api/notifications.ts';

export const handler = customerHttpHandler(api.confirmEmailChange, async ({ body, customer, event }) => {
  return { body: await confirmEmailChange(customer, { newEmail: body.newEmail, code: body.code, accessToken: accessTokenOf(event) }) };
});
