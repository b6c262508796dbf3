// Owner, technical: adds a support contract to the account with its number and one-time activation code.

import { toAccountContractView } from '#shared/contracts/account-contracts.ts';
import { registerContract } from '#shared/contracts/claim.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/assets.ts';

export const handler = customerHttpHandler(api.registerContract, async ({ customer, body }) => {
  const at = now();
  const claimed = await registerContract(customer, body, at);
  return { status: 201, body: toAccountContractView({ ...claimed, assetCount: 0 }, at) };
});
