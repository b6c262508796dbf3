// Shows a distributor's people one licence of one of their clients, as the licence page shows it.

import { getClientLicence } from '#shared/accounts/distributors.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import * as api from '#shared/api/distributors.ts';

export const handler = customerHttpHandler(api.getClientLicence, async ({ path, query, customer: caller }) => {
  return { body: await getClientLicence(caller.accountId, query.clientId, path.licenceId) };
});
