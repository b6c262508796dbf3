// The accounts the signed-in person acts for, with their role in each: the header's account switch.

import { httpHandler } from '#shared/http/handler.ts';
import { myAccounts } from '#shared/people/people.ts';
import * as api from '#shared/api/people.ts';

export const handler = httpHandler(api.listMyAccounts, async ({ customer }) => ({ body: await myAccounts(customer) }));
