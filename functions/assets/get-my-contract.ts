// One of the account's support contracts, for its page (its assets come from the assets list).

import { getAccountContract, toAccountContractView } from '#shared/contracts/account-contracts.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/assets.ts';

export const handler = customerHttpHandler(api.getMyContract, async ({ customer, path }) => ({
  body: toAccountContractView(await getAccountContract(customer.accountId, path.accountContractNumber), now()),
}));
