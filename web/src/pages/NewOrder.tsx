// Staff: a new order for a customer by e-mail (who is created if new): contact, products from the catalogue with a live
// total, then what was issued. The form's idempotency key makes a double submit or a retry one order.

import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_CURRENCY, type Money, SUPPORTED_CURRENCIES, type SupportedCurrency } from '#shared/money.ts';
import { api, ApiError, request, type CatalogueProduct, type CreatedStaffOrder } from '../api.ts';
import { ErrorAlert, Frame, Link, LocaleSelect, TableRegion, useCellLabels, useResource, useTitle } from '../components.tsx';
import { Field, fieldOf, type FieldErrors, type FormState } from '../fields.tsx';
import { apiIssues, checkBody, fieldErrorsOf, isMissing, limitsOf } from '../form-checks.ts';
import { useI18n, type Locale } from '../i18n.ts';
import { usePricePerPeriod } from './service-parts.tsx';
import './admin-orders.css';

// The form checks what the API will, with the API's own schema of the order (shared/api/orders.ts).
const schema = api.orders.createStaffOrder.request.body;
const lineSchema = schema.shape.lines._zod.def.element;
/** As many lines as the API takes in one order. */
const MAX_LINES = limitsOf(schema.shape.lines).maxLength ?? 1;
const limits = {
  email: limitsOf(schema.shape.email),
  name: limitsOf(schema.shape.contact.shape.name),
  country: limitsOf(schema.shape.contact.shape.country),
  city: limitsOf(schema.shape.contact.shape.city),
  quantity: limitsOf(lineSchema.shape.quantity),
};

interface Line {
  id: number;
  sku: string;
  quantity: string;
}

type FieldName = 'email' | 'name' | 'country' | 'city' | `line-${number}-product` | `line-${number}-quantity`;

let nextLineId = 1;
const newLine = (): Line => ({ id: nextLineId++, sku: '', quantity: '1' });

/** The line's quantity as a number, if it is one: whether it is allowed, the schema says. */
function quantityOf(line: Line): number | undefined {
  const quantity = line.quantity.trim() === '' ? Number.NaN : Number(line.quantity.trim());
  return Number.isFinite(quantity) ? quantity : undefined;
}

/** Which field a server-side validation detail is about, so the message can sit next to it. */
function fieldOfPath(path: string, lines: Line[]): FieldName | undefined {
  const simple: Record<string, FieldName> = {
    'body.email': 'email',
    'body.contact.name': 'name',
    'body.contact.country': 'country',
    'body.contact.city': 'city',
  };
  if (simple[path]) return simple[path];
  const match = /^body\.lines\.(\d+)\.(sku|quantity)$/.exec(path);
  const line = match ? lines[Number(match[1])] : undefined;
  if (!match || !line) return undefined;
  return match[2] === 'sku' ? `line-${line.id}-product` : `line-${line.id}-quantity`;
}

