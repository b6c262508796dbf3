// One subscription's manage page (issue #15, seed 004's actions): its plan, address, period, price, paid-until, days
// left and status; automatic renewal on or off (owner, billing; a distributor for its client, a client read-only); the invoice that paid the period; the renew, change
// plan and cancel panels their areas fill; and its history a page at a time.

import { useState } from 'preact/hooks';
import { ROLE_AREAS } from '#shared/accounts/roles.ts';
import { api, type Page, type PageRequest, request, type SubscriptionEventView, type SubscriptionView } from '../api.ts';
import { ErrorAlert, Frame, isNotFound, Link, NotOnAccount, PagedTable, usePagedList, useResource, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { mayPayWith, roleIn, useAccountFacts } from '../my-role.ts';
import { CancelPanel } from './cancel-panel.tsx';
import { clientQuery, DistributorNotice } from './Distributors.tsx';
import { InvoicePdfButton } from './invoice-parts.tsx';
import { PlanPanel } from './plan-panel.tsx';
import { RenewPanel } from './renew-panel.tsx';
import { IdentifierText, ServiceName, shortId, SubscriptionStatusBadge, usePricePerPeriod } from './service-parts.tsx';

/** Who switches auto-renew: the account (owner, billing), or a distributor for its client (`clientId`: it pays). */
interface AutoRenewAccess {
  mayChange: boolean;
  clientId?: string | undefined;
  /** The account is a distributor's client: its distributor switches it (the notice says whom to ask). */
  orderedByDistributor: boolean;
}

function AutoRenew(props: { subscription: SubscriptionView; access: AutoRenewAccess; onChanged: (view: SubscriptionView) => void }) {
  const { t } = useI18n();
  const { subscription } = props;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const toggle = async () => {
    setBusy(true);
    setFailure(undefined);
    setSaved(undefined);
    try {
      const view = await request(api.subscriptions.setAutoRenew, {
        path: { subscriptionId: subscription.subscriptionId },
        body: { autoRenew: !subscription.autoRenew, ...(props.access.clientId ? { clientId: props.access.clientId } : {}) },
      });
      setSaved(t.services.autoRenewSaved(view.autoRenew));
      props.onChanged(view);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="auto-renew">
      <p>
        <span data-testid="auto-renew-state">{subscription.autoRenew ? t.services.autoRenewIsOn : t.services.autoRenewIsOff}</span>
      </p>
      <p class="muted small">{t.services.autoRenewHelp}</p>
      {props.access.orderedByDistributor && <DistributorNotice />}
      {props.access.mayChange && subscription.status !== 'ended' && (
        <button type="button" class="button secondary" onClick={toggle} disabled={busy} aria-busy={busy}>
          {subscription.autoRenew ? t.services.turnOff : t.services.turnOn}
        </button>
      )}
      <p role="status" class="small">
        {saved ?? ''}
      </p>
      {failure !== undefined && <ErrorAlert error={failure} />}
    </div>
  );
}

function Facts(props: {
  subscription: SubscriptionView;
  autoRenew: AutoRenewAccess;
  mayReadInvoices: boolean;
  onChanged: (view: SubscriptionView) => void;
}) {
  const { t, formatDate } = useI18n();
  const pricePerPeriod = usePricePerPeriod();
  const { subscription } = props;
  return (
    <dl class="facts card" data-testid="subscription-facts">
      <div>
        <dt>{t.services.plan}</dt>
        <dd>
          <ServiceName subscription={subscription} />
        </dd>
      </div>
      <div>
        <dt>{t.services.identifier}</dt>
        <dd>
          <IdentifierText subscription={subscription} />
        </dd>
      </div>
      <div>
        <dt>{t.services.users}</dt>
        <dd>{subscription.users}</dd>
      </div>
      <div>
        <dt>{t.services.billingPeriod}</dt>
        <dd>{t.services.period(subscription.period.unit, subscription.period.count)}</dd>
      </div>
      <div>
        <dt>{t.services.price}</dt>
        <dd>{pricePerPeriod(subscription)}</dd>
      </div>
      <div>
        <dt>{t.services.started}</dt>
        <dd>
          <time dateTime={subscription.startedAt}>{formatDate(subscription.startedAt)}</time>
        </dd>
      </div>
      <div>
        <dt>{t.services.paidUntil}</dt>
        <dd>
          <time dateTime={subscription.paidUntil} data-testid="paid-until">
            {formatDate(subscription.paidUntil)}
          </time>
        </dd>
      </div>
      <div>
        <dt>{t.services.daysLeft}</dt>
        <dd data-testid="days-left">{subscription.daysLeft}</dd>
      </div>
      <div>
        <dt>{t.services.status}</dt>
        <dd>
          <SubscriptionStatusBadge status={subscription.status} />
          {subscription.cancelRequestedAt && subscription.status !== 'ended' && (
            <span class="muted small block">{t.services.cancelRequested(formatDate(subscription.paidUntil))}</span>
          )}
          {subscription.pendingPlan && (
            <span class="muted small block">
              {t.services.pendingPlan(subscription.pendingPlan.plan, formatDate(subscription.paidUntil))}
            </span>
          )}
        </dd>
      </div>
      <div>
        <dt>{t.services.autoRenew}</dt>
        <dd>
          <AutoRenew subscription={subscription} access={props.autoRenew} onChanged={props.onChanged} />
        </dd>
      </div>
      {subscription.lastInvoice && props.mayReadInvoices && (
        <div>
          <dt>{t.services.payingInvoice}</dt>
          <dd>
            <InvoicePdfButton invoice={subscription.lastInvoice} />
          </dd>
        </div>
      )}
    </dl>
  );
}

/**
 * The invoices a history row names: a cancellation's every correction (an older event: its first, as `invoice`), or
 * the invoice that paid a renewal or plan change.
 */
function eventInvoices(event: SubscriptionEventView): NonNullable<SubscriptionEventView['corrections']> {
  if (event.corrections?.length) return event.corrections;
  return event.invoice ? [event.invoice] : [];
}

/**
 * One invoice of a history row: its PDF when the reader's account holds it (the licensee's own page), else its number
 * (a correction credited to the distributor that paid); with its amount when the row names several.
 */
function EventInvoice(props: { invoice: ReturnType<typeof eventInvoices>[number]; accountId: string; withAmount: boolean }) {
  const { formatMoney } = useI18n();
  const { invoice } = props;
  const own = invoice.accountId === undefined || invoice.accountId === props.accountId;
  return (
    <span>
      {own ? <InvoicePdfButton invoice={invoice} /> : invoice.number}
      {props.withAmount && invoice.amount && <span class="muted small"> ({formatMoney(invoice.amount)})</span>}
    </span>
  );
}

/** One history row's paid-until change, order or invoices, and amount. */
function HistoryRow(props: { event: SubscriptionEventView; accountId: string; mayReadInvoices: boolean }) {
  const { t, formatDate, formatDateTime, formatMoney } = useI18n();
  const { event } = props;
  const invoices = props.mayReadInvoices ? eventInvoices(event) : [];
  const detail = [
    event.autoRenew === undefined ? '' : event.autoRenew ? t.services.turnedOn : t.services.turnedOff,
    event.status ? `${t.services.statuses[event.status.from]} → ${t.services.statuses[event.status.to]}` : '',
    event.plan ? `${event.plan.from} → ${event.plan.to}` : '',
    event.identifier ? `${event.identifier.from ? `${event.identifier.from} → ` : ''}${event.identifier.to}` : '',
    event.periods !== undefined ? t.services.periods(event.periods) : '',
    event.days !== undefined && event.kind === 'reminded' ? t.services.daysBefore(event.days) : '',
  ].filter(Boolean);
  return (
    <tr data-testid="history-row">
      <td>
        {t.services.events[event.kind]}
        {detail.length > 0 && <span class="muted small block">{detail.join(' · ')}</span>}
      </td>
      <td>
        <time dateTime={event.at}>{formatDateTime(event.at)}</time>
      </td>
      <td>{t.services.actors[event.by]}</td>
      <td>{event.paidUntil ? `${formatDate(event.paidUntil.from)} → ${formatDate(event.paidUntil.to)}` : t.app.notAvailable}</td>
      <td>
        {event.order && <Link href={`/orders/${event.order.orderId}`}>{event.order.reference}</Link>}
        {invoices.map((invoice, index) => (
          <span key={invoice.invoiceId}>
            {(index > 0 || event.order) && ' · '}
            <EventInvoice invoice={invoice} accountId={props.accountId} withAmount={invoices.length > 1} />
          </span>
        ))}
        {!event.order && invoices.length === 0 && t.app.notAvailable}
      </td>
      <td class="num">{event.amount ? formatMoney(event.amount) : t.app.notAvailable}</td>
    </tr>
  );
}

/** The history: its first page came with the detail; "more" reads the next ones. */
function History(props: {
  subscriptionId: string;
  /** The licensee's account: the reader's own when it may read invoices (a distributor reading a client's may not). */
  accountId: string;
  clientId: string | undefined;
  first: Page<SubscriptionEventView>;
  mayReadInvoices: boolean;
}) {
  const { t } = useI18n();
  const { subscriptionId, clientId, first } = props;
  const history = usePagedList(
    (page: PageRequest, signal): Promise<Page<SubscriptionEventView>> =>
      page.cursor === undefined
        ? Promise.resolve(first)
        : request(api.subscriptions.listSubscriptionHistory, {
            path: { subscriptionId },
            query: { ...page, ...(clientId ? { clientId } : {}) },
            signal,
          }),
  );
  return (
    <section class="section" aria-labelledby="history-heading">
      <h2 id="history-heading">{t.services.historyHeading}</h2>
      <PagedTable<SubscriptionEventView>
        list={history}
        testId="subscription-history"
        compact
        caption={t.services.historyCaption}
        empty={{ title: t.services.noHistory, help: t.services.noHistoryHelp }}
        showing={t.services.showingEvents(history.items.length)}
        head={
          <>
            <th scope="col">{t.services.event}</th>
            <th scope="col">{t.services.when}</th>
            <th scope="col">{t.services.by}</th>
            <th scope="col">{t.services.paidUntilChange}</th>
            <th scope="col">{t.services.orderOrInvoice}</th>
            <th scope="col" class="num">
              {t.services.amount}
            </th>
          </>
        }
        row={(event) => (
          <HistoryRow key={event.eventId} event={event} accountId={props.accountId} mayReadInvoices={props.mayReadInvoices} />
        )}
      />
    </section>
  );
}

export function SubscriptionDetailPage(props: { subscriptionId: string }) {
  const { t } = useI18n();
  const facts = useAccountFacts();
  const role = roleIn(facts);
  const clientId = new URLSearchParams(location.search).get('clientId') ?? undefined;
  const [version, setVersion] = useState(0);
  const [changed, setChanged] = useState<SubscriptionView | undefined>(undefined);
  const detail = useResource(
    (signal) =>
      request(api.subscriptions.getSubscription, {
        path: { subscriptionId: props.subscriptionId },
        query: clientId ? { clientId } : {},
        signal,
      }),
    `${props.subscriptionId}#${clientId ?? ''}#${version}`,
  );
  const subscription = changed && changed.subscriptionId === detail.data?.subscription.subscriptionId ? changed : detail.data?.subscription;
  // A distributor reading a client's service sees it; ordering for the client is the renew panel's (its area decides).
  // Auto-renew: a distributor switches its client's (paid from its own balance); a client sees its own read-only.
  const orderedByDistributor = !clientId && facts?.orderedBy !== undefined;
  const autoRenew: AutoRenewAccess = {
    mayChange: mayPayWith(role) && (clientId !== undefined || !orderedByDistributor),
    clientId,
    orderedByDistributor,
  };
  const mayReadInvoices = !clientId && role !== undefined && role !== null && (ROLE_AREAS.billingRead as readonly string[]).includes(role);
  const reload = () => {
    setChanged(undefined);
    setVersion((count) => count + 1);
  };
  const back = `/services${clientQuery(clientId)}`;
  useTitle(subscription ? `${subscription.product} ${subscription.plan}` : t.services.title);

  return (
    <Frame pool="customer" signedIn>
      <p class="back-link">
        <Link href={back}>{t.services.back}</Link>
      </p>
      <div class="page-head">
        <p class="eyebrow">
          {detail.data?.client ? `${detail.data.client.name} · ` : ''}
          {subscription ? shortId(subscription.subscriptionId) : '\u00a0'}
        </p>
        <h1 tabIndex={-1}>{subscription ? `${subscription.product} ${subscription.plan}` : t.services.title}</h1>
      </div>
      {detail.error !== undefined ? (
        isNotFound(detail.error) ? (
          <NotOnAccount title={t.services.notFound} help={t.services.notFoundHelp} back={{ href: back, label: t.services.back }} />
        ) : (
          <ErrorAlert error={detail.error} onRetry={detail.retry} />
        )
      ) : !subscription ? (
        <p class="muted" role="status">
          {t.app.loading}
        </p>
      ) : (
        <>
          <section class="section" aria-labelledby="facts-heading">
            <h2 id="facts-heading">{t.services.detailsHeading}</h2>
            <Facts
              subscription={subscription}
              autoRenew={autoRenew}
              mayReadInvoices={mayReadInvoices}
              onChanged={(view) => {
                setChanged(view);
                setVersion((count) => count + 1);
              }}
            />
          </section>
          <RenewPanel subscription={subscription} onChanged={reload} />
          {subscription.kind === 'service' && <PlanPanel subscription={subscription} onChanged={reload} />}
          {/* Always mounted: it shows the resume of a period-end cancellation, and keeps its result once ended. */}
          <CancelPanel subscription={subscription} onChanged={reload} />
          <History
            // A new first page (after a change) starts the history again from it.
            key={`${detail.data!.subscription.updatedAt}#${detail.data!.history.items[0]?.eventId ?? ''}`}
            subscriptionId={subscription.subscriptionId}
            accountId={subscription.accountId}
            clientId={clientId}
            first={detail.data!.history}
            mayReadInvoices={mayReadInvoices}
          />
        </>
      )}
    </Frame>
  );
}
