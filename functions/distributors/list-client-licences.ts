// Shows a distributor's people the licences of one of their clients (or their own), each with its client.

import { listClientLicences } from '#shared/accounts/distributors.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import * as api from '#shared/api/distributors.ts';

export const handler = customerHttpHandler(api.listClientLicences, async ({ query, customer: caller }) => {
  return { body: await listClientLicences(caller.accountId, query) };
});
