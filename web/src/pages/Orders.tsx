// The customer's orders: date, reference, status and total, newest first (or oldest first), each opening its detail.

import { api, request } from '../api.ts';
import { Frame, Link, PagedTable, SortHeader, usePagedList, useSortOrder, useTitle } from '../components.tsx';
import { OrderStatusBadge } from '../checkout-parts.tsx';
import { useI18n } from '../i18n.ts';

export function OrdersPage() {
  const { t, formatDate, formatMoney } = useI18n();
  const [sort, reverse] = useSortOrder();
  const list = usePagedList((page, signal) => request(api.orders.listOrders, { query: { ...page, sort }, signal }), sort);

  useTitle(t.orders.title);

  return (
    <Frame pool="customer" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.orders.heading}</h1>
      </div>

      <PagedTable
        list={list}
        testId="orders-table"
        caption={t.orders.tableCaption}
        empty={{ title: t.orders.empty, help: t.orders.emptyHelp }}
        showing={t.orders.showing(list.items.length)}
        head={
          <>
            <SortHeader label={t.orders.date} sort={sort} onReverse={reverse} />
            <th scope="col">{t.orders.reference}</th>
            <th scope="col">{t.checkout.statusLabel}</th>
            <th scope="col" class="num">
              {t.orders.total}
            </th>
            <th scope="col">
              <span class="visually-hidden">{t.orders.details}</span>
            </th>
          </>
        }
        row={(order) => (
          <tr key={order.orderId}>
            <td>
              <time dateTime={order.orderedAt}>{formatDate(order.orderedAt)}</time>
            </td>
            <td>{order.reference}</td>
            <td>
              {/* A staff order is fulfilled when written. */}
              <OrderStatusBadge status={order.status ?? 'fulfilled'} />
            </td>
            <td class="num">{formatMoney(order.total)}</td>
            <td>
              <Link href={`/orders/${order.orderId}`}>
                {t.orders.details}
                <span class="visually-hidden"> {order.reference}</span>
              </Link>
            </td>
          </tr>
        )}
      />
    </Frame>
  );
}
