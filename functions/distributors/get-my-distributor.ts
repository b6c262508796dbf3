// Tells a distributor's client whom to contact for upgrades and renewals: its distributor's name and e-mail.

import { getAccount } from '#shared/accounts/account.ts';
import { distributorOf } from '#shared/accounts/distributors.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import * as api from '#shared/api/distributors.ts';

export const handler = customerHttpHandler(api.getMyDistributor, async ({ customer: caller }) => {
  const account = await getAccount(caller.accountId);
  const distributor = account ? await distributorOf(account) : undefined;
  return { body: distributor ? { distributor } : {} };
});
