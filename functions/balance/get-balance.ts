// The customer's balance per currency, with their low-balance thresholds.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { readBalances } from '#shared/billing/balance.ts';
import * as api from '#shared/api/balance.ts';

export const handler = customerHttpHandler(api.getBalance, async ({ customer }) => ({ body: await readBalances(customer.accountId) }));
