// Staff: record a bank payment (the order looked up by its reference as they type: status, total, paid, due), the recent
// payments of every account, and an order's payments on the staff order page (StaffOrderPayments).

import { useEffect, useRef, useState } from 'preact/hooks';
import { recordPaymentInput } from '#shared/api/payments.ts';
import { SUPPORTED_CURRENCIES } from '#shared/money.ts';
import { ApiError, api, type ReplyOf, request } from '../api.ts';
import { ErrorAlert, Frame, Link, PagedTable, TableRegion, useCellLabels, usePagedList, useResource, useTitle } from '../components.tsx';
import { Field, type FormState, fieldOf } from '../fields.tsx';
import { apiIssues, checkBody, fieldErrorsOf, limitsOf } from '../form-checks.ts';
import { useI18n } from '../i18n.ts';
import { minorUnitsOf } from './Catalogue.tsx';

type OrderState = ReplyOf<typeof api.payments.findPaymentOrder>;
type PaymentView = ReplyOf<typeof api.payments.listPayments>['items'][number];
type Recorded = ReplyOf<typeof api.payments.recordPayment>;
type PaymentField = 'reference' | 'amount' | 'currency' | 'receivedOn' | 'bankReference' | 'reason';

const today = () => new Date().toISOString().slice(0, 10);

/** The order's state in words: a staff order (no shop state) was settled when staff placed it. */
function useStatusText() {
  const { t } = useI18n();
  return (order: Pick<OrderState, 'status'>) => (order.status ? t.payments.status[order.status] : t.payments.staffOrder);
}

/** What the reference names, looked up a moment after staff stop typing. */
function useOrderLookup(reference: string): { order?: OrderState; unknown: boolean } {
  const [found, setFound] = useState<{ reference: string; order?: OrderState; unknown: boolean }>({ reference: '', unknown: false });
  useEffect(() => {
    const typed = reference.trim();
    if (!/^[A-Za-z0-9 ]{3,40}$/.test(typed)) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      request(api.payments.findPaymentOrder, { query: { reference: typed }, signal: controller.signal })
        .then((order) => setFound({ reference: typed, order, unknown: false }))
        .catch((error) => {
          if (error instanceof ApiError && error.status === 404) setFound({ reference: typed, unknown: true });
        });
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [reference]);
  return found.reference === reference.trim() ? found : { unknown: false };
}

/** Where an order stands with its money: the form's lookup (`payment-order-*`) and the staff order page (`staff-order-*`). */
function OrderMoneyFacts(props: { order: OrderState; testId: 'payment-order' | 'staff-order'; link?: boolean }) {
  const { t, formatMoney } = useI18n();
  const statusText = useStatusText();
  const { order, testId } = props;
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency: order.currency });
  return (
    <dl class="facts card" data-testid={`${testId}-summary`} aria-live={props.link ? 'polite' : undefined}>
      {props.link && (
        <div>
          <dt>{t.payments.order}</dt>
          <dd>
            <Link href={`/admin/orders/${encodeURIComponent(order.accountId)}/${order.orderId}`}>{order.reference}</Link>
          </dd>
        </div>
      )}
      <div>
        <dt>{t.payments.statusLabel}</dt>
        <dd data-testid={`${testId}-status`}>
          {statusText(order)}
          {order.closedBecause && <span class="muted small"> ({t.checkout.closedBecause[order.closedBecause]})</span>}
        </dd>
      </div>
      <div>
        <dt>{t.payments.total}</dt>
        <dd>{money(order.totalMinor)}</dd>
      </div>
      <div>
        <dt>{t.payments.paid}</dt>
        <dd>{money(order.paidMinor)}</dd>
      </div>
      <div>
        <dt>{t.payments.due}</dt>
        <dd data-testid={`${testId}-due`}>{money(order.dueMinor)}</dd>
      </div>
      {order.proforma && (
        <div>
          <dt>{t.payments.proforma}</dt>
          <dd>{order.proforma.number}</dd>
        </div>
      )}
      {order.invoice && (
        <div>
          <dt>{t.payments.invoice}</dt>
          <dd data-testid={`${testId}-invoice`}>{order.invoice.number}</dd>
        </div>
      )}
    </dl>
  );
}

