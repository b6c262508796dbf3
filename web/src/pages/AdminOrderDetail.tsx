// Staff: one order in full: when and for whom it was placed, its products, the licences it issued and the contact.

import { getStaffOrder } from '../api.ts';
import { ErrorAlert, Frame, isNotFound, Link, NotOnAccount, useResource, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { IssuedTable } from './NewOrder.tsx';

export function AdminOrderDetailPage(props: { accountId: string; orderId: string }) {
  const { t, formatDate, formatDateTime, formatMoney, formatCountry } = useI18n();
  const order = useResource((signal) => getStaffOrder(props.accountId, props.orderId, signal), `${props.accountId}/${props.orderId}`);
  const data = order.data;

  useTitle(data ? t.adminOrders.detailHeading(data.reference) : t.adminOrders.eyebrow);

  return (
    <Frame pool="staff" signedIn>
      <p class="back-link">
        <Link href="/admin/orders">{t.adminOrders.allOrders}</Link>
      </p>
      <div class="page-head">
        {data && <p class="eyebrow">{t.adminOrders.eyebrow}</p>}
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
              <dd>{data.account?.name ?? data.accountId}</dd>
            </div>
            <div>
              <dt>{t.adminOrders.locale}</dt>
              <dd lang={data.locale}>{t.languages[data.locale]}</dd>
            </div>
          </dl>

          <div class="table-wrap section" role="region" aria-labelledby="staff-order-lines-caption" tabIndex={0}>
            <table data-testid="staff-order-lines">
              <caption id="staff-order-lines-caption">{t.orderDetail.linesCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.orderDetail.product}</th>
                  <th scope="col">{t.orderDetail.sku}</th>
                  <th scope="col" class="num">
                    {t.orderDetail.quantity}
                  </th>
                  <th scope="col" class="num">
                    {t.orderDetail.subtotal}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.lines.map((line, index) => (
                  <tr key={index}>
                    <td>
                      {line.product}
                      <span class="muted small block">
                        {line.edition} · {t.licences.users}: {line.users}
                      </span>
                    </td>
                    <td class="sku">{line.sku}</td>
                    <td class="num">{line.quantity}</td>
                    <td class="num">{formatMoney(line.subtotal)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          {data.issued.length > 0 && <IssuedTable issued={data.issued} formatDate={formatDate} />}

          <section class="section" aria-labelledby="staff-order-contact">
            <h2 id="staff-order-contact">{t.orderDetail.contactHeading}</h2>
            <dl class="facts card">
              <div>
                <dt>{t.orderDetail.name}</dt>
                <dd>{data.contact.name}</dd>
              </div>
              <div>
                <dt>{t.orderDetail.email}</dt>
                <dd>{data.contact.email}</dd>
              </div>
              <div>
                <dt>{t.orderDetail.country}</dt>
                <dd>{formatCountry(data.contact.country)}</dd>
              </div>
              <div>
                <dt>{t.orderDetail.city}</dt>
                <dd>{data.contact.city}</dd>
              </div>
            </dl>
          </section>
        </>
      )}
    </Frame>
  );
}
