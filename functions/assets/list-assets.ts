// The account's assets ("Moje zasoby") and the technical ticket's asset picker: filters by category, contract, active
// support and a name, serial or MAC prefix; paginated.

import { listAssets } from '#shared/assets/assets.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/assets.ts';

export const handler = customerHttpHandler(api.listAssets, async ({ customer, query }) => {
  const { underActiveSupport, ...filters } = query;
  return { body: await listAssets(customer.accountId, { ...filters, underActiveSupport: underActiveSupport === 'true' }, now()) };
});
