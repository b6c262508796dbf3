// Staff (admin, billing): the catalogue as it sells: products, editions, SKUs with seats, support term, current prices
// per currency and status; a new price for a SKU (a new version: orders placed before keep theirs) with its history;
// retire and reactivate; upgrade paths between editions; and new products. Every form checks with the route's schema.

import { useRef, useState } from 'preact/hooks';
import { SUPPORTED_CURRENCIES } from '#shared/money.ts';
import { api, ApiError, request, type ReplyOf } from '../api.ts';
import { ErrorAlert, Frame, TableRegion, useCellLabels, useResource, useTitle } from '../components.tsx';
import { Field, fieldOf, type FormState } from '../fields.tsx';
import { apiIssues, checkBody, fieldErrorsOf, limitsOf } from '../form-checks.ts';
import { UPGRADE_KINDS, type UpgradeKind } from '#shared/upgrades/fields.ts';
import { useI18n } from '../i18n.ts';
import './admin-orders.css';
import './catalogue.css';

type CatalogueView = ReplyOf<typeof api.catalogue.getCatalogue>;
type SkuView = CatalogueView['skus'][number];
type Status = SkuView['status'];

const priceSchema = api.catalogue.setPrice.request.body;
const productSchema = api.catalogue.createProduct.request.body;
const productLimits = { productId: limitsOf(productSchema.shape.productId), name: limitsOf(productSchema.shape.name) };
const editionSchema = api.catalogue.createEdition.request.body;
const skuSchema = api.catalogue.createSku.request.body;

/** "1499", "1499.5" or "1 499,00" in major units → minor units; undefined when it is not an amount. */
export function minorUnitsOf(text: string): number | undefined {
  const plain = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^\d{1,10}(\.\d{1,2})?$/.test(plain)) return undefined;
  const [whole, fraction = ''] = plain.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export function CataloguePage() {
  const { t } = useI18n();
  const [loads, setLoads] = useState(0);
  const catalogue = useResource((signal) => request(api.catalogue.getCatalogue, { signal }), `catalogue-${loads}`);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const reload = (message?: string) => {
    setNotice(message ?? null);
    setFailure(null);
    setLoads((count) => count + 1);
  };
  useTitle(t.catalogue.title);
  const data = catalogue.data;

  return (
    <Frame pool="staff" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.catalogue.title}</h1>
        <p class="muted">{t.catalogue.intro}</p>
      </div>
      {notice && (
        <div class="alert alert-info" role="status" data-testid="catalogue-notice">
          <p>{notice}</p>
        </div>
      )}
      {failure !== null && <ErrorAlert error={failure} />}
      {catalogue.error !== undefined ? (
        <ErrorAlert error={catalogue.error} onRetry={catalogue.retry} />
      ) : !data ? (
        <p class="muted" role="status">
          {t.app.loading}
        </p>
      ) : (
        <>
          {[...data.products]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((product) => (
              <ProductSection key={product.productId} product={product} catalogue={data} onChanged={reload} onFailed={setFailure} />
            ))}
          <NewProductForm onCreated={(name) => reload(t.catalogue.productCreated(name))} />
        </>
      )}
    </Frame>
  );
}

interface ChangeProps {
  onChanged: (message?: string) => void;
  onFailed: (error: unknown) => void;
}

function StatusBadge(props: { status: Status }) {
  const { t } = useI18n();
  return <span class={props.status === 'active' ? 'badge badge-ok' : 'badge badge-off'}>{t.catalogue.status[props.status]}</span>;
}

/** Retire an active entry, or make a retired one active again. */
function StatusButton(props: { status: Status; label: string; onToggle: (next: Status) => Promise<void> }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const next: Status = props.status === 'active' ? 'retired' : 'active';
  return (
    <button
      type="button"
      class="button secondary small"
      disabled={busy}
      aria-label={next === 'retired' ? t.catalogue.retireLabel(props.label) : t.catalogue.reactivateLabel(props.label)}
      onClick={async () => {
        setBusy(true);
        try {
          await props.onToggle(next);
        } finally {
          setBusy(false);
        }
      }}
    >
      {next === 'retired' ? t.catalogue.retire : t.catalogue.reactivate}
    </button>
  );
}

