// Renewing a subscription (issue #15): one or several periods into the cart or paid from the balance at once, with the
// price (net and with VAT), paid-until afterwards and the balance; "renew all due" puts every due one into the cart.
// The services pages mount the panels; /services/:id/renew is the renewal on a page of its own (the "Renew" action).
// A distributor's client sees why it cannot renew (403 ORDERED_BY_DISTRIBUTOR, the error's own text).

import { useMemo, useState } from 'preact/hooks';
import { api, request, type ReplyOf, type SubscriptionView } from '../api.ts';
import { ErrorAlert, Frame, Link, useResource, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { mayPayWith, useMyRole } from '../my-role.ts';

type Quote = ReplyOf<typeof api.renewals.getRenewalQuote>;

/** Periods the panel offers (the API takes up to 10). */
const PERIOD_CHOICES = [1, 2, 3, 4, 5];

export function RenewPanel(props: { subscription: SubscriptionView; onChanged: () => void }) {
  return (
    <RenewForm subscriptionId={props.subscription.subscriptionId} accountId={props.subscription.accountId} onChanged={props.onChanged} />
  );
}

function RenewForm(props: { subscriptionId: string; accountId?: string; onChanged: () => void; summary?: boolean }) {
  const { t, formatDate, formatMoney } = useI18n();
  const role = useMyRole();
  const [periods, setPeriods] = useState(1);
  const [loads, setLoads] = useState(0);
  const [renewals, setRenewals] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ kind: 'cart' } | { kind: 'paid'; paidUntil: string } | undefined>();
  // A fresh key per renewal (not per attempt): a double click or a retry after an error pays once.
  const key = useMemo(() => crypto.randomUUID(), [renewals, periods]);
  // The subscription's own account: the caller's, or (for a distributor) its client's; the server checks which.
  const clientId = props.accountId ? { clientId: props.accountId } : {};
  const found = useResource(
    (signal) =>
      request(api.renewals.getRenewalQuote, { path: { subscriptionId: props.subscriptionId }, query: { periods, ...clientId }, signal }),
    `${props.subscriptionId}-${periods}-${loads}`,
  );
  const quote = found.data;

  const renew = async (payWith: 'cart' | 'balance') => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setDone(undefined);
    try {
      const answer = await request(api.renewals.renewSubscription, {
        path: { subscriptionId: props.subscriptionId },
        body: { periods, payWith, idempotencyKey: key, ...clientId },
      });
      setDone(answer.subscription ? { kind: 'paid', paidUntil: answer.subscription.paidUntil } : { kind: 'cart' });
      setRenewals((count) => count + 1);
      setLoads((count) => count + 1);
      props.onChanged();
    } catch (caught) {
      setError(caught);
      setLoads((count) => count + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card section" aria-labelledby="renew-title" data-testid="renew-panel">
      <h2 id="renew-title">{t.renewals.title}</h2>
      {found.error !== undefined ? (
        <ErrorAlert error={found.error} onRetry={found.retry} />
      ) : !quote ? (
        <p class="muted" role="status">
          {t.app.loading}
        </p>
      ) : (
        <>
          {props.summary && <Summary quote={quote} />}
          <div class="field">
            <label for="renew-periods">{t.renewals.periods}</label>
            <select
              id="renew-periods"
              value={String(periods)}
              disabled={busy}
              onChange={(event) => {
                setPeriods(Number((event.target as HTMLSelectElement).value));
                setDone(undefined);
              }}
            >
              {PERIOD_CHOICES.map((count) => (
                <option key={count} value={String(count)}>
                  {t.renewals.periodLength(quote.subscription.period.unit, quote.subscription.period.count * count)}
                </option>
              ))}
            </select>
          </div>
          {quote.line ? (
            <dl class="facts">
              <div>
                <dt>{t.renewals.price}</dt>
                <dd data-testid="renew-price">
                  {t.renewals.priceNetGross(formatMoney(quote.line.subtotal), formatMoney(quote.line.gross))}
                </dd>
              </div>
              <div>
                <dt>{t.renewals.paidUntilAfter}</dt>
                <dd data-testid="renew-paid-until-after">{formatDate(quote.paidUntilAfter)}</dd>
              </div>
              <div>
                <dt>{t.renewals.balance}</dt>
                <dd data-testid="renew-balance">{formatMoney(quote.balance)}</dd>
              </div>
            </dl>
          ) : (
            <p class="alert alert-info">{t.renewals.unavailable[quote.unavailable?.code ?? ''] ?? quote.unavailable?.message}</p>
          )}
          {done && (
            <p class="alert alert-info" role="status" data-testid="renew-done">
              {done.kind === 'paid' ? t.renewals.renewed(formatDate(done.paidUntil)) : t.renewals.addedToCart}{' '}
              {done.kind === 'cart' && <Link href="/cart">{t.renewals.toCart}</Link>}
            </p>
          )}
          {error !== null && <ErrorAlert error={error} />}
          {quote.line && mayPayWith(role) && (
            <p class="actions-row">
              <button type="button" class="button secondary" disabled={busy} onClick={() => void renew('cart')}>
                {t.renewals.addToCart}
              </button>
              <button
                type="button"
                class="button primary"
                disabled={busy || quote.balance.amountMinor < quote.line.gross.amountMinor}
                onClick={() => void renew('balance')}
              >
                {busy ? t.renewals.paying : t.renewals.payFromBalance}
              </button>
            </p>
          )}
          {quote.line && mayPayWith(role) && quote.balance.amountMinor < quote.line.gross.amountMinor && (
            <p class="muted small">
              {t.renewals.balanceShort} <Link href="/balance">{t.renewals.topUp}</Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}

function Summary(props: { quote: Quote }) {
  const { t, formatDate } = useI18n();
  const { subscription } = props.quote;
  return (
    <dl class="facts" data-testid="renew-summary">
      <div>
        <dt>{t.renewals.service}</dt>
        <dd>
          {subscription.product} {subscription.plan}
          {subscription.identifier ? ` (${subscription.identifier.value})` : ''}
        </dd>
      </div>
      <div>
        <dt>{t.renewals.paidUntil}</dt>
        <dd data-testid="renew-paid-until">{formatDate(subscription.paidUntil)}</dd>
      </div>
    </dl>
  );
}

/** Whose due subscriptions "renew all due" renews (the server's scope): the account's, a client's, or all clients'. */
export type RenewDueScope = { clientId?: string; allClients?: boolean };

/**
 * "Renew all due": the due subscriptions the page listed (the server's renew-due list of the same scope, at most one
 * cart's worth) into the cart at once, then a link to the cart; `more` says more are due than one cart holds.
 */
export function RenewAllDue(props: { due: number; more: boolean; scope: RenewDueScope; onChanged: () => void }) {
  const { t } = useI18n();
  const role = useMyRole();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<{ count: number; more: boolean } | undefined>();
  if ((props.due === 0 && added === undefined) || !mayPayWith(role)) return null;

  const renewAll = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await request(api.renewals.renewAllDue, { body: props.scope });
      setAdded({ count: answer.added, more: answer.more });
      props.onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="section" data-testid="renew-all-due">
      {props.due > 0 && (
        <button type="button" class="button primary" disabled={busy} onClick={() => void renewAll()}>
          {t.renewals.renewAllDue(props.due)}
        </button>
      )}
      {(added?.more ?? props.more) && <p class="muted small">{t.renewals.moreDue}</p>}
      {added !== undefined && (
        <p class="alert alert-info" role="status">
          {t.renewals.addedAllDue(added.count)} <Link href="/cart">{t.renewals.toCart}</Link>
        </p>
      )}
      {error !== null && <ErrorAlert error={error} />}
    </div>
  );
}

/** The renewal on a page of its own (the services list's "Renew", a reminder's link). */
export function RenewSubscriptionPage(props: { subscriptionId: string }) {
  const { t } = useI18n();
  useTitle(t.renewals.pageTitle);
  return (
    <Frame pool="customer" signedIn>
      <p>
        <Link href="/services">{t.renewals.back}</Link>
      </p>
      <h1>{t.renewals.pageTitle}</h1>
      <RenewForm subscriptionId={props.subscriptionId} onChanged={() => undefined} summary />
    </Frame>
  );
}
