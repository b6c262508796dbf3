// One order in full: when it was placed, its reference, products, total, and the contact given at purchase; a shop order
// also its status, the amount due, how to pay it while it waits (the bank transfer's details) and its proforma.

import { api, request } from '../api.ts';
import { ErrorAlert, Frame, isNotFound, Link, NotOnAccount, useResource, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { OrderStatusBadge, TaxRuleText, TransferInstructions } from '../checkout-parts.tsx';
import { OrderContact, OrderLinesTable, StartedServices } from '../order-parts.tsx';
import { mayPayWith, useMyRole } from '../my-role.ts';
import { PayFromBalance } from './PayFromBalance.tsx';

export function OrderDetailPage(props: { orderId: string }) {
  const { t, formatDateTime, formatMoney } = useI18n();
  const order = useResource((signal) => request(api.orders.getOrder, { path: { orderId: props.orderId }, signal }), props.orderId);
  const data = order.data;
  const mayPay = mayPayWith(useMyRole());

  useTitle(data ? t.orderDetail.heading(data.reference) : t.orderDetail.eyebrow);

  return (
    <Frame pool="customer" signedIn>
      <p class="back-link">
        <Link href="/orders">{t.orderDetail.back}</Link>
      </p>
      <div class="page-head">
        {/* Always there, so the heading does not move when the order arrives. */}
        <p class="eyebrow">{t.orderDetail.eyebrow}</p>
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
            {data.shop && (
              <>
                <div>
                  <dt>{t.checkout.statusLabel}</dt>
                  <dd>
                    <OrderStatusBadge status={data.shop.status} />
                  </dd>
                </div>
                <div>
                  <dt>{t.checkout.vat}</dt>
                  <dd>
                    {formatMoney({ amountMinor: data.shop.tax.vatMinor, currency: data.total.currency })}{' '}
                    <span class="muted small">
                      (<TaxRuleText tax={data.shop.tax} />)
                    </span>
                  </dd>
                </div>
                {data.shop.status === 'awaiting-payment' && (
                  <div>
                    <dt>{t.checkout.amountDue}</dt>
                    <dd data-testid="amount-due">
                      <strong>{formatMoney(data.shop.amountDue)}</strong>
                    </dd>
                  </div>
                )}
                {data.shop.proforma && (
                  <div>
                    <dt>{t.checkout.proforma}</dt>
                    <dd data-testid="proforma-number">{data.shop.proforma.number}</dd>
                  </div>
                )}
                {data.shop.invoice && (
                  <div>
                    <dt>{t.checkout.invoice}</dt>
                    <dd data-testid="invoice-number">{data.shop.invoice.number}</dd>
                  </div>
                )}
              </>
            )}
          </dl>

          {data.shop?.closedBecause && (
            <p class="alert alert-info" role="status" data-testid="closed-because">
              {t.checkout.closedBecause[data.shop.closedBecause]} {t.checkout.closedCredited}
            </p>
          )}
          {data.shop?.status === 'awaiting-payment' && mayPay && <PayFromBalance order={data} onPaid={order.retry} />}
          {data.shop?.instructions && <TransferInstructions instructions={data.shop.instructions} />}

          <OrderLinesTable order={data} id="order-lines" />

          <StartedServices services={data.services} id="order-services" manageHref="/services" />

          <OrderContact contact={data.contact} id="order-contact" />
        </>
      )}
    </Frame>
  );
}
