// Cancelling a subscription (issue #15), per the stage's service terms: first what will happen (it ends at paid-until,
// or now with the unused days going back to the balance with a correction invoice), then a confirm step, then the
// result with the way to the balance and the invoices. A cancellation at the period's end can be resumed until then.
// The services pages mount the panel; /services/:subscriptionId/cancel shows it on a page of its own. A distributor
// cancels a client's subscription (the panel names the subscription's account as `clientId`, as the renew panel does);
// a distributor's client sees who cancels what its distributor paid (403 ORDERED_BY_DISTRIBUTOR).

import { useState } from 'preact/hooks';
import { cancelSubscription } from '#shared/api/cancellations.ts';
import { api, ApiError, type ReplyOf, request, type SubscriptionView } from '../api.ts';
import { DistributorNotice } from './Distributors.tsx';
import { ErrorAlert, Frame, Link, useResource, useTitle } from '../components.tsx';
import { Field } from '../fields.tsx';
import { limitsOf } from '../form-checks.ts';
import { useI18n } from '../i18n.ts';
import { mayPayWith, useMyRole } from '../my-role.ts';

type Preview = ReplyOf<typeof api.cancellations.getCancellation>;
type Result = ReplyOf<typeof api.cancellations.cancelSubscription>;

const reasonLimits = limitsOf(cancelSubscription.request.body.shape.reason);

