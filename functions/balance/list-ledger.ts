// The customer's ledger in one currency (by default the one the page shows first), newest first, a page at a time.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { ledgerPage, readBalances } from '#shared/billing/balance.ts';
import * as api from '#shared/api/balance.ts';

export const handler = customerHttpHandler(api.listLedger, async ({ customer, query }) => {
  const { currency, ...page } = query;
  const shown = currency ?? api.preferredCurrency(await readBalances(customer.accountId));
  return { body: await ledgerPage(customer.accountId, shown, page) };
});
