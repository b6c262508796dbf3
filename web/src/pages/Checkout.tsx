// Checkout: the cart as it will be ordered (today's prices, net, VAT and gross, the tax rule in words), the billing data
// copied from the account, the payment method (bank transfer, or the balance with what is available), and "Place
// order". The page's idempotency key is made once per load, so a double click or a retry places one order.

import { useRef, useState } from 'preact/hooks';
import { ApiError, api, type ReplyOf, request } from '../api.ts';
import { ErrorAlert, Frame, Link, TableRegion, useCellLabels, useResource, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { navigate } from '../router.ts';
import { TaxRuleText } from '../checkout-parts.tsx';
import { cartLinesChanged } from '../cart-count.tsx';
import { LineTerms } from '../order-parts.tsx';

type Review = ReplyOf<typeof api.checkout.getCheckout>;
type Method = Review['paymentMethods'][number];

export function CheckoutPage() {
  const { t } = useI18n();
  const review = useResource((signal) => request(api.checkout.getCheckout, { signal }), 'checkout');
  const data = review.data;
  useTitle(t.checkout.title);

  return (
    <Frame pool="customer" signedIn>
      <p class="back-link">
        <Link href="/cart">{t.checkout.backToCart}</Link>
      </p>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.checkout.heading}</h1>
      </div>
      {review.error !== undefined ? (
        <ErrorAlert error={review.error} onRetry={review.retry} />
      ) : !data ? (
        <p class="muted" role="status">
          {t.app.loading}
        </p>
      ) : data.lines.length === 0 ? (
        <div class="empty" data-testid="checkout-empty">
          <p class="empty-title">{t.checkout.empty}</p>
          <p>
            <Link href="/shop">{t.checkout.toShop}</Link>
          </p>
        </div>
      ) : (
        <CheckoutForm review={data} onReload={review.retry} />
      )}
    </Frame>
  );
}

