// Changing a service plan (issue #15, seed 004): the plans of the service with their prices, the preview of the one
// chosen (what is charged or credited now and why, the days), then the confirmation (an upgrade paid from the balance
// or by transfer); afterwards the new plan, or the order to pay. The services pages mount PlanPanel; /services/:id/plan
// shows it on a page of its own.

import { useState } from 'preact/hooks';
import { ApiError, api, type ReplyOf, request, type SubscriptionView } from '../api.ts';
import { ErrorAlert, Frame, Link, useResource, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { mayPayWith, useMyRole } from '../my-role.ts';
import { DistributorNotice } from './Distributors.tsx';
import { useSubmit } from './use-submit.ts';

type Plans = ReplyOf<typeof api.planChanges.listPlans>;
type Choice = Plans['plans'][number];
type Changed = ReplyOf<typeof api.planChanges.changePlan>;

const clientQuery = (clientId: string | undefined) => (clientId ? { clientId } : {});

export function PlanPanel(props: { subscription: SubscriptionView; clientId?: string; onChanged: () => void }) {
  return <PlanChooser subscriptionId={props.subscription.subscriptionId} clientId={props.clientId} onChanged={props.onChanged} />;
}

/** The page of its own: /services/:subscriptionId/plan (a distributor adds ?clientId=). */
export function ChangePlanPage(props: { subscriptionId: string }) {
  const { t } = useI18n();
  useTitle(t.planChanges.title);
  const clientId = new URLSearchParams(location.search).get('clientId') ?? undefined;
  return (
    <Frame pool="customer" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.planChanges.title}</h1>
        <p class="muted">{t.planChanges.intro}</p>
      </div>
      <PlanChooser subscriptionId={props.subscriptionId} clientId={clientId} onChanged={() => undefined} />
      <p>
        <Link href="/services">{t.planChanges.back}</Link>
      </p>
    </Frame>
  );
}

