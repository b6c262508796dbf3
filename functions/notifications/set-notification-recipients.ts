// Lets the owner choose who of the account's people receives each category of its mail.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { setNotificationRecipients } from '#shared/notifications/recipients.ts';
import * as api from '#shared/api/notifications.ts';

export const handler = customerHttpHandler(api.setNotificationRecipients, async ({ body, customer: caller }) => {
  return { body: await setNotificationRecipients(caller.accountId, body.categories) };
});