/** What cancelling now does, in words: the end, and the refund or why there is none. */
function WhatHappens(props: { preview: Preview }) {
  const { t, formatDate, formatMoney } = useI18n();
  const { preview } = props;
  const m = t.cancellations;
  if (preview.ends === 'at-period-end' && preview.endsAt) {
    return <p data-testid="cancel-what">{m.endsAtPeriodEnd(formatDate(preview.endsAt))}</p>;
  }
  return (
    <div data-testid="cancel-what">
      {preview.refund ? (
        <>
          {preview.refund.corrects.length === 1 ? (
            <p>{m.endsNowRefund(formatMoney(preview.refund), preview.refund.corrects[0]!.number)}</p>
          ) : (
            <>
              <p>{m.endsNowRefundMany(formatMoney(preview.refund), preview.refund.corrects.length)}</p>
              <ul>
                {preview.refund.corrects.map((corrected) => (
                  <li key={corrected.invoiceId}>
                    {m.refundPart(
                      formatMoney({ amountMinor: corrected.amountMinor, currency: preview.refund!.currency }),
                      corrected.number,
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p class="muted small">{m.daysUnused(preview.refund.daysLeft, preview.refund.daysInPeriod)}</p>
        </>
      ) : (
        <p>
          {m.endsNow} {preview.noRefund ? m.noRefund[preview.noRefund] : ''}
        </p>
      )}
    </div>
  );
}

/** After the cancellation: what happened, and where the money and the correction invoice are. */
function Done(props: { result: Result }) {
  const { t, formatDate, formatMoney } = useI18n();
  const m = t.cancellations;
  const { result } = props;
  return (
    <div class="alert alert-info" role="status" data-testid="cancel-result">
      {result.subscription.status === 'cancelled' ? (
        <p>{m.cancelledUntil(formatDate(result.subscription.paidUntil))}</p>
      ) : (
        <>
          <p>{result.refund ? m.endedRefund(formatMoney(result.refund)) : m.ended}</p>
          {result.refund?.corrections.map((correction) => (
            <p key={correction.invoiceId}>{m.correctionIssued(correction.number)}</p>
          ))}
          {result.refund && (
            <p>
              <Link href="/balance">{m.seeBalance}</Link> · <Link href="/invoices">{m.seeInvoices}</Link>
            </p>
          )}
        </>
      )}
    </div>
  );
}

/** A refusal; a distributor's client is told who cancels what its distributor paid, with the contact. */
function CancelError(props: { error: unknown; onRetry?: () => void }) {
  if (props.error instanceof ApiError && props.error.code === 'ORDERED_BY_DISTRIBUTOR') {
    return (
      <div data-testid="cancel-by-distributor">
        <ErrorAlert error={props.error} />
        <DistributorNotice />
      </div>
    );
  }
  return <ErrorAlert error={props.error} {...(props.onRetry ? { onRetry: props.onRetry } : {})} />;
}

export function CancelPanel(props: { subscription: SubscriptionView; onChanged: () => void }) {
  const { t, formatDate } = useI18n();
  const m = t.cancellations;
  const role = useMyRole();
  const [preview, setPreview] = useState<Preview | undefined>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<Result | undefined>();
  const [resumed, setResumed] = useState(false);
  const { subscription } = props;
  // The subscription's own account: the caller's, or (for a distributor) its client's; the server checks which.
  const clientId = subscription.accountId;

  if (!mayPayWith(role) && !result) return null;
  if (result) {
    return (
      <section class="card section" aria-labelledby="cancel-title" data-testid="cancel-panel">
        <h2 id="cancel-title">{m.title}</h2>
        <Done result={result} />
      </section>
    );
  }
  if (subscription.status === 'ended') return null;

  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught);
      // The refund changed since it was shown (a renewal, another day begun): show the new one to confirm again.
      if (caught instanceof ApiError && caught.code === 'REFUND_CHANGED') {
        setPreview(
          await request(api.cancellations.getCancellation, { path: { subscriptionId: subscription.subscriptionId }, query: { clientId } }),
        );
      }
    } finally {
      setBusy(false);
    }
  };
  const start = () =>
    run(async () => {
      setResumed(false);
      setPreview(
        await request(api.cancellations.getCancellation, { path: { subscriptionId: subscription.subscriptionId }, query: { clientId } }),
      );
    });
  const confirm = (event: Event) => {
    event.preventDefault();
    if (!preview) return;
    return run(async () => {
      const done = await request(api.cancellations.cancelSubscription, {
        path: { subscriptionId: subscription.subscriptionId },
        body: { acceptedRefundMinor: preview.refund?.amountMinor ?? 0, clientId, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      });
      setResult(done);
      setPreview(undefined);
      props.onChanged();
    });
  };
  const resume = () =>
    run(async () => {
      await request(api.cancellations.resumeSubscription, { path: { subscriptionId: subscription.subscriptionId }, body: { clientId } });
      setResumed(true);
      props.onChanged();
    });

  // A cancellation at the period's end runs: it can be taken back until then.
  if (subscription.status === 'cancelled') {
    return (
      <section class="card section" aria-labelledby="cancel-title" data-testid="cancel-panel">
        <h2 id="cancel-title">{m.title}</h2>
        <p>{m.cancelledUntil(formatDate(subscription.paidUntil))}</p>
        {error !== null && <CancelError error={error} />}
        <div class="actions">
          <button type="button" class="button secondary" onClick={resume} disabled={busy}>
            {busy ? m.resuming : m.resume}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section class="card section" aria-labelledby="cancel-title" data-testid="cancel-panel">
      <h2 id="cancel-title">{m.title}</h2>
      {resumed && (
        <p class="alert alert-info" role="status">
          {m.resumed}
        </p>
      )}
      {error !== null && <CancelError error={error} />}
      {preview ? (
        preview.cancellable ? (
          <form onSubmit={confirm} noValidate aria-busy={busy}>
            <WhatHappens preview={preview} />
            <Field id="cancel-reason" label={m.reasonLabel} value={reason} onInput={setReason} required={false} limits={reasonLimits} />
            <div class="actions">
              <button type="submit" class="button primary" disabled={busy}>
                {busy ? m.confirming : m.confirm}
              </button>
              <button type="button" class="button secondary" onClick={() => setPreview(undefined)} disabled={busy}>
                {m.keep}
              </button>
            </div>
          </form>
        ) : (
          <p>{m.cancelledUntil(formatDate(preview.endsAt ?? subscription.paidUntil))}</p>
        )
      ) : (
        <>
          <p class="muted">{m.intro}</p>
          <button type="button" class="button secondary" onClick={start} disabled={busy}>
            {m.start}
          </button>
        </>
      )}
    </section>
  );
}

/** The panel on a page of its own (the services list's "Cancel" action). */
export function CancelSubscriptionPage(props: { subscriptionId: string }) {
  const { t } = useI18n();
  const [loads, setLoads] = useState(0);
  const clientId = new URLSearchParams(location.search).get('clientId') ?? undefined;
  const found = useResource(
    (signal) =>
      request(api.cancellations.getCancellation, {
        path: { subscriptionId: props.subscriptionId },
        query: clientId ? { clientId } : {},
        signal,
      }),
    `${props.subscriptionId}-${clientId ?? ''}-${loads}`,
  );
  const subscription = found.data?.subscription;
  useTitle(subscription ? t.cancellations.pageTitle(subscription.product, subscription.plan) : t.cancellations.title);
  return (
    <Frame pool="customer" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{subscription ? t.cancellations.pageTitle(subscription.product, subscription.plan) : t.cancellations.title}</h1>
        {subscription?.identifier && <p class="muted">{subscription.identifier.value}</p>}
      </div>
      {found.error !== undefined && <CancelError error={found.error} onRetry={found.retry} />}
      {subscription && (
        <>
          {subscription.status === 'ended' && <p>{t.cancellations.ended}</p>}
          <CancelPanel subscription={subscription} onChanged={() => setLoads((count) => count + 1)} />
        </>
      )}
    </Frame>
  );
}
