// Shows any person of the account who receives each category of its mail, and the people who can be chosen.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { notificationSettings } from '#shared/notifications/recipients.ts';
import * as api from '#shared/api/notifications.ts';

export const handler = customerHttpHandler(api.getNotificationRecipients, async ({ customer: caller }) => {
  return { body: await notificationSettings(caller.accountId) };
});
