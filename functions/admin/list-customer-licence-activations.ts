// Staff: which computer a customer's licence is on, its transfers, and its activation history (staff changes too).

import { staffCaller } from '#shared/accounts/caller.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { getLicenceActivations } from '#shared/licences/activations.ts';
import * as api from '#shared/api/customer-page.ts';

export const handler = httpHandler(api.listCustomerLicenceActivations, async ({ path, query, event }) => {
  await staffCaller(event);
  // Keyed by the account in the path: a licence of another account is not found.
  return { body: await getLicenceActivations(path.accountId, path.licenceId, query) };
});
