// Lists the upgrades of the caller's licences (or a distributor's client's): offered with the price, or not and why.

import * as api from '#shared/api/upgrades.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { listUpgrades } from '#shared/upgrades/list-upgrades.ts';

export const handler = customerHttpHandler(api.listUpgrades, async ({ query, customer }) => {
  return { body: await listUpgrades(customer.accountId, query) };
});
