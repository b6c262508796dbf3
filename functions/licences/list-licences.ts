// Lists the signed-in customer's licences, newest first, with whether support is active.

import { customerCaller } from '#shared/accounts/caller.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { pageQuery } from '#shared/http/schemas.ts';
import { listLicences } from '#shared/licences/list-licences.ts';

export const handler = httpHandler({ query: pageQuery }, async ({ query, event }) => {
  const caller = await customerCaller(event);
  return { body: await listLicences(caller.accountId, query) };
});
