// The balance: the available amount big and calm, the ledger (top-ups, payments, refunds, adjustments) a page at a
// time, "Top up" by bank transfer (the transfer details shown and mailed) and the low-balance alert. Owners and billing
// contacts change it; read-only people see it. Also the staff's balance section of the customer page.

import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { preferredCurrency } from '#shared/api/balance.ts';
import type { SupportedCurrency } from '#shared/money.ts';
import { noteText } from '#shared/subscriptions/line-text.ts';
import { api, request, type ReplyOf } from '../api.ts';
import { ErrorAlert, Frame, PagedTable, usePagedList, useResource, useTitle } from '../components.tsx';
import { Field } from '../fields.tsx';
import { minorToDecimal } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { mayPayWith, useMyRole } from '../my-role.ts';
import { minorUnitsOf } from './Catalogue.tsx';
import './balance.css';

type Balances = ReplyOf<typeof api.balance.getBalance>;
type LedgerEntry = ReplyOf<typeof api.balance.listLedger>['items'][number];
type TopUp = ReplyOf<typeof api.balance.createTopUp>;
type Currency = SupportedCurrency;

/** Signed minor units from what a person typed (`-12,50`), or undefined. */
function signedMinorUnitsOf(text: string): number | undefined {
  const trimmed = text.trim();
  const negative = trimmed.startsWith('-');
  const magnitude = minorUnitsOf(negative ? trimmed.slice(1) : trimmed);
  return magnitude === undefined ? undefined : negative ? -magnitude : magnitude;
}

const newKey = () => crypto.randomUUID();

/** The ledger's rows: date, kind, what it concerns, the memo (in the reader's language when kept as facts) and the signed amount. */
export function LedgerRows(props: { entry: LedgerEntry }) {
  const { t, locale, formatDateTime, formatMoney } = useI18n();
  const { entry } = props;
  return (
    <tr data-kind={entry.kind}>
      <td>
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
      </td>
      <td>{t.balance.kinds[entry.kind]}</td>
      <td>{entry.source.label ?? ''}</td>
      <td>{entry.note ? noteText(entry.note, locale) : (entry.memo ?? '')}</td>
      <td class={`num ${entry.amountMinor < 0 ? 'debit' : 'credit'}`}>
        {entry.amountMinor > 0 ? '+' : ''}
        {formatMoney({ amountMinor: entry.amountMinor, currency: entry.currency })}
      </td>
    </tr>
  );
}

export function LedgerHead() {
  const { t } = useI18n();
  return (
    <>
      <th scope="col">{t.balance.date}</th>
      <th scope="col">{t.balance.kind}</th>
      <th scope="col">{t.balance.source}</th>
      <th scope="col">{t.balance.note}</th>
      <th scope="col" class="num">
        {t.balance.amount}
      </th>
    </>
  );
}

function Ledger(props: { currency: Currency; version: number }) {
  const { t } = useI18n();
  const list = usePagedList(
    (page, signal) => request(api.balance.listLedger, { query: { currency: props.currency, ...page }, signal }),
    `${props.currency}#${props.version}`,
  );
  return (
    <section class="section" aria-labelledby="ledger-heading">
      <h2 id="ledger-heading">{t.balance.ledgerHeading}</h2>
      <PagedTable
        list={list}
        testId="ledger-table"
        caption={t.balance.ledgerCaption(props.currency)}
        empty={{ title: t.balance.empty, help: t.balance.emptyHelp }}
        showing={t.balance.showing(list.items.length)}
        head={<LedgerHead />}
        row={(entry) => <LedgerRows key={entry.entryId} entry={entry} />}
      />
    </section>
  );
}