function RecordPaymentForm(props: { onRecorded: (recorded: Recorded) => void }) {
  const { t } = useI18n();
  const empty: Record<PaymentField, string> = {
    reference: '',
    amount: '',
    currency: 'EUR',
    receivedOn: today(),
    bankReference: '',
    reason: '',
  };
  const [values, setValues] = useState(empty);
  const [invalid, setInvalid] = useState<Partial<Record<PaymentField, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const lookup = useOrderLookup(values.reference);
  const set = (name: PaymentField) => (value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    setInvalid(({ [name]: _, ...rest }) => rest);
  };
  // The looked-up order's currency is the one its payment comes in.
  useEffect(() => {
    if (lookup.order) setValues((current) => ({ ...current, currency: lookup.order!.currency }));
  }, [lookup.order?.orderId]);
  const state: FormState<PaymentField> = {
    values,
    set,
    invalid,
    limits: {
      reference: limitsOf(recordPaymentInput.shape.reference),
      amount: { required: true, maxLength: 16 },
      receivedOn: { required: true },
      bankReference: limitsOf(recordPaymentInput.shape.bankReference),
      reason: limitsOf(recordPaymentInput.shape.reason),
    },
  };
  const fieldOfPath = (path: string): PaymentField | undefined => {
    const name = path.replace(/^body\./, '');
    return name === 'amountMinor'
      ? 'amount'
      : (['reference', 'currency', 'receivedOn', 'bankReference', 'reason'] as const).find((field) => field === name);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const body = {
      reference: values.reference.trim(),
      amountMinor: minorUnitsOf(values.amount) ?? Number.NaN,
      currency: values.currency as (typeof SUPPORTED_CURRENCIES)[number],
      receivedOn: values.receivedOn,
      bankReference: values.bankReference.trim(),
      ...(values.reason.trim() ? { reason: values.reason.trim() } : {}),
    };
    const errors = fieldErrorsOf(checkBody(recordPaymentInput, body), fieldOfPath, t.form, (field) =>
      field === 'amount' ? t.payments.amountInvalid : undefined,
    );
    setInvalid(errors);
    if (Object.keys(errors).length) {
      form.current?.querySelector<HTMLElement>(`#payment-${Object.keys(errors)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const recorded = await request(api.payments.recordPayment, { body });
      setValues({ ...empty, currency: values.currency, receivedOn: values.receivedOn });
      props.onRecorded(recorded);
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError) setInvalid(fieldErrorsOf(apiIssues(caught, recordPaymentInput, body), fieldOfPath, t.form));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: PaymentField) => ({ ...fieldOf(state, name), id: `payment-${name}` });
  return (
    <form ref={form} class="card section" onSubmit={submit} noValidate aria-busy={busy} aria-labelledby="record-payment-title">
      <h2 id="record-payment-title">{t.payments.recordTitle}</h2>
      <p class="muted">{t.payments.recordIntro}</p>
      {error !== null && <ErrorAlert error={error} />}
      <Field {...field('reference')} label={t.payments.reference} hint={t.payments.referenceHint} autocomplete="off" />
      {lookup.order && <OrderMoneyFacts order={lookup.order} testId="payment-order" link />}
      {lookup.unknown && (
        <p class="muted" role="status" data-testid="payment-order-unknown">
          {t.payments.referenceUnknown}
        </p>
      )}
      <div class="two-columns">
        <Field {...field('amount')} label={t.payments.amount} hint={t.payments.amountHint} inputMode="numeric" autocomplete="off" />
        <div class="field">
          <label for="payment-currency">{t.payments.currency}</label>
          <select id="payment-currency" value={values.currency} onChange={(event) => set('currency')(event.currentTarget.value)}>
            {SUPPORTED_CURRENCIES.map((currency) => (
              <option key={currency} value={currency}>
                {currency}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="two-columns">
        <div class="field">
          <label for="payment-receivedOn">{t.payments.receivedOn}</label>
          <input
            id="payment-receivedOn"
            name="payment-receivedOn"
            type="date"
            required
            value={values.receivedOn}
            aria-invalid={invalid.receivedOn ? 'true' : undefined}
            onInput={(event) => set('receivedOn')(event.currentTarget.value)}
          />
          {invalid.receivedOn && <p class="field-error">{invalid.receivedOn}</p>}
        </div>
        <Field {...field('bankReference')} label={t.payments.bankReference} hint={t.payments.bankReferenceHint} autocomplete="off" />
      </div>
      <Field {...field('reason')} label={t.payments.note} hint={t.payments.noteHint} autocomplete="off" />
      <button type="submit" class="button primary" disabled={busy}>
        {busy ? t.payments.recording : t.payments.record}
      </button>
    </form>
  );
}

/** What a recorded payment did, in one sentence. */
function recordedText(t: ReturnType<typeof useI18n>['t'], formatMoney: ReturnType<typeof useI18n>['formatMoney'], recorded: Recorded) {
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency: recorded.payment.currency });
  const { order, payment } = recorded;
  if (recorded.outcome === 'credited-to-balance') return t.payments.recordedToBalance(order.reference, money(payment.amountMinor));
  if (order.status === 'fulfilled') return t.payments.recordedFulfilled(order.reference, order.invoice?.number ?? '—');
  return t.payments.recordedPartly(order.reference, money(order.dueMinor));
}

export function PaymentsTable(props: { payments: PaymentView[]; caption: string; testId: string }) {
  const { t, formatDate, formatMoney } = useI18n();
  const table = useCellLabels();
  const captionId = `${props.testId}-caption`;
  return (
    <TableRegion labelledBy={captionId} section>
      <table ref={table} class="stack" data-testid={props.testId}>
        <caption id={captionId}>{props.caption}</caption>
        <PaymentsHead />
        <tbody>
          {props.payments.map((payment) => (
            <PaymentRow key={payment.paymentId} payment={payment} formatDate={formatDate} formatMoney={formatMoney} t={t} />
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function PaymentsHead() {
  const { t } = useI18n();
  return (
    <thead>
      <tr>
        <th scope="col">{t.payments.receivedOn}</th>
        <th scope="col">{t.payments.order}</th>
        <th scope="col">{t.payments.method}</th>
        <th scope="col" class="num">
          {t.payments.amount}
        </th>
        <th scope="col" class="num">
          {t.payments.toBalance}
        </th>
        <th scope="col">{t.payments.bankReference}</th>
      </tr>
    </thead>
  );
}

function PaymentRow(props: {
  payment: PaymentView;
  t: ReturnType<typeof useI18n>['t'];
  formatDate: ReturnType<typeof useI18n>['formatDate'];
  formatMoney: ReturnType<typeof useI18n>['formatMoney'];
}) {
  const { payment, t } = props;
  const money = (amountMinor: number) => props.formatMoney({ amountMinor, currency: payment.currency });
  return (
    <tr>
      <td>
        <time dateTime={payment.receivedOn}>{props.formatDate(payment.receivedOn)}</time>
      </td>
      <td>
        <Link href={`/admin/orders/${encodeURIComponent(payment.accountId)}/${payment.order.orderId}`}>{payment.order.reference}</Link>
      </td>
      <td>{t.payments.methods[payment.method]}</td>
      <td class="num">{money(payment.amountMinor)}</td>
      <td class="num">{payment.creditedMinor > 0 ? money(payment.creditedMinor) : '—'}</td>
      <td>{payment.bankReference ?? '—'}</td>
    </tr>
  );
}

export function AdminPaymentsPage() {
  const { t, formatDate, formatMoney } = useI18n();
  const [recorded, setRecorded] = useState<Recorded | undefined>();
  const list = usePagedList(
    (page, signal) => request(api.payments.listPayments, { query: page, signal }),
    recorded?.payment.paymentId ?? '',
  );

  useTitle(t.payments.title);

  return (
    <Frame pool="staff" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.payments.heading}</h1>
        <p class="muted">{t.payments.intro}</p>
      </div>
      {recorded && (
        <div class="alert alert-info" role="status" data-testid="payment-recorded">
          <p>{recordedText(t, formatMoney, recorded)}</p>
        </div>
      )}
      <RecordPaymentForm onRecorded={setRecorded} />
      <h2 class="section">{t.payments.recentTitle}</h2>
      <PagedTable
        list={list}
        testId="staff-payments-table"
        caption={t.payments.recentCaption}
        empty={{ title: t.payments.empty, help: t.payments.emptyHelp }}
        showing={t.payments.showing(list.items.length)}
        head={<PaymentsHead />}
        row={(payment) => <PaymentRow key={payment.paymentId} payment={payment} t={t} formatDate={formatDate} formatMoney={formatMoney} />}
      />
    </Frame>
  );
}

/** The staff order page's section: where the order stands with its money, its invoices and its payments. */
export function StaffOrderPayments(props: { accountId: string; orderId: string }) {
  const { t } = useI18n();
  const found = useResource(
    (signal) => request(api.payments.getStaffOrderPayments, { path: { accountId: props.accountId, orderId: props.orderId }, signal }),
    `${props.accountId}/${props.orderId}`,
  );
  if (found.error !== undefined) return <ErrorAlert error={found.error} onRetry={found.retry} />;
  if (!found.data) return null;
  const { order, payments } = found.data;
  return (
    <section class="section" aria-labelledby="order-payments-title">
      <h2 id="order-payments-title">{t.payments.orderTitle}</h2>
      <OrderMoneyFacts order={order} testId="staff-order" />
      {payments.length > 0 ? (
        <PaymentsTable payments={payments} caption={t.payments.orderPaymentsCaption(order.reference)} testId="staff-order-payments" />
      ) : (
        order.status && <p class="muted">{t.payments.noPayments}</p>
      )}
    </section>
  );
}
