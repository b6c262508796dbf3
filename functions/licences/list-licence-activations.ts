// Shows the signed-in customer which computer a licence is on, the transfers left, and its audit trail, newest first.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { getLicenceActivations } from '#shared/licences/activations.ts';
import * as api from '#shared/api/licences.ts';

export const handler = customerHttpHandler(api.listLicenceActivations, async ({ path, query, customer: caller }) => {
  return { body: await getLicenceActivations(caller.accountId, path.licenceId, query) };
});