function TopUpForm(props: { currency: Currency }) {
  const { t, formatMoney, formatDate } = useI18n();
  const [amount, setAmount] = useState('');
  const [invalid, setInvalid] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [created, setCreated] = useState<TopUp | null>(null);
  // One key per form filled in: a double click or a retry makes one top-up.
  const [key, setKey] = useState(newKey);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const amountMinor = minorUnitsOf(amount);
    if (!amountMinor) {
      setInvalid(t.balance.amountInvalid);
      document.getElementById('top-up-amount')?.focus();
      return;
    }
    setInvalid(undefined);
    setBusy(true);
    setFailure(null);
    try {
      setCreated(await request(api.balance.createTopUp, { body: { amountMinor, currency: props.currency, idempotencyKey: key } }));
      setKey(newKey());
      setAmount('');
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card section" aria-labelledby="top-up-heading">
      <h2 id="top-up-heading">{t.balance.topUpHeading}</h2>
      <p class="muted">{t.balance.topUpIntro}</p>
      {failure !== null && <ErrorAlert error={failure} />}
      <form class="balance-form" onSubmit={submit} noValidate aria-busy={busy}>
        <Field
          id="top-up-amount"
          label={t.balance.amountLabel(props.currency)}
          inputMode="text"
          autocomplete="off"
          value={amount}
          onInput={setAmount}
          error={invalid}
          limits={{ required: true, maxLength: 16 }}
        />
        <button type="submit" class="button primary" disabled={busy}>
          {busy ? t.balance.working : t.balance.topUpSubmit}
        </button>
      </form>
      {created && (
        <div class="alert alert-success" role="status" data-testid="top-up-created">
          <p>{t.balance.topUpCreated(created.reference)}</p>
          <dl class="transfer-details">
            <dt>{t.balance.holder}</dt>
            <dd>{created.bankTransfer.holder}</dd>
            <dt>{t.balance.bankName}</dt>
            <dd>{created.bankTransfer.bankName}</dd>
            <dt>{t.balance.iban}</dt>
            <dd>
              <code class="serial">{created.bankTransfer.iban}</code>
            </dd>
            <dt>{t.balance.swift}</dt>
            <dd>
              <code class="serial">{created.bankTransfer.swift}</code>
            </dd>
            <dt>{t.balance.amountToPay}</dt>
            <dd>{formatMoney(created.total)}</dd>
            <dt>{t.balance.transferTitle}</dt>
            <dd>
              <code class="serial">{created.bankTransfer.title}</code>
            </dd>
            <dt>{t.balance.payBy}</dt>
            <dd>{formatDate(created.expiresAt)}</dd>
            <dt>{t.balance.proforma}</dt>
            <dd>{created.proforma.number}</dd>
          </dl>
        </div>
      )}
    </section>
  );
}

function AlertForm(props: { balance: Balances['balances'][number]; currency: Currency; onSaved: () => void }) {
  const { t, formatMoney } = useI18n();
  const current = props.balance.thresholdMinor;
  const [value, setValue] = useState(current === undefined ? '' : minorToDecimal(current, 2));
  const [invalid, setInvalid] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const thresholdMinor = value.trim() === '' ? null : minorUnitsOf(value);
    if (thresholdMinor === undefined) {
      setInvalid(t.balance.amountInvalid);
      document.getElementById('alert-threshold')?.focus();
      return;
    }
    setInvalid(undefined);
    setBusy(true);
    setFailure(null);
    try {
      const saved = await request(api.balance.setLowBalanceAlert, { body: { currency: props.currency, thresholdMinor } });
      setNotice(
        saved.thresholdMinor === undefined
          ? t.balance.alertRemoved
          : t.balance.alertSaved(formatMoney({ amountMinor: saved.thresholdMinor, currency: saved.currency })),
      );
      props.onSaved();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card section" aria-labelledby="alert-heading">
      <h2 id="alert-heading">{t.balance.alertHeading}</h2>
      <p class="muted">{t.balance.alertIntro}</p>
      <p data-testid="alert-current">
        {current === undefined
          ? t.balance.alertRemoved
          : t.balance.alertCurrent(formatMoney({ amountMinor: current, currency: props.currency }))}
      </p>
      {notice && (
        <p class="alert alert-success" role="status">
          {notice}
        </p>
      )}
      {failure !== null && <ErrorAlert error={failure} />}
      <form class="balance-form" onSubmit={submit} noValidate aria-busy={busy}>
        <Field
          id="alert-threshold"
          label={t.balance.threshold(props.currency)}
          hint={t.balance.thresholdHint}
          autocomplete="off"
          value={value}
          onInput={setValue}
          error={invalid}
          limits={{ required: false, maxLength: 16 }}
        />
        <button type="submit" class="button secondary" disabled={busy}>
          {busy ? t.balance.working : t.balance.alertSave}
        </button>
      </form>
    </section>
  );
}

/** The amount, big; a currency switch when the account holds more than one. */
function BalanceAmount(props: { balances: Balances['balances']; currency: string; onCurrency: (currency: Currency) => void }) {
  const { t, formatMoney } = useI18n();
  const shown = props.balances.find((balance) => balance.currency === props.currency) ?? { currency: props.currency, amountMinor: 0 };
  return (
    <section class="card section balance-card" aria-labelledby="balance-amount-heading">
      <h2 id="balance-amount-heading" class="muted balance-label">
        {t.balance.available(shown.currency)}
      </h2>
      <p class="balance-amount" data-testid="balance-amount">
        {formatMoney(shown)}
      </p>
      {props.balances.length > 1 && (
        <div class="field">
          <label for="balance-currency">{t.balance.currency}</label>
          <select
            id="balance-currency"
            value={props.currency}
            onChange={(event) => props.onCurrency(event.currentTarget.value as Currency)}
          >
            {props.balances.map((balance) => (
              <option key={balance.currency} value={balance.currency}>
                {balance.currency}
              </option>
            ))}
          </select>
        </div>
      )}
    </section>
  );
}

