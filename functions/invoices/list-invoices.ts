// Customer: the account's invoices, newest first, all or only the unpaid ones.

import { listAccountInvoices } from '#shared/billing/invoice-list.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/invoices.ts';

export const handler = customerHttpHandler(api.listInvoices, async ({ customer, query }) => {
  const { status, ...page } = query;
  return { body: await listAccountInvoices(customer.accountId, { ...page, unpaidOnly: status === 'unpaid' }, now()) };
});
