// The cart: its lines at current prices, quantity changes and removal, the net total before VAT, a notice when a price
// changed since a line was added (accepted with one button), lapsed products flagged, and the way on to checkout.
// Every change names the cart's version; another tab's change in between is refused (409) and the cart is read again.

import { useEffect, useState } from 'preact/hooks';
import { productLineText } from '#shared/subscriptions/line-text.ts';
import { ApiError, api, type ReplyOf, request } from '../api.ts';
import { cartLinesChanged } from '../cart-count.tsx';
import { ErrorAlert, Frame, Link, TableRegion, useCellLabels, useResource, useTitle } from '../components.tsx';
import { type Locale, useI18n } from '../i18n.ts';
import { useMyRole } from '../my-role.ts';
import { QuantityForm } from './Shop.tsx';
import { mayPayWith } from '../my-role.ts';

type CartView = ReplyOf<typeof api.shop.getCart>;
type CartLineView = CartView['lines'][number];

/** The product and what the line is: an action line's text in the page's language (line-text.ts). */
function lineName(line: CartLineView, locale: Locale): string {
  if (line.product && line.text) return productLineText({ product: line.product, text: line.text }, locale);
  return line.product ? `${line.product} ${line.edition ?? ''}`.trim() : line.sku;
}

export function CartPage() {
  const { t, locale, formatMoney } = useI18n();
  const role = useMyRole();
  const canChange = mayPayWith(role);
  const loaded = useResource((signal) => request(api.shop.getCart, { signal }), 'cart');
  const [written, setWritten] = useState<CartView | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const table = useCellLabels();
  useTitle(t.shop.cartTitle);
  // The newest cart the page knows: the last write's answer, else the read.
  const cart = written && (!loaded.data || written.version >= loaded.data.version) ? written : loaded.data;
  useEffect(() => {
    if (cart) cartLinesChanged(cart.lines.length);
  }, [cart]);

  const change = async (write: (version: number) => Promise<CartView>) => {
    if (!cart) return;
    setBusy(true);
    setFailure(undefined);
    setNotice(undefined);
    try {
      setWritten(await write(cart.version));
      setNotice(t.shop.updated);
    } catch (error) {
      setFailure(error);
      // Another tab changed the cart: show what it holds now.
      if (error instanceof ApiError && (error.code === 'CART_CHANGED' || error.status === 404)) {
        setWritten(await request(api.shop.getCart, {}).catch(() => undefined));
      }
    } finally {
      setBusy(false);
    }
  };
  const setQuantity = (line: CartLineView, quantity: number) =>
    change((version) => request(api.shop.setCartLine, { path: { sku: line.key }, body: { quantity, version } }));
  const remove = (line: CartLineView) =>
    change((version) => request(api.shop.removeCartLine, { path: { sku: line.key }, query: { version } }));
  const acceptPrices = () => change((version) => request(api.shop.acceptCartPrices, { body: { version } }));

  return (
    <Frame pool="customer" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.shop.cartTitle}</h1>
        {!canChange && role !== undefined && <p class="muted">{t.shop.readOnlyCart}</p>}
      </div>
      <div role="status">{notice && <p class="alert alert-info">{notice}</p>}</div>
      {failure !== undefined && <ErrorAlert error={failure} />}
      {loaded.error !== undefined && !cart ? (
        <ErrorAlert error={loaded.error} onRetry={loaded.retry} />
      ) : !cart ? (
        <p class="muted" role="status">
          {t.app.loading}
        </p>
      ) : cart.lines.length === 0 ? (
        <div class="empty" data-testid="cart-empty">
          <p class="empty-title">{t.shop.cartEmpty}</p>
          <p class="muted">{t.shop.cartEmptyHelp}</p>
          <p>
            <Link href="/shop">{t.shop.browse}</Link>
          </p>
        </div>
      ) : (
        <>
          {cart.pricesChanged && (
            <div class="alert alert-warning" data-testid="prices-changed">
              <p>
                <strong>{t.shop.pricesChanged}</strong>
              </p>
              <p>{t.shop.pricesChangedHelp}</p>
              {canChange && (
                <button type="button" class="button primary" disabled={busy} onClick={acceptPrices}>
                  {t.shop.acceptPrices}
                </button>
              )}
            </div>
          )}
          {cart.hasUnavailable && <p class="alert alert-warning">{t.shop.unavailableNote}</p>}
          <TableRegion labelledBy="cart-caption">
            <table ref={table} class="stack" data-testid="cart-table" aria-busy={busy}>
              <caption id="cart-caption">{t.shop.cartCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.shop.product}</th>
                  <th scope="col" class="num">
                    {t.shop.unitPrice}
                  </th>
                  <th scope="col">{t.shop.quantity}</th>
                  <th scope="col" class="num">
                    {t.shop.lineTotal}
                  </th>
                  {canChange && (
                    <th scope="col">
                      <span class="visually-hidden">{t.shop.remove}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {cart.lines.map((line) => (
                  <tr key={line.key} data-sku={line.key}>
                    <td>
                      <strong>{lineName(line, locale)}</strong>
                      <span class="muted small cart-line-terms">
                        {line.users !== undefined && `${t.shop.users(line.users)} · `}
                        {line.supportYears !== undefined && `${t.shop.support}: ${t.shop.years(line.supportYears)} · `}
                        {line.days !== undefined && `${t.shop.days(line.days)} · `}
                        {line.sku}
                      </span>
                      {line.client && <span class="badge">{t.shop.forClient(line.client.name)}</span>}
                      {line.unavailable && (
                        <span class="badge badge-off">
                          {line.unavailable === 'not-available' && line.unavailableMessage
                            ? line.unavailableMessage
                            : t.shop.unavailable[line.unavailable]}
                        </span>
                      )}
                    </td>
                    <td class="num">
                      {line.unitPrice ? formatMoney(line.unitPrice) : '—'}
                      {line.priceChanged && (
                        <span class="muted small cart-was">
                          <span class="badge badge-warn">{t.shop.was(formatMoney(line.priceChanged.was))}</span>
                        </span>
                      )}
                    </td>
                    <td>
                      {canChange && line.action?.kind !== 'upgrade' ? (
                        <QuantityForm
                          id={`cart-quantity-${line.key}`}
                          what={lineName(line, locale)}
                          initial={line.quantity}
                          button={t.shop.update}
                          disabled={busy}
                          onSubmit={(quantity) => setQuantity(line, quantity)}
                        />
                      ) : (
                        line.quantity
                      )}
                    </td>
                    <td class="num">{line.lineTotal ? formatMoney(line.lineTotal) : '—'}</td>
                    {canChange && (
                      <td>
                        <button type="button" class="link-button" disabled={busy} onClick={() => remove(line)}>
                          {t.shop.remove}
                          <span class="visually-hidden"> {lineName(line, locale)}</span>
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <dl class="facts card cart-total" data-testid="cart-total">
            <div>
              <dt>{t.shop.netTotal}</dt>
              <dd>
                <strong>{formatMoney(cart.netTotal)}</strong>
              </dd>
            </div>
          </dl>
          <p class="muted">{t.shop.vatNote}</p>
          <p class="muted small">{t.shop.limits(cart.maxLines, cart.maxQuantity)}</p>
          {canChange &&
            (cart.pricesChanged || cart.hasUnavailable ? (
              <p class="muted">{t.shop.checkoutBlocked}</p>
            ) : (
              <p>
                <Link href="/checkout" class="button primary">
                  {t.shop.checkout}
                </Link>
              </p>
            ))}
        </>
      )}
    </Frame>
  );
}
