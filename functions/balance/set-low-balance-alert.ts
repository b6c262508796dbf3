// Owner or billing: sets (or removes) the low-balance alert's threshold of one currency.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { setLowBalanceAlert } from '#shared/billing/balance.ts';
import * as api from '#shared/api/balance.ts';

export const handler = customerHttpHandler(api.setLowBalanceAlert, async ({ customer, body }) => ({
  body: await setLowBalanceAlert(customer.accountId, body.currency, body.thresholdMinor),
}));
