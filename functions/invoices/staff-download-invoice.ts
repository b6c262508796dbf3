// Staff: a short-lived download link of any invoice as PDF, by its account and id.

import { staffCaller } from '#shared/accounts/caller.ts';
import { getInvoice } from '#shared/billing/invoice.ts';
import { invoicePdfDownload } from '#shared/billing/invoice-files.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import * as api from '#shared/api/invoices.ts';

export const handler = httpHandler(api.staffDownloadInvoice, async ({ event, path, query }) => {
  await staffCaller(event);
  const invoice = await getInvoice(query.accountId, path.invoiceId);
  if (!invoice) throw new NotFoundError('No such invoice.');
  return { body: await invoicePdfDownload(invoice) };
});
