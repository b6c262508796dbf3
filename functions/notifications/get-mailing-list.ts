// Shows the signed-in person whether they are on the mailing list, since when and with which wording.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { myMailingState } from '#shared/notifications/mailing-state.ts';
import * as api from '#shared/api/notifications.ts';

export const handler = customerHttpHandler(api.getMailingList, async ({ customer: caller }) => {
  return { body: await myMailingState(caller.userId) };
});
