// The accounts the signed-in person acts for, with their role in each: the header's account switch.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { myAccounts } from '#shared/people/people.ts';
import * as api from '#shared/api/people.ts';

export const handler = customerHttpHandler(api.listMyAccounts, async ({ customer }) => ({ body: await myAccounts(customer) }));
