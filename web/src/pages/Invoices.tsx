// The customer's invoices (proformas, VAT and correction invoices) with their status and PDF, all or only the unpaid
// ones, newest first; and the account's payment history below.

import { useState } from 'preact/hooks';
import { api, request } from '../api.ts';
import { Frame, PagedTable, usePagedList, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { InvoicesTable } from './invoice-parts.tsx';

type Filter = 'all' | 'unpaid';

export function InvoicesPage() {
  const { t, formatDate, formatMoney } = useI18n();
  const [filter, setFilter] = useState<Filter>('all');
  const invoices = usePagedList(
    (page, signal) =>
      request(api.invoices.listInvoices, { query: { ...page, ...(filter === 'unpaid' ? { status: 'unpaid' } : {}) }, signal }),
    filter,
  );
  const payments = usePagedList((page, signal) => request(api.invoices.listPaymentHistory, { query: page, signal }));
  useTitle(t.invoices.title);

  return (
    <Frame pool="customer" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.invoices.heading}</h1>
      </div>
      <p>{t.invoices.intro}</p>

      <div class="field">
        <label for="invoice-filter">{t.invoices.show}</label>
        <select id="invoice-filter" value={filter} onChange={(event) => setFilter(event.currentTarget.value as Filter)}>
          <option value="all">{t.invoices.all}</option>
          <option value="unpaid">{t.invoices.unpaidOnly}</option>
        </select>
      </div>

      <InvoicesTable list={invoices} testId="invoices-table" caption={t.invoices.tableCaption} emptyHelp={t.invoices.emptyHelp} />

      {/* The payment history appears once the invoices are listed: rows arriving above it would push it down. */}
      {invoices.status !== 'loading' && (
        <>
          <h2>{t.invoices.paymentsHeading}</h2>
          <PagedTable
            list={payments}
            testId="payments-table"
            caption={t.invoices.paymentsCaption}
            empty={{ title: t.invoices.noPayments, help: t.invoices.noPaymentsHelp }}
            showing={t.invoices.showingPayments(payments.items.length)}
            head={
              <>
                <th scope="col">{t.invoices.date}</th>
                <th scope="col">{t.invoices.method}</th>
                <th scope="col">{t.invoices.order}</th>
                <th scope="col" class="num">
                  {t.invoices.amount}
                </th>
              </>
            }
            row={(payment) => (
              <tr key={payment.paymentId}>
                <td>
                  <time dateTime={payment.receivedOn}>{formatDate(payment.receivedOn)}</time>
                </td>
                <td>
                  {t.invoices.methods[payment.method]}
                  {payment.bankReference && <span class="hint"> ({payment.bankReference})</span>}
                </td>
                <td>{payment.orderReference ?? '—'}</td>
                <td class="num">{formatMoney(payment.amount)}</td>
              </tr>
            )}
          />
        </>
      )}
    </Frame>
  );
}
