// Staff: one order in full: when and for whom it was placed, its products, the licences it issued and the contact.

import { api, request } from '../api.ts';
import { ViewAsForm } from '../view-as-form.tsx';
import { ErrorAlert, Frame, isNotFound, Link, NotOnAccount, useResource, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { OrderContact, OrderLinesTable, StartedServices } from '../order-parts.tsx';
import { IssuedTable } from './NewOrder.tsx';
import { StaffOrderPayments } from './AdminPayments.tsx';

export function AdminOrderDetailPage(props: { accountId: string; orderId: string }) {
  const { t, formatDate, formatDateTime, formatMoney } = useI18n();
  const order = useResource(
    (signal) => request(api.orders.getStaffOrder, { path: { accountId: props.accountId, orderId: props.orderId }, signal }),
    `${props.accountId}/${props.orderId}`,
  );
  const data = order.data;

  useTitle(data ? t.adminOrders.detailHeading(data.reference) : t.adminOrders.eyebrow);

  return (
    <Frame pool="staff" signedIn>
      <p class="back-link">
        <Link href="/admin/orders">{t.adminOrders.allOrders}</Link>
      </p>
      <div class="page-head">
        {/* Always there, so the heading does not move when the order arrives. */}
        <p class="eyebrow">{t.adminOrders.eyebrow}</p>
        <h1 tabIndex={-1}>{data ? t.adminOrders.detailHeading(data.reference) : t.adminOrders.eyebrow}</h1>
      </div>
      {order.error !== undefined ? (
        isNotFound(order.error) ? (
          <NotOnAccount
            title={t.adminOrders.notFound}
            help={t.adminOrders.notFoundHelp}
            back={{ href: '/admin/orders', label: t.adminOrders.allOrders }}
          />
        ) : (
          <ErrorAlert error={order.error} onRetry={order.retry} />
        )
      ) : !data ? (
        <p class="muted" role="status">
          {t.app.loading}
        </p>
      ) : (
        <>
          <dl class="facts card" data-testid="staff-order-facts">
            <div>
              <dt>{t.adminOrders.placed}</dt>
              <dd>
                <time dateTime={data.orderedAt}>{formatDateTime(data.orderedAt)}</time>
              </dd>
            </div>
            <div>
              <dt>{t.adminOrders.reference}</dt>
              <dd>{data.reference}</dd>
            </div>
            <div>
              <dt>{t.adminOrders.total}</dt>
              <dd>{formatMoney(data.total)}</dd>
            </div>
            <div>
              <dt>{t.adminOrders.customerEmail}</dt>
              <dd>
                <a href={`mailto:${data.email}`}>{data.email}</a>
              </dd>
            </div>
            <div>
              <dt>{t.adminOrders.account}</dt>
              <dd>
                <Link href={`/admin/customers/${encodeURIComponent(data.accountId)}`}>{data.account?.name ?? data.accountId}</Link>
              </dd>
            </div>
            <div>
              <dt>{t.adminOrders.locale}</dt>
              <dd lang={data.locale}>{t.languages[data.locale]}</dd>
            </div>
          </dl>

          <OrderLinesTable order={data} id="staff-order-lines" />

          <StaffOrderPayments accountId={data.accountId} orderId={data.orderId} />

          {data.issued.length > 0 && <IssuedTable issued={data.issued} formatDate={formatDate} />}

          <StartedServices services={data.services} id="staff-order-services" />

          <OrderContact contact={data.contact} id="staff-order-contact" />

          <ViewAsForm accountId={data.accountId} />
        </>
      )}
    </Frame>
  );
}
