// One order in full: when it was placed, its reference, products, total, and the contact given at purchase.

import { getOrder } from '../api.ts';
import { ErrorAlert, Frame, isNotFound, Link, NotOnAccount, useResource, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';

export function OrderDetailPage(props: { orderId: string }) {
  const { t, formatDateTime, formatMoney, formatCountry } = useI18n();
  const order = useResource((signal) => getOrder(props.orderId, signal), props.orderId);
  const data = order.data;

  useTitle(data ? t.orderDetail.heading(data.reference) : t.orderDetail.eyebrow);

  return (
    <Frame pool="customer" signedIn>
      <p class="back-link">
        <Link href="/orders">{t.orderDetail.back}</Link>
      </p>
      <div class="page-head">
        {data && <p class="eyebrow">{t.orderDetail.eyebrow}</p>}
        {/* One heading element throughout, so the focus it gets on arrival survives the data loading. */}
        <h1 tabIndex={-1}>{data ? t.orderDetail.heading(data.reference) : t.orderDetail.eyebrow}</h1>
      </div>
      {order.error !== undefined ? (
        isNotFound(order.error) ? (
          <NotOnAccount
            title={t.orderDetail.notFound}
            help={t.orderDetail.notFoundHelp}
            back={{ href: '/orders', label: t.orderDetail.back }}
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
          <dl class="facts card" data-testid="order-facts">
            <div>
              <dt>{t.orderDetail.placed}</dt>
              <dd>
                <time dateTime={data.orderedAt}>{formatDateTime(data.orderedAt)}</time>
              </dd>
            </div>
            <div>
              <dt>{t.orderDetail.reference}</dt>
              <dd>{data.reference}</dd>
            </div>
            <div>
              <dt>{t.orderDetail.total}</dt>
              <dd>{formatMoney(data.total)}</dd>
            </div>
          </dl>

          <div class="table-wrap section" role="region" aria-labelledby="order-lines-caption" tabIndex={0}>
            <table data-testid="order-lines">
              <caption id="order-lines-caption">{t.orderDetail.linesCaption}</caption>
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
                    <td>
                      <code class="sku">{line.sku}</code>
                    </td>
                    <td class="num">{line.quantity}</td>
                    <td class="num">{formatMoney(line.subtotal)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3}>
                    {t.orderDetail.total}
                  </th>
                  <td class="num">
                    <strong>{formatMoney(data.total)}</strong>
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>

          <section class="card section" aria-labelledby="order-contact-heading">
            <h2 id="order-contact-heading">{t.orderDetail.contactHeading}</h2>
            <dl class="facts" data-testid="order-contact">
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