export function BalancePage() {
  const { t } = useI18n();
  const role = useMyRole();
  const mayChange = mayPayWith(role);
  const [version, setVersion] = useState(0);
  const [chosen, setChosen] = useState<Currency | undefined>();
  const balances = useResource((signal) => request(api.balance.getBalance, { signal }), String(version));
  useTitle(t.balance.title);
  const currency = (chosen ?? (balances.data ? preferredCurrency(balances.data) : undefined)) as Currency | undefined;
  const shown = balances.data?.balances.find((balance) => balance.currency === currency);
  return (
    <Frame pool="customer" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.balance.title}</h1>
        <p class="muted">{t.balance.intro}</p>
      </div>
      {balances.error !== undefined && <ErrorAlert error={balances.error} onRetry={balances.retry} />}
      {balances.data && currency && (
        <>
          <BalanceAmount balances={balances.data.balances} currency={currency} onCurrency={setChosen} />
          {mayChange ? (
            <div class="balance-forms">
              <TopUpForm currency={currency} />
              <AlertForm
                key={`${currency}#${shown?.thresholdMinor}`}
                balance={shown ?? { currency, amountMinor: 0 }}
                currency={currency}
                onSaved={() => setVersion((count) => count + 1)}
              />
            </div>
          ) : (
            role !== undefined && <p class="muted">{t.balance.readOnly}</p>
          )}
          <Ledger currency={currency} version={version} />
        </>
      )}
    </Frame>
  );
}

