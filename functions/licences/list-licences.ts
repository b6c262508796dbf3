// Lists the signed-in customer's licences, newest first unless sort=asc, with whether support is active.

import { customerCaller } from '#shared/accounts/caller.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { sortedPageQuery } from '#shared/http/schemas.ts';
import { listLicences } from '#shared/licences/list-licences.ts';

export const handler = httpHandler({ query: sortedPageQuery }, async ({ query, event }) => {
  const caller = await customerCaller(event);
  return { body: await listLicences(caller.accountId, query) };
});
