// Pieces the customer's and the staff's invoice pages share: the invoices table, its status badge and the PDF download
// button.

import { api, type ReplyOf, request } from '../api.ts';
import { Link, type PagedList, PagedTable } from '../components.tsx';
import { DownloadButton, openLink } from '../download.tsx';
import { useI18n } from '../i18n.ts';

export type InvoiceRow = ReplyOf<typeof api.invoices.listInvoices>['items'][number];
type StaffInvoiceRow = ReplyOf<typeof api.invoices.staffListInvoices>['items'][number];

export function InvoiceStatusBadge(props: { status: InvoiceRow['status'] }) {
  const { t } = useI18n();
  const tone = props.status === 'overdue' || props.status === 'unpaid' ? 'badge-warn' : props.status === 'paid' ? 'badge-ok' : 'badge-off';
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

/**
 * The invoices as a table, newest first: number, kind (a correction with the invoice it corrects), date, gross, status
 * and the PDF; the customer's with the due date, staff's with each invoice's customer (its PDF through the staff route).
 */
export function InvoicesTable(props: {
  list: PagedList<InvoiceRow & Partial<Pick<StaffInvoiceRow, 'accountId' | 'buyerName'>>>;
  testId: string;
  caption: string;
  emptyHelp: string;
  staff?: boolean;
}) {
  const { t, formatDate, formatMoney } = useI18n();
  const { list, staff } = props;
  return (
    <PagedTable
      list={list}
      testId={props.testId}
      caption={props.caption}
      empty={{ title: t.invoices.empty, help: props.emptyHelp }}
      showing={t.invoices.showing(list.items.length)}
      compact
      head={
        <>
          <th scope="col">{t.invoices.number}</th>
          <th scope="col">{t.invoices.kind}</th>
          {staff && <th scope="col">{t.invoices.customer}</th>}
          <th scope="col">{t.invoices.date}</th>
          {!staff && <th scope="col">{t.invoices.due}</th>}
          <th scope="col" class="num">
            {t.invoices.gross}
          </th>
          <th scope="col">{t.invoices.status}</th>
          <th scope="col">
            <span class="visually-hidden">{t.invoices.pdf}</span>
          </th>
        </>
      }
      row={(invoice) => (
        <tr key={invoice.invoiceId}>
          <td>{invoice.number}</td>
          <td>
            {t.invoices.kinds[invoice.kind]}
            {invoice.corrects && <span class="hint"> ({t.invoices.corrects(invoice.corrects)})</span>}
          </td>
          {staff && (
            <td>
              {invoice.accountId && <Link href={`/admin/customers/${encodeURIComponent(invoice.accountId)}`}>{invoice.buyerName}</Link>}
            </td>
          )}
          <td>
            <time dateTime={invoice.issuedAt}>{formatDate(invoice.issuedAt)}</time>
          </td>
          {!staff && <td>{invoice.dueAt ? <time dateTime={invoice.dueAt}>{formatDate(invoice.dueAt)}</time> : '—'}</td>}
          <td class="num">{formatMoney(invoice.total)}</td>
          <td>
            <InvoiceStatusBadge status={invoice.status} />
          </td>
          <td>
            <InvoicePdfButton invoice={invoice} accountId={staff ? invoice.accountId : undefined} />
          </td>
        </tr>
      )}
    />
  );
}