/** Staff: a customer's balance, the newest entries and the adjustment form, on the customer page. */
export function StaffBalanceSection(props: { accountId: string; orders: readonly StaffOrderOption[] }) {
  const { t, formatMoney } = useI18n();
  const [version, setVersion] = useState(0);
  const read = useResource(
    (signal) => request(api.balance.getCustomerBalance, { path: { accountId: props.accountId }, query: {}, signal }),
    `${props.accountId}#${version}`,
  );
  const data = read.data;
  const shown = data?.balances.find((balance) => balance.currency === data.currency) ?? {
    currency: data?.currency ?? 'EUR',
    amountMinor: 0,
  };
  return (
    <section class="section" aria-labelledby="staff-balance-heading" data-testid="balance-section">
      <h2 id="staff-balance-heading">{t.balance.staffHeading}</h2>
      {read.error !== undefined && <ErrorAlert error={read.error} onRetry={read.retry} />}
      {data && (
        <>
          <p class="balance-amount" data-testid="staff-balance-amount">
            {formatMoney(shown)}
          </p>
          <h3>{t.balance.staffEntries}</h3>
          {/* Keyed: when the first entry arrives, the forms below must stay mounted (their notice with them). */}
          {data.entries.items.length === 0 ? (
            <p key="entries" class="muted">
              {t.balance.empty}
            </p>
          ) : (
            <div key="entries" class="table-wrap">
              <table class="stack" data-testid="staff-ledger-table">
                <caption class="visually-hidden">{t.balance.ledgerCaption(data.currency)}</caption>
                <thead>
                  <tr>
                    <LedgerHead />
                  </tr>
                </thead>
                <tbody>
                  {data.entries.items.map((entry) => (
                    <LedgerRows key={entry.entryId} entry={entry} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div key="forms" class="balance-forms">
            <AdjustForm accountId={props.accountId} currency={data.currency as Currency} onDone={() => setVersion((count) => count + 1)} />
            {props.orders.length > 0 && (
              <RefundForm accountId={props.accountId} orders={props.orders} onDone={() => setVersion((count) => count + 1)} />
            )}
          </div>
        </>
      )}
    </section>
  );
}

/** An order the refund form offers (the customer page's first page of orders). */
export interface StaffOrderOption {
  orderId: string;
  reference: string;
  total: { amountMinor: number; currency: string };
}

/** A field of a staff balance form. */
interface StaffField<Name extends string> {
  name: Name;
  label: string;
  hint?: string;
  required: boolean;
  maxLength: number;
}

/**
 * One staff form of the balance section: its fields and the reason every staff change of money gives (audited),
 * checked here first (the first wrong one focused), then sent; the notice `send` answers when done, the error when
 * not. `before` goes above the fields (the refund's order).
 */
function StaffBalanceForm<Name extends string>(props: {
  id: 'adjust' | 'refund';
  heading: string;
  submit: string;
  fields: readonly StaffField<Name>[];
  before?: ComponentChildren;
  check: (values: Record<Name, string>) => Partial<Record<Name, string>>;
  send: (values: Record<Name | 'reason', string>) => Promise<string>;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const fields: readonly StaffField<Name | 'reason'>[] = [
    ...props.fields,
    { name: 'reason', label: t.customerPage.reason, hint: t.customerPage.reasonHint, required: true, maxLength: 500 },
  ];
  const empty = () => Object.fromEntries(fields.map((field) => [field.name, ''])) as Record<Name | 'reason', string>;
  const [values, setValues] = useState(empty);
  const [invalid, setInvalid] = useState<Partial<Record<string, string>>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const found: Partial<Record<string, string>> = { ...props.check(values) };
    if (values.reason.trim().length < 3) found.reason = t.customerPage.reasonRequired;
    setInvalid(found);
    const first = fields.find((field) => found[field.name] !== undefined);
    if (first) {
      document.getElementById(`${props.id}-${first.name}`)?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    setNotice(null);
    try {
      setNotice(await props.send(values));
      setValues(empty());
      props.onDone();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const headingId = `${props.id}-heading`;
  return (
    <div class="card section">
      <h3 id={headingId}>{props.heading}</h3>
      {notice && (
        <p class="alert alert-success" role="status">
          {notice}
        </p>
      )}
      {failure !== null && <ErrorAlert error={failure} />}
      <form class="balance-form" onSubmit={submit} noValidate aria-busy={busy} aria-labelledby={headingId} data-testid={`${props.id}-form`}>
        {props.before}
        {fields.map((field) => (
          <Field
            key={field.name}
            id={`${props.id}-${field.name}`}
            label={field.label}
            hint={field.hint}
            autocomplete="off"
            value={values[field.name]}
            onInput={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
            error={invalid[field.name]}
            limits={{ required: field.required, maxLength: field.maxLength }}
          />
        ))}
        <button type="submit" class="button primary" disabled={busy}>
          {busy ? t.balance.working : props.submit}
        </button>
      </form>
    </div>
  );
}

function RefundForm(props: { accountId: string; orders: readonly StaffOrderOption[]; onDone: () => void }) {
  const { t, formatMoney } = useI18n();
  const [orderId, setOrderId] = useState(props.orders[0]!.orderId);
  const order = props.orders.find((option) => option.orderId === orderId) ?? props.orders[0]!;
  // Empty: the whole refundable rest.
  const amountOf = (text: string) => (text.trim() === '' ? null : minorUnitsOf(text));
  return (
    <StaffBalanceForm
      id="refund"
      heading={t.balance.refundHeading}
      submit={t.balance.refundSubmit}
      fields={[
        {
          name: 'amount',
          label: t.balance.refundAmount(order.total.currency),
          hint: t.balance.refundAmountHint,
          required: false,
          maxLength: 16,
        },
      ]}
      before={
        <div class="field">
          <label for="refund-order">{t.balance.refundOrder}</label>
          <select id="refund-order" value={orderId} onChange={(event) => setOrderId(event.currentTarget.value)}>
            {props.orders.map((option) => (
              <option key={option.orderId} value={option.orderId}>
                {option.reference} · {formatMoney(option.total)}
              </option>
            ))}
          </select>
        </div>
      }
      check={(values) => {
        const amountMinor = amountOf(values.amount);
        return amountMinor === undefined || amountMinor === 0 ? { amount: t.balance.amountInvalid } : {};
      }}
      send={async (values) => {
        const amountMinor = amountOf(values.amount);
        const done = await request(api.balance.refundOrder, {
          path: { orderId: order.orderId },
          body: { accountId: props.accountId, reason: values.reason.trim(), ...(amountMinor ? { amountMinor } : {}) },
        });
        return t.balance.refunded(formatMoney(done), done.correction?.number);
      }}
      onDone={props.onDone}
    />
  );
}

function AdjustForm(props: { accountId: string; currency: Currency; onDone: () => void }) {
  const { t, formatMoney } = useI18n();
  // One key per adjustment: a double click or a retry of the same one applies it once.
  const [key, setKey] = useState(newKey);
  return (
    <StaffBalanceForm
      id="adjust"
      heading={t.balance.adjustHeading}
      submit={t.balance.adjustSubmit}
      fields={[
        { name: 'amount', label: t.balance.adjustAmount(props.currency), required: true, maxLength: 16 },
        { name: 'memo', label: t.balance.memo, required: true, maxLength: 200 },
      ]}
      check={(values) => ({
        ...(signedMinorUnitsOf(values.amount) ? {} : { amount: t.balance.adjustAmountInvalid }),
        ...(values.memo.trim() === '' ? { memo: t.balance.memoRequired } : {}),
      })}
      send={async (values) => {
        const done = await request(api.balance.adjustBalance, {
          path: { accountId: props.accountId },
          body: {
            amountMinor: signedMinorUnitsOf(values.amount)!,
            currency: props.currency,
            memo: values.memo.trim(),
            reason: values.reason.trim(),
            idempotencyKey: key,
          },
        });
        setKey(newKey());
        return t.balance.adjusted(formatMoney(done.balance));
      }}
      onDone={props.onDone}
    />
  );
}
