// Customer: a short-lived download link of one of the account's invoices as PDF (another account's id is 404).

import { getInvoice } from '#shared/billing/invoice.ts';
import { invoicePdfDownload } from '#shared/billing/invoice-files.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import * as api from '#shared/api/invoices.ts';

export const handler = customerHttpHandler(api.downloadInvoice, async ({ customer, path }) => {
  const invoice = await getInvoice(customer.accountId, path.invoiceId);
  if (!invoice) throw new NotFoundError('No such invoice.');
  return { body: await invoicePdfDownload(invoice) };
});
