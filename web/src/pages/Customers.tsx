// Staff: every customer account, newest first, a page at a time.

import { api, request } from '../api.ts';
import { Frame, Link, PagedTable, usePagedList, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';

export function CustomersPage() {
  const { t, formatDate } = useI18n();
  const list = usePagedList((page, signal) => request(api.customers.listCustomers, { query: page, signal }));

  useTitle(t.customers.title);

  return (
    <Frame pool="staff" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.customers.heading}</h1>
        <p class="muted">{t.customers.intro}</p>
      </div>

      <PagedTable
        list={list}
        testId="customers-table"
        caption={t.customers.tableCaption}
        empty={{ title: t.customers.empty, help: t.customers.emptyHelp }}
        showing={t.customers.showing(list.items.length)}
        head={
          <>
            <th scope="col">{t.customers.name}</th>
            <th scope="col">{t.customers.contactEmail}</th>
            <th scope="col">{t.customers.country}</th>
            <th scope="col">{t.customers.created}</th>
          </>
        }
        row={(customer) => (
          <tr key={customer.accountId}>
            <td>
              <Link href={`/admin/customers/${encodeURIComponent(customer.accountId)}`}>{customer.name}</Link>
            </td>
            <td>
              <a href={`mailto:${customer.contactEmail}`}>{customer.contactEmail}</a>
            </td>
            <td>{customer.country ?? t.app.notAvailable}</td>
            <td>
              <time dateTime={customer.createdAt}>{formatDate(customer.createdAt)}</time>
            </td>
          </tr>
        )}
      />
    </Frame>
  );
}