function ProductSection(props: { product: CatalogueView['products'][number]; catalogue: CatalogueView } & ChangeProps) {
  const { t } = useI18n();
  const { product, catalogue } = props;
  const editions = catalogue.editions.filter((edition) => edition.productId === product.productId);
  const run = async (action: () => Promise<unknown>, message: string) => {
    try {
      await action();
      props.onChanged(message);
    } catch (caught) {
      props.onFailed(caught);
    }
  };
  const headingId = `product-${product.productId}`;
  return (
    <section class="section card catalogue-product" aria-labelledby={headingId} data-testid={`product-${product.productId}`}>
      <div class="catalogue-head">
        <h2 id={headingId}>{product.name}</h2>
        <StatusBadge status={product.status} />
        <StatusButton
          status={product.status}
          label={product.name}
          onToggle={(status) =>
            run(
              () => request(api.catalogue.editProduct, { path: { productId: product.productId }, body: { status } }),
              t.catalogue.statusChanged(product.name, t.catalogue.status[status]),
            )
          }
        />
      </div>
      {editions.map((edition) => {
        const skus = catalogue.skus
          .filter((sku) => sku.productId === product.productId && sku.editionId === edition.editionId)
          .sort((a, b) => a.users - b.users || a.supportYears - b.supportYears);
        const label = `${product.name} ${edition.name}`;
        return (
          <div class="catalogue-edition" key={edition.editionId}>
            <div class="catalogue-head">
              <h3>{edition.name}</h3>
              <StatusBadge status={edition.status} />
              <StatusButton
                status={edition.status}
                label={label}
                onToggle={(status) =>
                  run(
                    () =>
                      request(api.catalogue.editEdition, {
                        path: { productId: product.productId, editionId: edition.editionId },
                        body: { status },
                      }),
                    t.catalogue.statusChanged(label, t.catalogue.status[status]),
                  )
                }
              />
            </div>
            <SkuTable caption={label} skus={skus} onChanged={props.onChanged} onFailed={props.onFailed} />
          </div>
        );
      })}
      <details class="catalogue-more">
        <summary>{t.catalogue.addEditionOrSku}</summary>
        <NewEditionForm productId={product.productId} onCreated={(name) => props.onChanged(t.catalogue.editionCreated(name))} />
        {editions.length > 0 && (
          <NewSkuForm productId={product.productId} editions={editions} onCreated={(sku) => props.onChanged(t.catalogue.skuCreated(sku))} />
        )}
      </details>
      <Upgrades product={product} catalogue={catalogue} onChanged={props.onChanged} onFailed={props.onFailed} />
    </section>
  );
}

