// A person stops acting for the account they act for (never the last owner).

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { leaveAccount } from '#shared/people/people.ts';
import * as api from '#shared/api/people.ts';

export const handler = customerHttpHandler(api.leaveAccount, async ({ customer, body }) => {
  await leaveAccount(customer, body.accountId);
  return { status: 204 };
});
