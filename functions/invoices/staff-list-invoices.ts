// Staff: every account's invoices, newest first, by kind, or the one invoice of a number.

import { staffCaller } from '#shared/accounts/caller.ts';
import { findInvoiceByNumber, listAllInvoices, staffInvoiceView } from '#shared/billing/invoice-list.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/invoices.ts';

export const handler = httpHandler(api.staffListInvoices, async ({ event, query }) => {
  await staffCaller(event);
  const { number, ...page } = query;
  const at = now();
  if (number) {
    const invoice = await findInvoiceByNumber(number, at);
    return { body: { items: invoice && (!page.kind || invoice.kind === page.kind) ? [staffInvoiceView(invoice, at)] : [] } };
  }
  return { body: await listAllInvoices(page, at) };
});
