// Shows the signed-in customer their account: name, contact and activation key.

import { customerCaller, getAccount } from '#shared/accounts/caller.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/account.ts';

export const handler = httpHandler(api.getMyAccount, async ({ event }) => {
  const caller = await customerCaller(event);
  const account = await getAccount(caller.accountId);
  if (!account) throw new NotFoundError('The account was not found.');
  return {
    body: {
      email: caller.email,
      account: {
        accountId: account.accountId,
        name: account.name,
        activationKey: account.activationKey,
        contactEmail: account.contactEmail,
      },
    },
  };
});
