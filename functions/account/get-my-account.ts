// Shows the signed-in customer their account: name, contact, activation key and the support contracts it holds.

import { getAccount } from '#shared/accounts/caller.ts';
import { listAccountContracts } from '#shared/contracts/account-contracts.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import * as api from '#shared/api/account.ts';
import { now } from '#shared/time.ts';

export const handler = customerHttpHandler(api.getMyAccount, async ({ customer: caller }) => {
  // Both reads are keyed by the caller's account: one GetItem and one bounded Query, side by side.
  const [account, contracts] = await Promise.all([getAccount(caller.accountId), listAccountContracts(caller.accountId, now())]);
  if (!account) throw new NotFoundError('The account was not found.');
  return {
    body: {
      email: caller.email,
      role: caller.role,
      account: {
        accountId: account.accountId,
        name: account.name,
        activationKey: account.activationKey,
        contactEmail: account.contactEmail,
        ...(account.distributor ? { distributor: true } : {}),
      },
      contracts,
    },
  };
});
