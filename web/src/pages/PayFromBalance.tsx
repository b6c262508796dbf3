// The customer's "Pay from balance" on an order awaiting payment: the balance available in the order's currency and the
// amount due, all or part of it paid at once (the order is fulfilled when nothing is left to pay), then the page reloads.

import { useMemo, useState } from 'preact/hooks';
import { ApiError, api, request } from '../api.ts';
import { ErrorAlert, useResource } from '../components.tsx';
import { Field } from '../fields.tsx';
import { useI18n } from '../i18n.ts';
import { minorToDecimal } from '../format.ts';
import { minorUnitsOf } from './Catalogue.tsx';

/** A fresh key per payment: a double click or a retry of the same payment pays once. */
function paymentKey(): string {
  return crypto.randomUUID();
}

export function PayFromBalance(props: { order: { orderId: string }; onPaid?: () => void }) {
  const { t, formatMoney } = useI18n();
  const [loads, setLoads] = useState(0);
  const found = useResource(
    (signal) => request(api.payments.getMyOrderPayments, { path: { orderId: props.order.orderId }, signal }),
    `${props.order.orderId}-${loads}`,
  );
  const [amount, setAmount] = useState<string | undefined>();
  const [invalid, setInvalid] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | undefined>();
  const key = useMemo(paymentKey, [loads]);

  if (found.error !== undefined) return <ErrorAlert error={found.error} onRetry={found.retry} />;
  const data = found.data;
  if (!data || data.order.status !== 'awaiting-payment' || data.order.purpose === 'top-up') {
    return done ? (
      <p class="alert alert-info" role="status" data-testid="pay-from-balance-done">
        {done}
      </p>
    ) : null;
  }
  const { order, balanceMinor } = data;
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency: order.currency });
  const payable = Math.min(balanceMinor, order.dueMinor);
  const shown = amount ?? (payable > 0 ? minorToDecimal(payable, 2) : '');

  const pay = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const amountMinor = minorUnitsOf(shown);
    if (amountMinor === undefined || amountMinor < 1 || amountMinor > payable) {
      setInvalid(t.payments.payAmountInvalid(money(payable)));
      document.getElementById('pay-from-balance-amount')?.focus();
      return;
    }
    setInvalid(undefined);
    setBusy(true);
    setError(null);
    try {
      const paid = await request(api.payments.payFromBalance, {
        path: { orderId: order.orderId },
        body: { amountMinor, idempotencyKey: key },
      });
      setDone(paid.order.status === 'fulfilled' ? t.payments.paidInFull : t.payments.paidPart(money(paid.order.dueMinor)));
      setAmount(undefined);
      setLoads((count) => count + 1);
      if (props.onPaid) props.onPaid();
      else window.location.reload();
    } catch (caught) {
      setError(caught);
      // A refusal (balance changed, order paid meanwhile) shows the current figures.
      if (caught instanceof ApiError && caught.status === 409) setLoads((count) => count + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card section" aria-labelledby="pay-from-balance-title" data-testid="pay-from-balance">
      <h2 id="pay-from-balance-title">{t.payments.payTitle}</h2>
      <dl class="facts">
        <div>
          <dt>{t.payments.balance}</dt>
          <dd data-testid="pay-from-balance-available">{money(balanceMinor)}</dd>
        </div>
        <div>
          <dt>{t.payments.due}</dt>
          <dd>{money(order.dueMinor)}</dd>
        </div>
      </dl>
      {done && (
        <p class="alert alert-info" role="status">
          {done}
        </p>
      )}
      {error !== null && <ErrorAlert error={error} />}
      {payable > 0 ? (
        <form onSubmit={pay} noValidate aria-busy={busy}>
          <Field
            id="pay-from-balance-amount"
            label={t.payments.payAmount(order.currency)}
            hint={payable < order.dueMinor ? t.payments.payPartHint(money(order.dueMinor - payable)) : t.payments.payAllHint}
            value={shown}
            onInput={(value) => {
              setAmount(value);
              setInvalid(undefined);
            }}
            error={invalid}
            inputMode="numeric"
            autocomplete="off"
          />
          <button type="submit" class="button primary" disabled={busy}>
            {busy ? t.payments.paying : t.payments.pay}
          </button>
        </form>
      ) : (
        <p class="muted">{t.payments.noBalance}</p>
      )}
    </section>
  );
}