function SkuTable(props: { caption: string; skus: SkuView[] } & ChangeProps) {
  const { t, formatMoney } = useI18n();
  const table = useCellLabels();
  const [pricing, setPricing] = useState<string | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  const captionId = `skus-${props.caption.replace(/\W+/g, '-').toLowerCase()}`;
  const setStatus = async (sku: SkuView, status: Status) => {
    try {
      await request(api.catalogue.setSkuStatus, { path: { sku: sku.sku }, body: { status } });
      props.onChanged(t.catalogue.statusChanged(sku.sku, t.catalogue.status[status]));
    } catch (caught) {
      props.onFailed(caught);
    }
  };
  const editing = props.skus.find((sku) => sku.sku === pricing);
  return (
    <>
      <TableRegion labelledBy={captionId} section>
        <table ref={table} class="stack" data-testid="catalogue-skus">
          <caption id={captionId}>{t.catalogue.skusOf(props.caption)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.catalogue.sku}</th>
              <th scope="col" class="num">
                {t.catalogue.seats}
              </th>
              <th scope="col">{t.catalogue.support}</th>
              <th scope="col">{t.catalogue.prices}</th>
              <th scope="col">{t.catalogue.statusHeading}</th>
              <th scope="col">{t.catalogue.actions}</th>
            </tr>
          </thead>
          <tbody>
            {props.skus.map((sku) => (
              <tr key={sku.sku} data-testid={`sku-${sku.sku}`}>
                <td class="serial">{sku.sku}</td>
                <td class="num">{sku.users === 1 ? t.catalogue.singleSeat : sku.users}</td>
                <td>
                  {sku.period
                    ? t.catalogue.servicePlan(t.shop.perPeriod(sku.period))
                    : sku.supportYears > 0
                      ? t.catalogue.supportYears(sku.supportYears)
                      : t.catalogue.noSupport}
                  {sku.days ? <span class="muted small block">{t.catalogue.days(sku.days)}</span> : null}
                </td>
                <td data-testid="sku-prices">
                  {sku.prices.map((price) => (
                    <span class="block" key={price.currency}>
                      {formatMoney(price)}
                      {sku.period ? ` ${t.shop.perPeriod(sku.period)}` : ''} <span class="muted small">v{price.version}</span>
                    </span>
                  ))}
                </td>
                <td>
                  <StatusBadge status={sku.status} />
                </td>
                <td class="catalogue-actions">
                  <button
                    type="button"
                    class="button secondary small"
                    aria-expanded={pricing === sku.sku}
                    aria-label={t.catalogue.setPriceLabel(sku.sku)}
                    onClick={() => setPricing(pricing === sku.sku ? null : sku.sku)}
                  >
                    {t.catalogue.setPrice}
                  </button>
                  <button
                    type="button"
                    class="button secondary small"
                    aria-expanded={history === sku.sku}
                    aria-label={t.catalogue.historyLabel(sku.sku)}
                    onClick={() => setHistory(history === sku.sku ? null : sku.sku)}
                  >
                    {t.catalogue.history}
                  </button>
                  <StatusButton status={sku.status} label={sku.sku} onToggle={(status) => setStatus(sku, status)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {editing && (
        <PriceForm
          key={editing.sku}
          sku={editing}
          onCancel={() => setPricing(null)}
          onSaved={(message) => {
            setPricing(null);
            props.onChanged(message);
          }}
        />
      )}
      {history && <PriceHistory key={history} sku={history} />}
    </>
  );
}

type PriceField = 'amount' | 'currency' | 'reason';

function PriceForm(props: { sku: SkuView; onCancel: () => void; onSaved: (message: string) => void }) {
  const { t, formatMoney } = useI18n();
  const [values, setValues] = useState<Record<PriceField, string>>({
    amount: '',
    currency: props.sku.prices[0]?.currency ?? 'EUR',
    reason: '',
  });
  const [invalid, setInvalid] = useState<Partial<Record<PriceField, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const set = (name: PriceField) => (value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    setInvalid(({ [name]: _, ...rest }) => rest);
  };
  const state: FormState<PriceField> = {
    values,
    set,
    invalid,
    limits: { amount: { required: true, maxLength: 16 }, reason: limitsOf(priceSchema.shape.reason) },
  };
  const current = props.sku.prices.find((price) => price.currency === values.currency);
  const fieldOfPath = (path: string): PriceField | undefined =>
    path === 'body.amountMinor' ? 'amount' : path === 'body.currency' ? 'currency' : path === 'body.reason' ? 'reason' : undefined;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const amountMinor = minorUnitsOf(values.amount);
    const body = {
      amountMinor: amountMinor ?? Number.NaN,
      currency: values.currency as (typeof SUPPORTED_CURRENCIES)[number],
      ...(values.reason.trim() ? { reason: values.reason } : {}),
    };
    const errors = fieldErrorsOf(checkBody(priceSchema, body), fieldOfPath, t.form, (field) =>
      field === 'amount' ? t.catalogue.amountInvalid : undefined,
    );
    setInvalid(errors);
    if (Object.keys(errors).length) {
      form.current?.querySelector<HTMLElement>(`#${Object.keys(errors)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await request(api.catalogue.setPrice, { path: { sku: props.sku.sku }, body });
      props.onSaved(t.catalogue.priceSaved(props.sku.sku, formatMoney(body), saved.version));
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError) setInvalid(fieldErrorsOf(apiIssues(caught, priceSchema, body), fieldOfPath, t.form));
    } finally {
      setBusy(false);
    }
  };
  const errorText = (caught: unknown) =>
    caught instanceof ApiError && caught.code === 'PRICE_UNCHANGED'
      ? t.catalogue.priceUnchanged
      : caught instanceof ApiError && caught.code === 'PRICE_CHANGED'
        ? t.catalogue.priceChanged
        : undefined;
  const legendId = `price-form-${props.sku.sku}`;
  return (
    <form ref={form} class="card section catalogue-form" onSubmit={submit} noValidate aria-busy={busy} aria-labelledby={legendId}>
      <h4 id={legendId}>{t.catalogue.setPriceFor(props.sku.sku)}</h4>
      {error !== null &&
        (errorText(error) ? (
          <div class="alert alert-error" role="alert">
            <p>{errorText(error)}</p>
          </div>
        ) : (
          <ErrorAlert error={error} />
        ))}
      <div class="two-columns">
        <div class="field">
          <label for="currency">{t.catalogue.currency}</label>
          <select id="currency" value={values.currency} onChange={(event) => set('currency')(event.currentTarget.value)}>
            {SUPPORTED_CURRENCIES.map((currency) => (
              <option key={currency} value={currency}>
                {currency}
              </option>
            ))}
          </select>
        </div>
        <Field
          {...fieldOf(state, 'amount')}
          label={t.catalogue.amount}
          hint={current ? t.catalogue.currentPrice(formatMoney(current), current.version) : t.catalogue.noPriceYet}
          inputMode="numeric"
          autocomplete="off"
        />
      </div>
      <Field {...fieldOf(state, 'reason')} label={t.catalogue.reason} hint={t.catalogue.reasonHint} autocomplete="off" />
      <div class="order-actions">
        <button type="submit" class="button primary" disabled={busy}>
          {t.catalogue.savePrice}
        </button>
        <button type="button" class="button secondary" onClick={props.onCancel}>
          {t.catalogue.cancel}
        </button>
      </div>
    </form>
  );
}

function PriceHistory(props: { sku: string }) {
  const { t, formatMoney, formatDateTime } = useI18n();
  const table = useCellLabels();
  const history = useResource(
    (signal) => request(api.catalogue.listPriceHistory, { path: { sku: props.sku }, query: { limit: 100 }, signal }),
    props.sku,
  );
  const captionId = `history-${props.sku}`;
  if (history.error !== undefined) return <ErrorAlert error={history.error} onRetry={history.retry} />;
  if (!history.data) {
    return (
      <p class="muted" role="status">
        {t.app.loading}
      </p>
    );
  }
  return (
    <TableRegion labelledBy={captionId} section>
      <table ref={table} class="stack" data-testid="price-history">
        <caption id={captionId}>{t.catalogue.historyOf(props.sku)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.catalogue.version}</th>
            <th scope="col">{t.catalogue.price}</th>
            <th scope="col">{t.catalogue.validFrom}</th>
            <th scope="col">{t.catalogue.setBy}</th>
          </tr>
        </thead>
        <tbody>
          {history.data.items.map((version) => (
            <tr key={`${version.currency}-${version.version}`}>
              <td>v{version.version}</td>
              <td>{formatMoney({ amountMinor: version.amountMinor, currency: version.currency })}</td>
              <td>
                <time dateTime={version.validFrom}>{formatDateTime(version.validFrom)}</time>
              </td>
              <td>{version.setBy ?? t.catalogue.seed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function Upgrades(props: { product: CatalogueView['products'][number]; catalogue: CatalogueView } & ChangeProps) {
  const { t, formatMoney } = useI18n();
  const { product } = props;
  const editions = props.catalogue.editions.filter((edition) => edition.productId === product.productId);
  const nameOf = (editionId: string) => editions.find((edition) => edition.editionId === editionId)?.name ?? editionId;
  const upgrades = props.catalogue.upgrades.filter((upgrade) => upgrade.productId === product.productId);
  const [from, setFrom] = useState(editions[0]?.editionId ?? '');
  const [to, setTo] = useState(editions[1]?.editionId ?? '');
  const [kind, setKind] = useState<UpgradeKind>('edition');
  const [toUsers, setToUsers] = useState('5');
  const [seatRule, setSeatRule] = useState(true);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>, message: string) => {
    setBusy(true);
    try {
      await action();
      props.onChanged(message);
    } catch (caught) {
      props.onFailed(caught);
    } finally {
      setBusy(false);
    }
  };
  const id = (name: string) => `${product.productId}-${name}`;
  return (
    <div class="catalogue-upgrades">
      <h3>{t.catalogue.upgrades}</h3>
      {upgrades.length === 0 ? (
        <p class="muted">{t.catalogue.noUpgrades}</p>
      ) : (
        <ul class="plain-list" data-testid={`upgrades-${product.productId}`}>
          {upgrades.map((upgrade) => {
            const label = t.catalogue.upgradePath(nameOf(upgrade.fromEditionId), nameOf(upgrade.toEditionId));
            return (
              <li key={`${upgrade.fromEditionId}-${upgrade.toEditionId}`}>
                {label}
                {upgrade.kind === 'seats' && upgrade.toUsers ? ` (${t.catalogue.upgradeSeatsTo(upgrade.toUsers)})` : ''}
                {upgrade.requiresHighestSingleSeat ? ` · ${t.catalogue.upgradeSeatRuleShort}` : ''} ·{' '}
                <span class="muted">
                  {upgrade.prices ? upgrade.prices.map((price) => formatMoney(price)).join(', ') : t.catalogue.priceDifference}
                </span>{' '}
                <button
                  type="button"
                  class="link-button"
                  disabled={busy}
                  aria-label={t.catalogue.removeUpgrade(label)}
                  onClick={() =>
                    run(
                      () =>
                        request(api.catalogue.removeUpgrade, {
                          path: { productId: product.productId, fromEditionId: upgrade.fromEditionId, toEditionId: upgrade.toEditionId },
                        }),
                      t.catalogue.upgradeRemoved(label),
                    )
                  }
                >
                  {t.catalogue.remove}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {editions.length > 1 && (
        <form
          class="catalogue-inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const label = t.catalogue.upgradePath(nameOf(from), nameOf(to));
            void run(
              () =>
                request(api.catalogue.addUpgrade, {
                  path: { productId: product.productId },
                  body: {
                    fromEditionId: from,
                    toEditionId: to,
                    kind,
                    ...(kind === 'seats' ? { toUsers: Number(toUsers), requiresHighestSingleSeat: seatRule } : {}),
                  },
                }),
              t.catalogue.upgradeAdded(label),
            );
          }}
        >
          <div class="field">
            <label for={id('upgrade-from')}>{t.catalogue.upgradeFrom}</label>
            <select id={id('upgrade-from')} value={from} onChange={(event) => setFrom(event.currentTarget.value)}>
              {editions.map((edition) => (
                <option key={edition.editionId} value={edition.editionId}>
                  {edition.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={id('upgrade-to')}>{t.catalogue.upgradeTo}</label>
            <select id={id('upgrade-to')} value={to} onChange={(event) => setTo(event.currentTarget.value)}>
              {editions.map((edition) => (
                <option key={edition.editionId} value={edition.editionId}>
                  {edition.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={id('upgrade-kind')}>{t.catalogue.upgradeKind}</label>
            <select id={id('upgrade-kind')} value={kind} onChange={(event) => setKind(event.currentTarget.value as UpgradeKind)}>
              {UPGRADE_KINDS.map((each) => (
                <option key={each} value={each}>
                  {t.catalogue.upgradeKinds[each]}
                </option>
              ))}
            </select>
          </div>
          {kind === 'seats' && (
            <>
              <div class="field">
                <label for={id('upgrade-to-users')}>{t.catalogue.upgradeToUsers}</label>
                <input
                  id={id('upgrade-to-users')}
                  type="number"
                  min={2}
                  max={10000}
                  inputMode="numeric"
                  value={toUsers}
                  onInput={(event) => setToUsers(event.currentTarget.value)}
                />
              </div>
              <div class="field checkbox">
                <input
                  id={id('upgrade-seat-rule')}
                  type="checkbox"
                  checked={seatRule}
                  onChange={(event) => setSeatRule(event.currentTarget.checked)}
                />
                <label for={id('upgrade-seat-rule')}>{t.catalogue.upgradeSeatRule}</label>
              </div>
            </>
          )}
          <button type="submit" class="button secondary" disabled={busy}>
            {t.catalogue.addUpgrade}
          </button>
        </form>
      )}
    </div>
  );
}

type ProductField = 'productId' | 'name';

function NewProductForm(props: { onCreated: (name: string) => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<ProductField, string>>({ productId: '', name: '' });
  const [invalid, setInvalid] = useState<Partial<Record<ProductField, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: ProductField) => (value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    setInvalid(({ [name]: _, ...rest }) => rest);
  };
  const state: FormState<ProductField> = { values, set, invalid, limits: productLimits };
  const fieldOfPath = (path: string): ProductField | undefined =>
    path === 'body.productId' ? 'productId' : path === 'body.name' ? 'name' : undefined;
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const body = { productId: values.productId.trim(), name: values.name };
    const errors = fieldErrorsOf(checkBody(productSchema, body), fieldOfPath, t.form, (field, issue) =>
      field === 'productId' && issue?.code === 'invalid_format' ? t.catalogue.productIdInvalid : undefined,
    );
    setInvalid(errors);
    if (Object.keys(errors).length) return;
    setBusy(true);
    setError(null);
    try {
      const created = await request(api.catalogue.createProduct, { body });
      setValues({ productId: '', name: '' });
      props.onCreated(created.name);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'PRODUCT_EXISTS') setInvalid({ productId: t.catalogue.productExists });
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card section catalogue-form" onSubmit={submit} noValidate aria-busy={busy} aria-labelledby="new-product">
      <h2 id="new-product">{t.catalogue.newProduct}</h2>
      {error !== null && <ErrorAlert error={error} />}
      <div class="two-columns">
        <Field {...fieldOf(state, 'productId')} label={t.catalogue.productId} hint={t.catalogue.productIdHint} autocomplete="off" />
        <Field {...fieldOf(state, 'name')} label={t.catalogue.productName} autocomplete="off" />
      </div>
      <button type="submit" class="button primary" disabled={busy}>
        {t.catalogue.addProduct}
      </button>
    </form>
  );
}

type EditionField = 'editionId' | 'name';

function NewEditionForm(props: { productId: string; onCreated: (name: string) => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<EditionField, string>>({ editionId: '', name: '' });
  const [invalid, setInvalid] = useState<Partial<Record<EditionField, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: EditionField) => (value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    setInvalid(({ [name]: _, ...rest }) => rest);
  };
  const state: FormState<EditionField> = {
    values,
    set,
    invalid,
    limits: { editionId: limitsOf(editionSchema.shape.editionId), name: limitsOf(editionSchema.shape.name) },
  };
  const fieldOfPath = (path: string): EditionField | undefined =>
    path === 'body.editionId' ? 'editionId' : path === 'body.name' ? 'name' : undefined;
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const body = { editionId: values.editionId.trim(), name: values.name };
    const errors = fieldErrorsOf(checkBody(editionSchema, body), fieldOfPath, t.form, (field, issue) =>
      field === 'editionId' && issue?.code === 'invalid_format' ? t.catalogue.productIdInvalid : undefined,
    );
    setInvalid(errors);
    if (Object.keys(errors).length) return;
    setBusy(true);
    setError(null);
    try {
      const created = await request(api.catalogue.createEdition, { path: { productId: props.productId }, body });
      setValues({ editionId: '', name: '' });
      props.onCreated(created.name);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'EDITION_EXISTS') setInvalid({ editionId: t.catalogue.editionExists });
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const id = (name: string) => `${props.productId}-new-${name}`;
  return (
    <form class="catalogue-form" onSubmit={submit} noValidate aria-busy={busy} aria-labelledby={id('edition')}>
      <h3 id={id('edition')}>{t.catalogue.newEdition}</h3>
      {error !== null && <ErrorAlert error={error} />}
      <div class="two-columns">
        <Field {...fieldOf(state, 'editionId')} id={id('editionId')} label={t.catalogue.editionId} autocomplete="off" />
        <Field {...fieldOf(state, 'name')} id={id('editionName')} label={t.catalogue.productName} autocomplete="off" />
      </div>
      <button type="submit" class="button secondary" disabled={busy}>
        {t.catalogue.addEdition}
      </button>
    </form>
  );
}

type SkuField = 'sku' | 'users' | 'supportYears' | 'amount';

function NewSkuForm(props: { productId: string; editions: CatalogueView['editions']; onCreated: (sku: string) => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<SkuField, string>>({ sku: '', users: '1', supportYears: '1', amount: '' });
  const [editionId, setEditionId] = useState(props.editions[0]?.editionId ?? '');
  const [currency, setCurrency] = useState<(typeof SUPPORTED_CURRENCIES)[number]>('EUR');
  /** A licence, or a service plan sold by the month or the year (it has no support term of its own). */
  const [soldAs, setSoldAs] = useState<'licence' | 'month' | 'year'>('licence');
  const [invalid, setInvalid] = useState<Partial<Record<SkuField, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: SkuField) => (value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    setInvalid(({ [name]: _, ...rest }) => rest);
  };
  const state: FormState<SkuField> = { values, set, invalid, limits: { sku: { required: true, maxLength: 40 } } };
  const fieldOfPath = (path: string): SkuField | undefined =>
    path === 'body.sku'
      ? 'sku'
      : path === 'body.users'
        ? 'users'
        : path === 'body.supportYears'
          ? 'supportYears'
          : path.startsWith('body.prices')
            ? 'amount'
            : undefined;
  const whole = (text: string) => (/^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const body = {
      sku: values.sku,
      productId: props.productId,
      editionId,
      users: whole(values.users),
      supportYears: soldAs === 'licence' ? whole(values.supportYears) : 0,
      ...(soldAs === 'licence' ? {} : { period: { unit: soldAs, count: 1 } }),
      prices: [{ amountMinor: minorUnitsOf(values.amount) ?? Number.NaN, currency }],
    };
    const errors = fieldErrorsOf(checkBody(skuSchema, body), fieldOfPath, t.form, (field) =>
      field === 'amount'
        ? t.catalogue.amountInvalid
        : field === 'users'
          ? t.catalogue.seatsInvalid
          : field === 'supportYears'
            ? t.catalogue.supportYearsInvalid
            : field === 'sku'
              ? t.catalogue.skuInvalid
              : undefined,
    );
    setInvalid(errors);
    if (Object.keys(errors).length) return;
    setBusy(true);
    setError(null);
    try {
      const created = await request(api.catalogue.createSku, { body });
      setValues({ sku: '', users: '1', supportYears: '1', amount: '' });
      props.onCreated(created.sku);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'SKU_EXISTS') setInvalid({ sku: t.catalogue.skuExists });
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const id = (name: string) => `${props.productId}-new-sku-${name}`;
  return (
    <form class="catalogue-form" onSubmit={submit} noValidate aria-busy={busy} aria-labelledby={id('heading')}>
      <h3 id={id('heading')}>{t.catalogue.newSku}</h3>
      {error !== null && <ErrorAlert error={error} />}
      <div class="two-columns">
        <Field {...fieldOf(state, 'sku')} id={id('sku')} label={t.catalogue.sku} autocomplete="off" />
        <div class="field">
          <label for={id('edition')}>{t.catalogue.edition}</label>
          <select id={id('edition')} value={editionId} onChange={(event) => setEditionId(event.currentTarget.value)}>
            {props.editions.map((edition) => (
              <option key={edition.editionId} value={edition.editionId}>
                {edition.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={id('soldAs')}>{t.catalogue.soldAs}</label>
          <select id={id('soldAs')} value={soldAs} onChange={(event) => setSoldAs(event.currentTarget.value as typeof soldAs)}>
            <option value="licence">{t.catalogue.soldAsLicence}</option>
            <option value="month">{t.catalogue.soldAsMonthly}</option>
            <option value="year">{t.catalogue.soldAsYearly}</option>
          </select>
        </div>
        <Field {...fieldOf(state, 'users')} id={id('users')} label={t.catalogue.seats} inputMode="numeric" autocomplete="off" />
        {soldAs === 'licence' && (
          <Field
            {...fieldOf(state, 'supportYears')}
            id={id('supportYears')}
            label={t.catalogue.supportYearsLabel}
            inputMode="numeric"
            autocomplete="off"
          />
        )}
        <div class="field">
          <label for={id('currency')}>{t.catalogue.currency}</label>
          <select
            id={id('currency')}
            value={currency}
            onChange={(event) => setCurrency(event.currentTarget.value as (typeof SUPPORTED_CURRENCIES)[number])}
          >
            {SUPPORTED_CURRENCIES.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </div>
        <Field {...fieldOf(state, 'amount')} id={id('amount')} label={t.catalogue.price} inputMode="numeric" autocomplete="off" />
      </div>
      <button type="submit" class="button secondary" disabled={busy}>
        {t.catalogue.addSku}
      </button>
    </form>
  );
}
