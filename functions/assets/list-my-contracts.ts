// The account's support contracts: term, SLA level, status and how many assets each covers.

import { pageAccountContracts } from '#shared/contracts/account-contracts.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/assets.ts';

export const handler = customerHttpHandler(api.listMyContracts, async ({ customer, query }) => ({
  body: await pageAccountContracts(customer.accountId, query, now()),
}));
