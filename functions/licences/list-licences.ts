// Lists the signed-in customer's licences, newest first unless sort=asc, with whether support is active.

import { customerCaller } from '#shared/accounts/caller.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { listLicences } from '#shared/licences/list-licences.ts';
import * as api from '#shared/api/licences.ts';

export const handler = httpHandler(api.listLicences, async ({ query, event }) => {
  const caller = await customerCaller(event);
  return { body: await listLicences(caller.accountId, query) };
});
