// Lets the signed-in person join the mailing list (with the wording they were shown) or leave it.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { setMyMailing } from '#shared/notifications/mailing-state.ts';
import * as api from '#shared/api/notifications.ts';

export const handler = customerHttpHandler(api.setMailingList, async ({ body, customer: caller }) => {
  return { body: await setMyMailing(caller, body.subscribed, body.locale) };
});