function CheckoutForm(props: { review: Review; onReload: () => void }) {
  const { t, formatMoney } = useI18n();
  const { review } = props;
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency: review.currency });
  // One key per page load: kept across a double click and a retry after a network error.
  const idempotencyKey = useRef(crypto.randomUUID());
  const [method, setMethod] = useState<Method>('bank-transfer');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [pricesChanged, setPricesChanged] = useState(false);
  const table = useCellLabels();

  async function place(event: Event) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const placed = await request(api.checkout.placeOrder, {
        body: { idempotencyKey: idempotencyKey.current, paymentMethod: method, acceptedTotalMinor: review.totals.grossMinor },
      });
      cartLinesChanged(0);
      if (method === 'balance') await payWithBalance(placed.order.orderId);
      navigate(`/orders/${placed.order.orderId}`);
    } catch (failure) {
      setBusy(false);
      if (failure instanceof ApiError && failure.code === 'PRICES_CHANGED') {
        // Show today's lines and ask again: the next click accepts the new total.
        setPricesChanged(true);
        props.onReload();
        return;
      }
      setError(failure);
    }
  }

  /**
   * Pays what the balance covers of the placed order (all, or part when the balance is smaller), with the page's key so a
   * retry pays once. If it fails (the balance moved meanwhile), the order stands: its page offers the balance and the
   * bank transfer for what is left.
   */
  async function payWithBalance(orderId: string) {
    const amountMinor = Math.min(review.balance.amountMinor, review.totals.grossMinor);
    if (amountMinor <= 0) return;
    await request(api.payments.payFromBalance, {
      path: { orderId },
      body: { amountMinor, idempotencyKey: idempotencyKey.current },
    }).catch(() => undefined);
  }

  const balanceCovers = review.balance.amountMinor >= review.totals.grossMinor;
  return (
    <form onSubmit={place} noValidate aria-busy={busy} data-testid="checkout-form">
      {pricesChanged && (
        <div class="alert alert-info" role="alert" data-testid="prices-changed">
          <p>{t.checkout.pricesChanged}</p>
        </div>
      )}
      {review.unavailable.length > 0 && (
        <div class="alert alert-error" role="alert" data-testid="cart-unavailable">
          <p>{t.errors.CART_UNAVAILABLE}</p>
          <p>
            <Link href="/cart">{t.checkout.backToCart}</Link>
          </p>
        </div>
      )}
      {!review.mayPay && (
        <div class="alert alert-error" role="alert">
          <p>{t.errors.COMPANY_NOT_VERIFIED}</p>
          <p>
            <Link href="/account/profile">{t.checkout.editBilling}</Link>
          </p>
        </div>
      )}
      <TableRegion labelledBy="checkout-lines-caption" section>
        <table ref={table} class="stack" data-testid="checkout-lines">
          <caption id="checkout-lines-caption">{t.checkout.linesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.orderDetail.product}</th>
              <th scope="col" class="num">
                {t.orderDetail.quantity}
              </th>
              <th scope="col" class="num">
                {t.checkout.unitNet}
              </th>
              <th scope="col" class="num">
                {t.checkout.net}
              </th>
              <th scope="col" class="num">
                {t.checkout.vat}
              </th>
              <th scope="col" class="num">
                {t.checkout.gross}
              </th>
            </tr>
          </thead>
          <tbody>
            {review.lines.map((line) => (
              <tr key={line.key}>
                <td>
                  {line.product}
                  <span class="muted small block">
                    <LineTerms line={line} /> · <code class="sku">{line.sku}</code>
                  </span>
                </td>
                <td class="num">{line.quantity}</td>
                <td class="num">
                  {money(line.unitNetMinor)}
                  {line.previousUnitNetMinor !== undefined && (
                    <span class="muted small block">{t.checkout.wasPrice(money(line.previousUnitNetMinor))}</span>
                  )}
                </td>
                <td class="num">{money(line.netMinor)}</td>
                <td class="num">{money(line.vatMinor)}</td>
                <td class="num">{money(line.grossMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>

      <dl class="facts card" data-testid="checkout-totals">
        <div>
          <dt>{t.checkout.net}</dt>
          <dd>{money(review.totals.netMinor)}</dd>
        </div>
        <div>
          <dt>{t.checkout.vat}</dt>
          <dd>
            {money(review.totals.vatMinor)}
            <span class="muted small block" data-testid="tax-rule">
              <TaxRuleText tax={review.tax} />
            </span>
          </dd>
        </div>
        <div>
          <dt>{t.checkout.gross}</dt>
          <dd>
            <strong>{money(review.totals.grossMinor)}</strong>
          </dd>
        </div>
      </dl>

      <section class="card checkout-section" aria-labelledby="billing-heading">
        <h2 id="billing-heading">{t.checkout.billingHeading}</h2>
        <p data-testid="checkout-billing">
          {review.buyer.name}
          <br />
          {review.buyer.address.line1}
          {review.buyer.address.line2 && (
            <>
              <br />
              {review.buyer.address.line2}
            </>
          )}
          <br />
          {review.buyer.address.postalCode} {review.buyer.address.city}, {review.buyer.country}
          {review.buyer.vatId && (
            <>
              <br />
              {t.checkout.vatId}: {review.buyer.vatId}
            </>
          )}
        </p>
        <p class="muted small">
          {t.checkout.billingHelp} <Link href="/account/profile">{t.checkout.editBilling}</Link>
        </p>
      </section>

      <fieldset class="card checkout-section">
        <legend>{t.checkout.methodLegend}</legend>
        {review.paymentMethods.map((option) => (
          <label key={option} class="payment-choice">
            <input type="radio" name="payment-method" value={option} checked={method === option} onChange={() => setMethod(option)} />
            <span>
              <strong>{t.checkout.methods[option]}</strong>
              <span class="muted small block">
                {option === 'balance'
                  ? t.checkout.balanceHelp(formatMoney(review.balance), balanceCovers)
                  : t.checkout.transferHelp(review.orderExpiryDays)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>

      {error !== undefined && <ErrorAlert error={error} />}
      <p>
        <button type="submit" class="button" disabled={busy || !review.mayPay || review.unavailable.length > 0} data-testid="place-order">
          {busy ? t.checkout.placing : t.checkout.place(money(review.totals.grossMinor))}
        </button>
      </p>
    </form>
  );
}