export function NewOrderPage() {
  const { t, locale, formatMoney, formatDate } = useI18n();
  const pricePerPeriod = usePricePerPeriod();
  const [currency, setCurrency] = useState<SupportedCurrency>(DEFAULT_CURRENCY);
  // The SKUs with a price in the order's currency, at their current prices there.
  const catalogue = useResource((signal) => request(api.orders.listCatalogue, { query: { currency }, signal }), `catalogue-${currency}`);
  const products = catalogue.data?.items ?? [];
  const [values, setValues] = useState({ email: '', name: '', country: '', city: '' });
  const [mailLocale, setMailLocale] = useState<Locale>(locale);
  const [lines, setLines] = useState<Line[]>(() => [newLine()]);
  const [invalid, setInvalid] = useState<FieldErrors<FieldName>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<CreatedStaffOrder | null>(null);
  // One key per order form: a second click, or a retry after a lost answer, gets the same order back.
  const idempotencyKey = useRef(crypto.randomUUID());
  const form = useRef<HTMLFormElement>(null);
  const createdHeading = useRef<HTMLHeadingElement>(null);

  useTitle(created ? t.adminOrders.createdTitle(created.order.reference) : t.adminOrders.newTitle);

  useEffect(() => {
    if (created) createdHeading.current?.focus();
  }, [created]);

  // Editing a field takes its error away; the next submit checks it again.
  const clearError = (name: FieldName) =>
    setInvalid((current) => {
      if (!(name in current)) return current;
      const { [name]: _, ...rest } = current;
      return rest as FieldErrors<FieldName>;
    });
  const set = (name: keyof typeof values) => (value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    clearError(name);
  };
  const fields: FormState<keyof typeof values> = { values, set, invalid, limits };
  const setLine = (id: number, change: Partial<Line>) => {
    setLines((current) => current.map((line) => (line.id === id ? { ...line, ...change } : line)));
    clearError(change.sku !== undefined ? `line-${id}-product` : `line-${id}-quantity`);
  };
  const productOf = (sku: string): CatalogueProduct | undefined => products.find((product) => product.sku === sku);

  const subtotalOf = (line: Line): Money | undefined => {
    const product = productOf(line.sku);
    const quantity = quantityOf(line);
    return product && quantity !== undefined && lineSchema.shape.quantity.safeParse(quantity).success
      ? { amountMinor: product.unitPrice.amountMinor * quantity, currency: product.unitPrice.currency }
      : undefined;
  };
  const subtotals = lines.map(subtotalOf).filter((money): money is Money => money !== undefined);
  const total: Money | undefined = subtotals.length
    ? { amountMinor: subtotals.reduce((sum, money) => sum + money.amountMinor, 0), currency: subtotals[0]!.currency }
    : undefined;

  const addLine = () => {
    const line = newLine();
    setLines((current) => [...current, line]);
    // Focus the new line's product once it is on screen.
    setTimeout(() => form.current?.querySelector<HTMLSelectElement>(`#line-${line.id}-product`)?.focus());
  };
  const removeLine = (id: number) => {
    setLines((current) => current.filter((line) => line.id !== id));
    setTimeout(() => form.current?.querySelector<HTMLButtonElement>('#add-line')?.focus());
  };

  /** This form's own wording where it says more than the generic message. */
  const messageOf = (field: FieldName, issue: Parameters<typeof isMissing>[0]): string | undefined => {
    if (field.endsWith('-product')) return t.adminOrders.productRequired;
    if (field.endsWith('-quantity')) return t.adminOrders.quantityInvalid;
    if (field === 'country') return t.adminOrders.countryInvalid;
    if (!isMissing(issue)) return undefined;
    return { email: t.adminOrders.emailRequired, name: t.adminOrders.nameRequired, city: t.adminOrders.cityRequired }[field as 'email'];
  };

  const focusFirst = (errors: FieldErrors<FieldName>) => {
    const first = Object.keys(errors)[0];
    if (first) form.current?.querySelector<HTMLElement>(`#${first}`)?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const body = {
      email: values.email,
      contact: { name: values.name, country: values.country, city: values.city },
      lines: lines.map((line) => ({ sku: line.sku, quantity: quantityOf(line) ?? Number.NaN })),
      currency,
      locale: mailLocale,
      idempotencyKey: idempotencyKey.current,
    };
    // The route's own schema first; then what only the page knows: the product must be one of the catalogue's.
    const errors: FieldErrors<FieldName> = fieldErrorsOf(checkBody(schema, body), (path) => fieldOfPath(path, lines), t.form, messageOf);
    for (const line of lines) {
      if (!productOf(line.sku)) errors[`line-${line.id}-product`] ??= t.adminOrders.productRequired;
    }
    setInvalid(errors);
    if (Object.keys(errors).length) return focusFirst(errors);

    setBusy(true);
    setError(null);
    try {
      setCreated(await request(api.orders.createStaffOrder, { body }));
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError) {
        const fromServer = fieldErrorsOf(apiIssues(caught, schema, body), (path) => fieldOfPath(path, lines), t.form, messageOf);
        setInvalid(fromServer);
        focusFirst(fromServer);
      }
    } finally {
      setBusy(false);
    }
  };

  const startAnother = () => {
    idempotencyKey.current = crypto.randomUUID();
    setValues({ email: '', name: '', country: '', city: '' });
    setLines([newLine()]);
    setInvalid({});
    setError(null);
    setCreated(null);
  };

  const errorText = (caught: unknown) =>
    caught instanceof ApiError && caught.code === 'ORDER_TOO_LARGE'
      ? t.adminOrders.tooLarge
      : caught instanceof ApiError && caught.code === 'IDEMPOTENCY_KEY_REUSED'
        ? t.adminOrders.keyReused
        : undefined;

  if (created) {
    const { order } = created;
    const mailNote =
      created.confirmationMail === 'suppressed'
        ? t.adminOrders.mailSuppressed
        : created.confirmationMail === 'failed'
          ? t.adminOrders.mailFailed
          : t.adminOrders.createdMail(order.email);
    return (
      <Frame pool="staff" signedIn>
        <p class="back-link">
          <Link href="/admin/orders">{t.adminOrders.allOrders}</Link>
        </p>
        <div class="page-head">
          <h1 tabIndex={-1} ref={createdHeading} data-testid="created-order-heading">
            {t.adminOrders.createdTitle(order.reference)}
          </h1>
        </div>
        <div class="alert alert-info" role="status">
          <p>{mailNote}</p>
          <p>{created.accountCreated ? t.adminOrders.accountCreated : t.adminOrders.accountExisting}</p>
        </div>
        <dl class="facts card section">
          <div>
            <dt>{t.adminOrders.reference}</dt>
            <dd data-testid="created-order-reference">{order.reference}</dd>
          </div>
          <div>
            <dt>{t.adminOrders.customerEmail}</dt>
            <dd>{order.email}</dd>
          </div>
          <div>
            <dt>{t.adminOrders.total}</dt>
            <dd>{formatMoney(order.total)}</dd>
          </div>
        </dl>
        <IssuedTable issued={order.issued} formatDate={formatDate} />
        <div class="order-actions">
          <Link href={`/admin/orders/${encodeURIComponent(order.accountId)}/${order.orderId}`} class="button primary">
            {t.adminOrders.openOrder}
          </Link>
          <button type="button" class="button secondary" onClick={startAnother}>
            {t.adminOrders.another}
          </button>
        </div>
      </Frame>
    );
  }

  return (
    <Frame pool="staff" signedIn>
      <p class="back-link">
        <Link href="/admin/orders">{t.adminOrders.allOrders}</Link>
      </p>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.adminOrders.newTitle}</h1>
        <p class="muted">{t.adminOrders.newIntro}</p>
      </div>
      {error !== null &&
        (errorText(error) ? (
          <div class="alert alert-error" role="alert">
            <p>{errorText(error)}</p>
          </div>
        ) : (
          <ErrorAlert error={error} />
        ))}
      <form ref={form} class="order-form" onSubmit={submit} noValidate aria-busy={busy}>
        <fieldset>
          <legend>{t.adminOrders.customerHeading}</legend>
          <Field {...fieldOf(fields, 'email')} label={t.adminOrders.email} type="email" autocomplete="off" />
          <div class="two-columns">
            <Field {...fieldOf(fields, 'name')} label={t.adminOrders.contactName} autocomplete="off" />
            <Field {...fieldOf(fields, 'city')} label={t.adminOrders.city} autocomplete="off" />
            <Field {...fieldOf(fields, 'country')} label={t.adminOrders.country} hint={t.adminOrders.countryHint} autocomplete="off" />
            <LocaleSelect id="mail-locale" label={t.adminOrders.language} class="field" value={mailLocale} onChange={setMailLocale} />
          </div>
        </fieldset>

        <fieldset>
          <legend>{t.adminOrders.linesHeading}</legend>
          <div class="field order-currency">
            <label for="order-currency">{t.adminOrders.currency}</label>
            <select id="order-currency" value={currency} onChange={(event) => setCurrency(event.currentTarget.value as SupportedCurrency)}>
              {SUPPORTED_CURRENCIES.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </div>
          {catalogue.error !== undefined && <ErrorAlert error={catalogue.error} onRetry={catalogue.retry} />}
          {lines.map((line, index) => {
            const number = index + 1;
            const productId = `line-${line.id}-product` as const;
            const quantityId = `line-${line.id}-quantity` as const;
            const productError = invalid[productId];
            const chosen = productOf(line.sku);
            const subtotal = subtotalOf(line);
            const describedBy = [chosen ? `${productId}-hint` : '', productError ? `${productId}-error` : ''].filter(Boolean).join(' ');
            return (
              <div class="order-line" key={line.id} data-testid="order-line">
                <div class="field">
                  <label for={productId}>{t.adminOrders.product(number)}</label>
                  <select
                    id={productId}
                    value={line.sku}
                    onChange={(event) => setLine(line.id, { sku: event.currentTarget.value })}
                    aria-invalid={productError ? true : undefined}
                    aria-describedby={describedBy || undefined}
                  >
                    <option value="">{t.adminOrders.chooseProduct}</option>
                    {products.map((product) => (
                      <option key={product.sku} value={product.sku}>
                        {t.adminOrders.productOption(product.product, product.edition, product.users, product.sku)}
                      </option>
                    ))}
                  </select>
                  {chosen && (
                    <p id={`${productId}-hint`} class="muted small field-hint">
                      {/* A service plan is priced per period and starts a subscription: say so next to its price. */}
                      {chosen.period
                        ? `${t.shop.renews(chosen.period)} · ${pricePerPeriod({ price: chosen.unitPrice, period: chosen.period })}`
                        : `${chosen.supportYears > 0 ? t.adminOrders.includesSupport(chosen.supportYears) : t.adminOrders.noSupport}${
                            chosen.days ? ` · ${t.adminOrders.days(chosen.days)}` : ''
                          } · ${t.adminOrders.unitPrice(formatMoney(chosen.unitPrice))}`}
                    </p>
                  )}
                  {productError && (
                    <p id={`${productId}-error`} class="field-error">
                      {productError}
                    </p>
                  )}
                </div>
                <Field
                  id={quantityId}
                  limits={limits.quantity}
                  label={t.adminOrders.quantity(number)}
                  inputMode="numeric"
                  autocomplete="off"
                  value={line.quantity}
                  onInput={(value) => setLine(line.id, { quantity: value })}
                  error={invalid[quantityId]}
                />
                <p class="line-subtotal" aria-live="polite">
                  <span class="visually-hidden">{t.adminOrders.subtotal}: </span>
                  {subtotal ? formatMoney(subtotal) : t.app.notAvailable}
                </p>
                {lines.length > 1 ? (
                  <button
                    type="button"
                    class="button secondary"
                    onClick={() => removeLine(line.id)}
                    aria-label={t.adminOrders.removeLine(number)}
                  >
                    {t.adminOrders.remove}
                  </button>
                ) : (
                  <span />
                )}
              </div>
            );
          })}
          <div class="order-actions">
            {lines.length < MAX_LINES && (
              <button type="button" id="add-line" class="button secondary" onClick={addLine}>
                {t.adminOrders.addLine}
              </button>
            )}
          </div>
          <p class="order-total" aria-live="polite" data-testid="order-total">
            <span>{t.adminOrders.total}</span>
            <strong>{total ? formatMoney(total) : t.app.notAvailable}</strong>
          </p>
        </fieldset>

        <button type="submit" class="button primary" disabled={busy}>
          {t.adminOrders.submit}
        </button>
        {busy && (
          <p class="muted small" role="status">
            {t.adminOrders.submitting}
          </p>
        )}
      </form>
    </Frame>
  );
}

/** The licences an order issued, with serial numbers and the end of their support. */
export function IssuedTable(props: { issued: CreatedStaffOrder['order']['issued']; formatDate: (iso: string) => string }) {
  const { t } = useI18n();
  const table = useCellLabels();
  return (
    <TableRegion labelledBy="issued-caption" section>
      <table ref={table} class="stack" data-testid="issued-licences">
        <caption id="issued-caption">{t.adminOrders.issuedCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.licences.product}</th>
            <th scope="col">{t.adminOrders.edition}</th>
            <th scope="col" class="num">
              {t.adminOrders.users}
            </th>
            <th scope="col">{t.adminOrders.serial}</th>
            <th scope="col">{t.adminOrders.support}</th>
          </tr>
        </thead>
        <tbody>
          {props.issued.map((licence) => (
            <tr key={licence.licenceId}>
              <td>
                {licence.product}
                {licence.days ? <span class="muted small block">{t.adminOrders.days(licence.days)}</span> : null}
              </td>
              <td>{licence.edition}</td>
              <td class="num">{licence.users}</td>
              <td class="serial">{licence.serial}</td>
              <td>{licence.supportEndsAt ? t.adminOrders.supportUntil(props.formatDate(licence.supportEndsAt)) : t.adminOrders.none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
