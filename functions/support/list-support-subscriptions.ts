// Lists the signed-in customer's support & updates subscriptions with their status, newest start first unless sort=asc.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { listSupportSubscriptions } from '#shared/support/list-support.ts';
import * as api from '#shared/api/support.ts';

export const handler = customerHttpHandler(api.listSupportSubscriptions, async ({ query, customer: caller }) => {
  return { body: await listSupportSubscriptions(caller.accountId, query) };
});
