// Staff: every customer account, newest first, a page at a time.

import { listCustomers } from '../api.ts';
import { ErrorAlert, Frame, MoreControls, usePagedList, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';

export function CustomersPage() {
  const { t, formatDate } = useI18n();
  const list = usePagedList(listCustomers);

  useTitle(t.customers.title);

  return (
    <Frame pool="staff" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.customers.heading}</h1>
        <p class="muted">{t.customers.intro}</p>
      </div>

      {list.status === 'loading' && (
        <p class="muted" role="status">
          {t.app.loading}
        </p>
      )}
      {list.status === 'error' && list.items.length === 0 && <ErrorAlert error={list.error} onRetry={list.retry} />}
      {list.status !== 'loading' && list.status !== 'error' && list.items.length === 0 && (
        <div class="empty">
          <p class="empty-title">{t.customers.empty}</p>
          <p class="muted">{t.customers.emptyHelp}</p>
        </div>
      )}
      {list.items.length > 0 && (
        <>
          <div class="table-wrap" role="region" aria-labelledby="customers-caption" tabIndex={0}>
            <table data-testid="customers-table">
              <caption id="customers-caption">{t.customers.tableCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.customers.name}</th>
                  <th scope="col">{t.customers.contactEmail}</th>
                  <th scope="col">{t.customers.country}</th>
                  <th scope="col">{t.customers.created}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((customer) => (
                  <tr key={customer.accountId}>
                    <td>{customer.name}</td>
                    <td>
                      <a href={`mailto:${customer.contactEmail}`}>{customer.contactEmail}</a>
                    </td>
                    <td>{customer.country ?? t.app.notAvailable}</td>
                    <td>
                      <time dateTime={customer.createdAt}>{formatDate(customer.createdAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <MoreControls list={list} showing={t.customers.showing(list.items.length)} />
        </>
      )}
    </Frame>
  );
}
