// Staff: every order newest first, a search by reference or customer e-mail, and the way to place a new order.

import { api, request } from '../api.ts';
import { Frame, Link, PagedTable, usePagedList, useTitle } from '../components.tsx';
import { SearchForm, useAddressQuery } from '../address-search.tsx';
import { useI18n } from '../i18n.ts';
import './admin-orders.css';

/** An address searches by e-mail, anything else by reference: staff type either into one box. */
function searchOf(query: string): { email?: string; reference?: string } {
  if (!query) return {};
  return query.includes('@') ? { email: query } : { reference: query };
}

export function AdminOrdersPage() {
  const { t, formatDate, formatMoney } = useI18n();
  const [active, apply] = useAddressQuery();
  const list = usePagedList(
    (page, signal) => request(api.orders.listStaffOrders, { query: { ...searchOf(active), ...page }, signal }),
    active,
  );

  useTitle(t.adminOrders.title);

  return (
    <Frame pool="staff" signedIn>
      <div class="page-head head-with-action">
        <div>
          <h1 tabIndex={-1}>{t.adminOrders.heading}</h1>
          <p class="muted">{t.adminOrders.intro}</p>
        </div>
        <Link href="/admin/orders/new" class="button primary">
          {t.adminOrders.newOrder}
        </Link>
      </div>

      <SearchForm
        id="order-search"
        label={t.adminOrders.searchLabel}
        hint={t.adminOrders.searchHint}
        submitLabel={t.adminOrders.search}
        showAllLabel={t.adminOrders.showAll}
        active={active}
        onApply={apply}
      />

      <PagedTable
        list={list}
        testId="staff-orders-table"
        caption={active ? t.adminOrders.resultsFor(active) : t.adminOrders.tableCaption}
        empty={
          active
            ? { title: t.adminOrders.noMatch(active), help: t.adminOrders.noMatchHelp }
            : { title: t.adminOrders.empty, help: t.adminOrders.emptyHelp }
        }
        showing={t.adminOrders.showing(list.items.length)}
        head={
          <>
            <th scope="col">{t.adminOrders.date}</th>
            <th scope="col">{t.adminOrders.reference}</th>
            <th scope="col">{t.adminOrders.customerEmail}</th>
            <th scope="col" class="num">
              {t.adminOrders.total}
            </th>
            <th scope="col">
              <span class="visually-hidden">{t.adminOrders.details}</span>
            </th>
          </>
        }
        row={(order) => (
          <tr key={`${order.accountId}/${order.orderId}`}>
            <td>
              <time dateTime={order.orderedAt}>{formatDate(order.orderedAt)}</time>
            </td>
            <td>{order.reference}</td>
            <td>
              <a href={`mailto:${order.email}`}>{order.email}</a>
            </td>
            <td class="num">{formatMoney(order.total)}</td>
            <td>
              <Link href={`/admin/orders/${encodeURIComponent(order.accountId)}/${order.orderId}`}>
                {t.adminOrders.details}
                <span class="visually-hidden"> {order.reference}</span>
              </Link>
            </td>
          </tr>
        )}
      />
    </Frame>
  );
}
