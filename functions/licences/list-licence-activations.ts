// Shows the signed-in customer which computer a licence is on, the transfers left, and its audit trail, newest first.

import { customerCaller } from '#shared/accounts/caller.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { getLicenceActivations } from '#shared/licences/activations.ts';
import * as api from '#shared/api/licences.ts';

export const handler = httpHandler(api.listLicenceActivations, async ({ path, query, event }) => {
  const caller = await customerCaller(event);
  return { body: await getLicenceActivations(caller.accountId, path.licenceId, query) };
});
