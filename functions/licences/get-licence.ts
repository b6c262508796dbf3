// Shows the signed-in customer one of their licences with the support subscriptions covering it.

import { customerCaller } from '#shared/accounts/caller.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { getLicence } from '#shared/licences/get-licence.ts';
import * as api from '#shared/api/licences.ts';

export const handler = httpHandler(api.getLicence, async ({ path, event }) => {
  const caller = await customerCaller(event);
  return { body: await getLicence(caller.accountId, path.licenceId) };
});
