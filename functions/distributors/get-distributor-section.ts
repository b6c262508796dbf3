// Staff: the customer page's distributor section: whether the account is a distributor, its clients, or its distributor.

import { distributorSection } from '#shared/accounts/distributors.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/distributors.ts';

export const handler = httpHandler(api.getDistributorSection, async ({ path, query }) => {
  return { body: await distributorSection(path.accountId, query) };
});