function PlanChooser(props: { subscriptionId: string; clientId: string | undefined; onChanged: () => void }) {
  const { t, formatMoney, formatDate, errorMessage } = useI18n();
  const texts = t.planChanges;
  const mayChange = mayPayWith(useMyRole());
  const submitting = useSubmit();
  const { busy, error } = submitting;
  const found = useResource(
    (signal) =>
      request(api.planChanges.listPlans, { path: { subscriptionId: props.subscriptionId }, query: clientQuery(props.clientId), signal }),
    `${props.subscriptionId}#${props.clientId ?? ''}#${submitting.loads}`,
  );
  const [chosenSku, setChosenSku] = useState<string | undefined>();
  const [payWith, setPayWith] = useState<'balance' | 'bank-transfer'>('balance');
  const [done, setDone] = useState<Changed | undefined>();

  if (found.error !== undefined) return <ErrorAlert error={found.error} onRetry={found.retry} />;
  const data = found.data;
  if (!data) return <p class="muted">{t.app.loading}</p>;
  const { subscription, current } = data;
  const period = texts.period(subscription.period.unit, subscription.period.count);
  const chosen = data.plans.find((choice) => choice.sku === chosenSku);
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency: current.price.currency });

  const confirm = (event: Event) => {
    event.preventDefault();
    if (!chosen) return;
    // The key makes a double click or a retry change the plan once; a 409 (the price or the subscription moved) shows
    // today's figures under the refusal.
    void submitting.submit(
      (idempotencyKey) =>
        request(api.planChanges.changePlan, {
          path: { subscriptionId: props.subscriptionId },
          body: {
            toSku: chosen.sku,
            payWith,
            idempotencyKey,
            acceptedAmountMinor: chosen.preview.grossMinor,
            ...clientQuery(props.clientId),
          },
        }),
      (changed) => {
        setDone(changed);
        setChosenSku(undefined);
        props.onChanged();
      },
    );
  };

  return (
    <section class="card section" aria-labelledby="plan-panel-title" data-testid="plan-panel">
      <h2 id="plan-panel-title">{texts.heading(subscription.product)}</h2>
      <dl class="facts">
        <div>
          <dt>{texts.current}</dt>
          <dd data-testid="plan-current">
            {current.plan} · {texts.perPeriod(formatMoney(current.price), period)} · {texts.users(current.users)}
          </dd>
        </div>
        <div>
          <dt>{texts.paidUntil}</dt>
          <dd>{formatDate(subscription.paidUntil)}</dd>
        </div>
        {subscription.pendingPlan && (
          <div>
            <dt>{texts.scheduledLabel}</dt>
            <dd data-testid="plan-pending">{texts.scheduled(subscription.pendingPlan.plan, formatDate(subscription.paidUntil))}</dd>
          </div>
        )}
      </dl>
      {done && <Outcome changed={done} />}
      {data.unavailable ? (
        data.unavailable.code === 'ORDERED_BY_DISTRIBUTOR' ? (
          <>
            <p class="muted">{texts.byDistributor}</p>
            <DistributorNotice />
          </>
        ) : (
          <p class="muted" data-testid="plan-unavailable">
            {errorMessage(new ApiError(409, data.unavailable.code, data.unavailable.message))}
          </p>
        )
      ) : data.plans.length === 0 ? (
        <p class="muted">{texts.noPlans}</p>
      ) : (
        <form onSubmit={confirm} noValidate aria-busy={busy}>
          <fieldset>
            <legend>{texts.choose}</legend>
            {data.plans.map((choice) => (
              <label key={choice.sku} class="payment-choice">
                <input
                  type="radio"
                  name="plan"
                  value={choice.sku}
                  checked={chosenSku === choice.sku}
                  onChange={() => {
                    setChosenSku(choice.sku);
                    submitting.clearError();
                  }}
                />
                <span>
                  <strong>{choice.plan}</strong> · {texts.perPeriod(formatMoney(choice.price), period)}
                  <span class="muted small block">
                    {texts.users(choice.users)} · {texts.direction[choice.direction]}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          {chosen && <Preview choice={chosen} current={current.price.amountMinor} money={money} />}
          {chosen && chosen.direction === 'upgrade' && mayChange && (
            <fieldset>
              <legend>{texts.payWith}</legend>
              {(['balance', 'bank-transfer'] as const).map((option) => (
                <label key={option} class="payment-choice">
                  <input type="radio" name="pay-with" value={option} checked={payWith === option} onChange={() => setPayWith(option)} />
                  <span>{texts.methods[option]}</span>
                </label>
              ))}
            </fieldset>
          )}
          {error !== undefined && <ErrorAlert error={error} />}
          {mayChange ? (
            <button type="submit" class="button primary" disabled={!chosen || busy} data-testid="plan-confirm">
              {busy ? texts.confirming : texts.confirm}
            </button>
          ) : (
            <p class="muted">{texts.readOnly}</p>
          )}
        </form>
      )}
    </section>
  );
}

/** What choosing the plan does now, and why (the difference per period for the days left). */
function Preview(props: { choice: Choice; current: number; money: (amountMinor: number) => string }) {
  const { t, formatDate } = useI18n();
  const texts = t.planChanges;
  const { preview } = props.choice;
  const difference = props.money(Math.abs(props.choice.price.amountMinor - props.current));
  return (
    <div class="alert alert-info" role="status" data-testid="plan-preview">
      {preview.effect === 'at-period-end' ? (
        <p>{texts.atPeriodEnd(formatDate(preview.appliesOn ?? ''))}</p>
      ) : (
        <>
          <p>
            <strong>
              {preview.effect === 'charge' ? texts.charge(props.money(preview.grossMinor)) : texts.credit(props.money(preview.grossMinor))}
            </strong>
          </p>
          <p class="small">
            {texts.breakdown(props.money(preview.netMinor), props.money(preview.vatMinor), props.money(preview.grossMinor))}
          </p>
          <p class="small">
            {texts.why(difference, preview.daysLeft, preview.daysInPeriod)}
            {preview.periodsAfter > 0 && ` ${texts.periodsAhead(preview.periodsAfter)}`}
          </p>
          {preview.corrects && <p class="small">{texts.corrects(preview.corrects.number)}</p>}
        </>
      )}
    </div>
  );
}

function Outcome(props: { changed: Changed }) {
  const { t, formatDate } = useI18n();
  const texts = t.planChanges;
  const { changed } = props;
  return (
    <div class="alert alert-info" role="status" data-testid="plan-outcome">
      {changed.outcome === 'ordered' && changed.order ? (
        <p>
          {texts.ordered(changed.order.reference)} <Link href={`/orders/${changed.order.orderId}`}>{texts.orderLink}</Link>
        </p>
      ) : changed.outcome === 'scheduled' && changed.subscription.pendingPlan ? (
        <p>{texts.scheduled(changed.subscription.pendingPlan.plan, formatDate(changed.subscription.paidUntil))}</p>
      ) : changed.outcome === 'unchanged' ? (
        <p>{texts.unchanged}</p>
      ) : (
        <p>{texts.changed(changed.subscription.plan)}</p>
      )}
    </div>
  );
}
