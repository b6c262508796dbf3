// Lists the signed-in customer's licences, newest first unless sort=asc, with whether support is active.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { listLicences } from '#shared/licences/list-licences.ts';
import * as api from '#shared/api/licences.ts';

export const handler = customerHttpHandler(api.listLicences, async ({ query, customer: caller }) => {
  return { body: await listLicences(caller.accountId, query) };
});
