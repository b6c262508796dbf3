// The customer's ledger in one currency, newest first, a page at a time.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { ledgerPage } from '#shared/billing/balance.ts';
import * as api from '#shared/api/balance.ts';

export const handler = customerHttpHandler(api.listLedger, async ({ customer, query }) => {
  const { currency, ...page } = query;
  return { body: await ledgerPage(customer.accountId, currency, page) };
});
