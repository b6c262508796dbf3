// New programs: the products the account may buy, priced in its currency, with a search; and a product's page with a
// table per edition (seats, support & updates, licence term, price) where owners and billing people add to the cart.

import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, type ReplyOf, request } from '../api.ts';
import { cartLinesChanged } from '../cart-count.tsx';
import { ErrorAlert, Frame, isNotFound, Link, NotOnAccount, TableRegion, useCellLabels, useResource, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { mayPayWith, useMyRole } from '../my-role.ts';

type ShopProduct = ReplyOf<typeof api.shop.getProduct>['product'];
type ShopEdition = ShopProduct['editions'][number];
type ShopSku = ShopEdition['skus'][number];

export function ShopPage() {
  const { t, formatMoney } = useI18n();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const products = useResource((signal) => request(api.shop.listProducts, { query: query ? { q: query } : {}, signal }), query);
  useTitle(t.shop.title);
  const data = products.data;

  return (
    <Frame pool="customer" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.shop.title}</h1>
        <p class="muted">{data ? t.shop.intro(data.currency) : '\u00a0'}</p>
      </div>
      <search>
        <form
          class="card shop-search"
          data-testid="shop-search"
          onSubmit={(event) => {
            event.preventDefault();
            setQuery(typed.trim());
          }}
        >
          <div class="field">
            <label for="shop-q">{t.shop.searchLabel}</label>
            <p id="shop-q-hint" class="muted small field-hint">
              {t.shop.searchHint}
            </p>
            <input
              id="shop-q"
              type="search"
              maxlength={100}
              aria-describedby="shop-q-hint"
              value={typed}
              onInput={(event) => setTyped(event.currentTarget.value)}
            />
          </div>
          <button type="submit" class="button primary">
            {t.shop.search}
          </button>
        </form>
      </search>

      <section class="section" aria-labelledby="shop-results-heading">
        <h2 id="shop-results-heading">{data ? t.shop.found(data.products.length) : t.shop.title}</h2>
        {products.error !== undefined ? (
          <ErrorAlert error={products.error} onRetry={products.retry} />
        ) : !data ? (
          <p class="muted" role="status">
            {t.app.loading}
          </p>
        ) : data.products.length === 0 ? (
          <div class="empty" data-testid="shop-empty">
            <p class="empty-title">{query ? t.shop.noMatch : t.shop.noneOnOffer}</p>
            <p class="muted">{query ? t.shop.noMatchHelp : t.shop.noneOnOfferHelp}</p>
          </div>
        ) : (
          <ul class="shop-cards" data-testid="shop-products">
            {data.products.map((product) => (
              <li key={product.productId} class="card">
                <h3 class="h3">
                  <Link href={`/shop/${product.productId}`}>{product.name}</Link>
                </h3>
                {product.fromPrice && <p class="shop-from">{fromPriceText(product, t, formatMoney)}</p>}
                <p class="muted small">{t.shop.editionsOf(product.editions.map((edition) => edition.name).join(', '))}</p>
                <p>
                  <Link href={`/shop/${product.productId}`}>
                    {t.shop.details}
                    <span class="visually-hidden"> {product.name}</span>
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Frame>
  );
}

type I18n = ReturnType<typeof useI18n>;

/** A service plan's period when every SKU of the product is sold by that one period (its prices are per period). */
function servicePeriodOf(skus: ShopSku[]): ShopSku['period'] {
  const first = skus[0]?.period;
  return first && skus.every((sku) => sku.period?.unit === first.unit && sku.period.count === first.count) ? first : undefined;
}

/** "from 79.00 zł", and "per month" after it for a product sold as service plans. */
function fromPriceText(product: ShopProduct, t: I18n['t'], formatMoney: I18n['formatMoney']): string {
  const from = t.shop.from(formatMoney(product.fromPrice!));
  const period = servicePeriodOf(product.editions.flatMap((edition) => edition.skus));
  return period ? `${from} ${t.shop.perPeriod(period)}` : from;
}

/** What an edition includes, from its SKUs: the range of seats and of support & updates years (a plan: how it renews). */
function EditionIncludes(props: { edition: ShopEdition }) {
  const { t } = useI18n();
  const users = props.edition.skus.map((sku) => sku.users);
  const years = props.edition.skus.map((sku) => sku.supportYears);
  const seats = t.shop.seatsRange(Math.min(...users), Math.max(...users));
  const period = servicePeriodOf(props.edition.skus);
  return (
    <p class="muted">
      {period
        ? t.shop.planIncludes(seats, t.shop.perPeriod(period))
        : t.shop.includes(seats, t.shop.supportRange(Math.min(...years), Math.max(...years)))}
    </p>
  );
}

function EditionTable(props: {
  product: ShopProduct;
  edition: ShopEdition;
  canBuy: boolean;
  onAdd: (sku: ShopSku, quantity: number, label: string) => Promise<void>;
}) {
  const { t, formatMoney } = useI18n();
  const table = useCellLabels();
  const captionId = `edition-${props.edition.editionId}-caption`;
  return (
    <section class="section" aria-labelledby={`edition-${props.edition.editionId}`}>
      <h2 id={`edition-${props.edition.editionId}`}>{props.edition.name}</h2>
      <EditionIncludes edition={props.edition} />
      <TableRegion labelledBy={captionId}>
        <table ref={table} class="stack" data-testid={`edition-${props.edition.editionId}`}>
          <caption id={captionId}>{t.shop.editionCaption(props.edition.name)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.shop.seats}</th>
              <th scope="col">{t.shop.support}</th>
              <th scope="col">{t.shop.term}</th>
              <th scope="col" class="num">
                {t.shop.price}
              </th>
              {props.canBuy && (
                <th scope="col">
                  <span class="visually-hidden">{t.shop.add}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {props.edition.skus.map((sku) => (
              <SkuRow
                key={sku.sku}
                sku={sku}
                label={`${props.product.name} ${props.edition.name}, ${t.shop.users(sku.users)}`}
                canBuy={props.canBuy}
                onAdd={props.onAdd}
                price={formatMoney(sku.price)}
              />
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}

/**
 * A quantity and its button, one per table row: the product page's "Add to cart" and the cart's "Update". The label and
 * the button name the row's product for screen readers.
 */
export function QuantityForm(props: {
  id: string;
  what: string;
  initial: number;
  button: string;
  busyButton?: string;
  primary?: boolean;
  disabled?: boolean;
  onSubmit: (quantity: number) => Promise<void> | void;
}) {
  const { t } = useI18n();
  const [quantity, setQuantity] = useState(String(props.initial));
  const [busy, setBusy] = useState(false);
  useEffect(() => setQuantity(String(props.initial)), [props.initial]);
  return (
    <form
      class="quantity-form"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        try {
          await props.onSubmit(Number(quantity));
        } finally {
          setBusy(false);
        }
      }}
    >
      <label class="visually-hidden" for={props.id}>
        {t.shop.quantityOf(props.what)}
      </label>
      <input
        id={props.id}
        type="number"
        inputMode="numeric"
        min={1}
        required
        value={quantity}
        onInput={(event) => setQuantity(event.currentTarget.value)}
      />
      <button type="submit" class={props.primary ? 'button primary' : 'button secondary'} disabled={busy || props.disabled}>
        {busy && props.busyButton ? props.busyButton : props.button}
        <span class="visually-hidden"> {props.what}</span>
      </button>
    </form>
  );
}

function SkuRow(props: {
  sku: ShopSku;
  label: string;
  price: string;
  canBuy: boolean;
  onAdd: (sku: ShopSku, quantity: number, label: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const { sku } = props;
  return (
    <tr data-sku={sku.sku}>
      <td>
        {t.shop.users(sku.users)}
        <span class="muted small sku-code"> {sku.sku}</span>
      </td>
      <td>{sku.period ? t.shop.serviceSupport : t.shop.years(sku.supportYears)}</td>
      <td>{sku.period ? t.shop.renews(sku.period) : sku.days ? t.shop.days(sku.days) : t.shop.perpetual}</td>
      <td class="num">
        {props.price}
        {sku.period && <span class="muted small block">{t.shop.perPeriod(sku.period)}</span>}
      </td>
      {props.canBuy && (
        <td>
          <QuantityForm
            id={`quantity-${sku.sku}`}
            what={props.label}
            initial={1}
            button={t.shop.add}
            busyButton={t.shop.adding}
            primary
            onSubmit={(quantity) => props.onAdd(sku, quantity, props.label)}
          />
        </td>
      )}
    </tr>
  );
}

export function ShopProductPage(props: { productId: string }) {
  const { t } = useI18n();
  const role = useMyRole();
  const canBuy = mayPayWith(role);
  const product = useResource((signal) => request(api.shop.getProduct, { path: { productId: props.productId }, signal }), props.productId);
  const [added, setAdded] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<unknown>(undefined);
  const data = product.data;
  useTitle(data?.product.name ?? t.shop.title);
  const back = { href: '/shop', label: t.shop.back };

  /** Adding needs the cart's version: read it, add; another tab's change in between is simply read again once. */
  const onAdd = async (sku: ShopSku, quantity: number, label: string) => {
    setFailure(undefined);
    setAdded(undefined);
    for (let attempt = 1; ; attempt += 1) {
      try {
        const { version } = await request(api.shop.getCart, {});
        const cart = await request(api.shop.addCartLine, { body: { sku: sku.sku, quantity, version } });
        cartLinesChanged(cart.lines.length);
        setAdded(t.shop.added(label, quantity));
        return;
      } catch (error) {
        if (attempt < 2 && error instanceof ApiError && error.code === 'CART_CHANGED') continue;
        setFailure(error);
        return;
      }
    }
  };

  return (
    <Frame pool="customer" signedIn>
      <p class="back-link">
        <Link href="/shop">{t.shop.back}</Link>
      </p>
      <div class="page-head">
        <p class="eyebrow">{t.shop.title}</p>
        <h1 tabIndex={-1}>{data ? data.product.name : t.shop.title}</h1>
      </div>
      {product.error !== undefined ? (
        isNotFound(product.error) ? (
          <NotOnAccount title={t.shop.notFound} help={t.shop.notFoundHelp} back={back} />
        ) : (
          <ErrorAlert error={product.error} onRetry={product.retry} />
        )
      ) : !data ? (
        <p class="muted" role="status">
          {t.app.loading}
        </p>
      ) : (
        <>
          <div class="alert alert-info" data-testid="support-note">
            <p>
              <strong>{t.shop.supportNoteTitle}</strong>
            </p>
            <p>{t.shop.supportNote}</p>
          </div>
          {!canBuy && role !== undefined && <p class="muted">{t.shop.browseOnly}</p>}
          <div role="status" data-testid="cart-notice">
            {added && (
              <p class="alert alert-info">
                {added} <Link href="/cart">{t.shop.viewCart}</Link>
              </p>
            )}
          </div>
          {failure !== undefined && <ErrorAlert error={failure} />}
          {data.product.editions.length === 0 ? (
            <div class="empty">
              <p class="empty-title">{t.shop.noneOnOffer}</p>
              <p class="muted">{t.shop.noneOnOfferHelp}</p>
            </div>
          ) : (
            data.product.editions.map((edition) => (
              <EditionTable key={edition.editionId} product={data.product} edition={edition} canBuy={canBuy} onAdd={onAdd} />
            ))
          )}
        </>
      )}
    </Frame>
  );
}
