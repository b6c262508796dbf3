// Pieces the customer's and the staff's invoice pages share: the status badge and the PDF download button.

import { api, type ReplyOf, request } from '../api.ts';
import { DownloadButton, openLink } from '../download.tsx';
import { useI18n } from '../i18n.ts';

export type InvoiceRow = ReplyOf<typeof api.invoices.listInvoices>['items'][number];

export function InvoiceStatusBadge(props: { status: InvoiceRow['status'] }) {
  const { t } = useI18n();
  const tone =
    props.status === 'overdue'
      ? 'badge-warn'
      : props.status === 'unpaid'
        ? 'badge-warn'
        : props.status === 'corrected'
          ? 'badge-off'
          : 'badge-ok';
  return (
    <span class={`badge ${tone}`} data-testid="invoice-status">
      {t.invoices.statuses[props.status]}
    </span>
  );
}

/** Downloads the invoice's PDF through its short-lived link (the customer's route, or staff's with the account). */
export function InvoicePdfButton(props: { invoice: Pick<InvoiceRow, 'invoiceId' | 'number'>; accountId?: string }) {
  const { t } = useI18n();
  const { invoice, accountId } = props;
  const download = async () => {
    const link =
      accountId === undefined
        ? await request(api.invoices.downloadInvoice, { path: { invoiceId: invoice.invoiceId } })
        : await request(api.invoices.staffDownloadInvoice, { path: { invoiceId: invoice.invoiceId }, query: { accountId } });
    openLink(link.url);
  };
  return <DownloadButton download={download} label={t.invoices.pdf} description={invoice.number} />;
}
