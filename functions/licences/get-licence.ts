// Shows the signed-in customer one of their licences with the support subscriptions covering it.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { getLicence } from '#shared/licences/get-licence.ts';
import * as api from '#shared/api/licences.ts';

export const handler = customerHttpHandler(api.getLicence, async ({ path, customer: caller }) => {
  return { body: await getLicence(caller.accountId, path.licenceId) };
});
