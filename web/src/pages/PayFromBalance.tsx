// The customer's "Pay from balance" on an order awaiting payment: the balance available in the order's currency and the
// amount due, all or part of it paid at once (the order is fulfilled when nothing is left to pay), then the page reloads.

import { useState } from 'preact/hooks';
import { api, request } from '../api.ts';
import { ErrorAlert, useResource } from '../components.tsx';
import { Field } from '../fields.tsx';
import { useI18n } from '../i18n.ts';
import { minorToDecimal } from '../format.ts';
import { minorUnitsOf } from './Catalogue.tsx';
import { useSubmit } from './use-submit.ts';

export function PayFromBalance(props: { order: { orderId: string }; onPaid?: () => void }) {
  const { t, formatMoney } = useI18n();
  const submitting = useSubmit();
  const { busy, error } = submitting;
  const found = useResource(
    (signal) => request(api.payments.getMyOrderPayments, { path: { orderId: props.order.orderId }, signal }),
    `${props.order.orderId}-${submitting.loads}`,
  );
  const [amount, setAmount] = useState<string | undefined>();
  const [invalid, setInvalid] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();

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
    // The key makes a double click or a retry pay once; a 409 (the balance changed, the order was paid meanwhile)
    // shows the current figures under the refusal.
    await submitting.submit(
      (idempotencyKey) => request(api.payments.payFromBalance, { path: { orderId: order.orderId }, body: { amountMinor, idempotencyKey } }),
      (paid) => {
        setDone(paid.order.status === 'fulfilled' ? t.payments.paidInFull : t.payments.paidPart(money(paid.order.dueMinor)));
        setAmount(undefined);
        if (props.onPaid) props.onPaid();
        else window.location.reload();
      },
    );
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
      {error !== undefined && <ErrorAlert error={error} />}
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
