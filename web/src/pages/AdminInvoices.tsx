// Staff: every account's invoices, newest first, by kind or found by number, each with its customer and PDF.

import { useState } from 'preact/hooks';
import { api, request } from '../api.ts';
import { Frame, Link, PagedTable, usePagedList, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { INVOICE_KIND_VALUES } from '#shared/api/invoices.ts';
import { InvoicePdfButton, InvoiceStatusBadge } from './invoice-parts.tsx';

type Kind = (typeof INVOICE_KIND_VALUES)[number];

export function AdminInvoicesPage() {
  const { t, formatDate, formatMoney } = useI18n();
  const [kind, setKind] = useState<Kind | ''>('');
  const [typed, setTyped] = useState('');
  const [number, setNumber] = useState('');
  const list = usePagedList(
    (page, signal) =>
      request(api.invoices.staffListInvoices, {
        query: { ...page, ...(kind ? { kind } : {}), ...(number ? { number } : {}) },
        signal,
      }),
    `${kind}|${number}`,
  );
  useTitle(t.invoices.staffTitle);

  return (
    <Frame pool="staff" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.invoices.staffHeading}</h1>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for the browsers we support; role="search" says the same. */}
      <form
        role="search"
        aria-label={t.invoices.filters}
        class="audit-filters"
        onSubmit={(event) => {
          event.preventDefault();
          setNumber(typed.trim().toUpperCase());
        }}
      >
        <div class="field">
          <label for="invoice-kind">{t.invoices.kind}</label>
          <select id="invoice-kind" value={kind} onChange={(event) => setKind(event.currentTarget.value as Kind | '')}>
            <option value="">{t.invoices.anyKind}</option>
            {INVOICE_KIND_VALUES.map((each) => (
              <option key={each} value={each}>
                {t.invoices.kinds[each]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="invoice-number">{t.invoices.number}</label>
          <input
            id="invoice-number"
            value={typed}
            placeholder="FV/2026/000123"
            pattern="[A-Za-z]{1,6}/[0-9]{4}/[0-9]{6}"
            onInput={(event) => setTyped(event.currentTarget.value)}
          />
        </div>
        <button type="submit">{t.invoices.find}</button>
      </form>

      <PagedTable
        list={list}
        testId="admin-invoices-table"
        caption={t.invoices.staffCaption}
        empty={{ title: t.invoices.empty, help: t.invoices.staffEmptyHelp }}
        showing={t.invoices.showing(list.items.length)}
        compact
        head={
          <>
            <th scope="col">{t.invoices.number}</th>
            <th scope="col">{t.invoices.kind}</th>
            <th scope="col">{t.invoices.customer}</th>
            <th scope="col">{t.invoices.date}</th>
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
            <td>{t.invoices.kinds[invoice.kind]}</td>
            <td>
              <Link href={`/admin/customers/${encodeURIComponent(invoice.accountId)}`}>{invoice.buyerName}</Link>
            </td>
            <td>
              <time dateTime={invoice.issuedAt}>{formatDate(invoice.issuedAt)}</time>
            </td>
            <td class="num">{formatMoney(invoice.total)}</td>
            <td>
              <InvoiceStatusBadge status={invoice.status} />
            </td>
            <td>
              <InvoicePdfButton invoice={invoice} accountId={invoice.accountId} />
            </td>
          </tr>
        )}
      />
    </Frame>
  );
}
