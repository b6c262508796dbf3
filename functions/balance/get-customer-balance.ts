// Staff: a customer's balances and the newest ledger entries of one currency (the first holding money unless named), for the customer page's balance section.

import { httpHandler } from '#shared/http/handler.ts';
import { ledgerPage, readBalances } from '#shared/billing/balance.ts';
import * as api from '#shared/api/balance.ts';

export const handler = httpHandler(api.getCustomerBalance, async ({ path, query }) => {
  const balances = await readBalances(path.accountId);
  const currency = query.currency ?? api.preferredCurrency(balances);
  return { body: { ...balances, currency, entries: await ledgerPage(path.accountId, currency, { limit: 10 }) } };
});
