// The customer's services (issue #15, seeds 004 and 001): every subscription with its plan, address, paid-until, days
// left, status and price per period, a status filter, the upcoming renewals with "renew all due", and "Manage". A
// distributor also picks one of its clients (a client column then says whose). An empty list points to the shop.

import { useState } from 'preact/hooks';
import { api, type Page, type PageRequest, type ReplyOf, request, type SubscriptionView } from '../api.ts';
import {
  AfterAccountFacts,
  ErrorAlert,
  Frame,
  isNotFound,
  Link,
  NotOnAccount,
  PagedTable,
  usePagedList,
  useResource,
  useTitle,
} from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { navigate } from '../router.ts';
import { ClientFilter, clientQuery, DistributorNotice } from './Distributors.tsx';
import { RenewAllDue, type RenewDueScope } from './renew-panel.tsx';
import { SubscriptionCells, SubscriptionHeadCells } from './service-parts.tsx';

type SubscriptionRow = ReplyOf<typeof api.subscriptions.listSubscriptions>['items'][number];
type Status = SubscriptionView['status'];

const STATUSES: readonly Status[] = ['active', 'due', 'overdue', 'suspended', 'cancelled', 'ended'];

function servicesPath(query: { status?: string | undefined; clientId?: string | undefined }): string {
  const search = new URLSearchParams();
  if (query.status) search.set('status', query.status);
  if (query.clientId) search.set('clientId', query.clientId);
  const text = search.toString();
  return text ? `/services?${text}` : '/services';
}

export function ServicesPage() {
  const { t } = useI18n();
  const search = new URLSearchParams(location.search);
  const clientId = search.get('clientId') ?? undefined;
  const statusParam = search.get('status') ?? undefined;
  const status = STATUSES.find((value) => value === statusParam);
  const [reloads, setReloads] = useState(0);
  const scope = clientId ? { clientId } : {};
  const list = usePagedList(
    (page: PageRequest, signal): Promise<Page<SubscriptionRow>> =>
      request(api.subscriptions.listSubscriptions, { query: { ...page, ...scope, ...(status ? { status } : {}) }, signal }),
    `${clientId ?? ''}#${status ?? ''}#${reloads}`,
  );
  const reload = () => setReloads((count) => count + 1);
  const showClient = clientId !== undefined;
  useTitle(t.services.title);

  return (
    <Frame pool="customer" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.services.heading}</h1>
        <p class="muted">{t.services.intro}</p>
      </div>
      {/* The notice and the client filter depend on the account's facts: the page is laid out once they are known. */}
      <AfterAccountFacts>
        {(facts) => (
          <>
            <DistributorNotice />

            <div class="audit-filters">
              {facts?.distributor && (
                <ClientFilter
                  id="services-client"
                  clientId={clientId}
                  onChange={(chosen) => navigate(servicesPath({ status, clientId: chosen }))}
                />
              )}
              <div class="field">
                <label for="services-status">{t.services.statusFilter}</label>
                <select
                  id="services-status"
                  value={status ?? ''}
                  onChange={(event) => navigate(servicesPath({ status: event.currentTarget.value || undefined, clientId }))}
                >
                  <option value="">{t.services.allStatuses}</option>
                  {STATUSES.map((value) => (
                    <option key={value} value={value}>
                      {t.services.statuses[value]}
                    </option>
                  ))}
                </select>
              </div>
            </div>

            {list.status === 'error' && isNotFound(list.error) ? (
              <NotOnAccount
                title={t.services.notFound}
                help={t.services.notFoundHelp}
                back={{ href: '/services', label: t.services.back }}
              />
            ) : (
              <PagedTable<SubscriptionRow>
                list={list}
                testId="services-table"
                compact
                caption={t.services.tableCaption}
                empty={{ title: t.services.empty, help: t.services.emptyHelp }}
                showing={t.services.showing(list.items.length)}
                head={
                  <>
                    {showClient && <th scope="col">{t.distributors.client}</th>}
                    <SubscriptionHeadCells />
                    <th scope="col">
                      <span class="visually-hidden">{t.services.manage}</span>
                    </th>
                  </>
                }
                row={(subscription) => (
                  <tr key={subscription.subscriptionId} data-testid="service-row">
                    {showClient && <td>{subscription.client?.name ?? t.app.notAvailable}</td>}
                    <SubscriptionCells subscription={subscription} />
                    <td class="actions">
                      <Link href={`/services/${subscription.subscriptionId}${clientQuery(clientId)}`}>
                        {t.services.manage}
                        <span class="visually-hidden">
                          {' '}
                          {subscription.product} {subscription.plan}
                        </span>
                      </Link>
                    </td>
                  </tr>
                )}
              />
            )}
            {list.status === 'ready' && list.items.length === 0 && !status && (
              <p>
                <Link href="/shop">{t.services.toShop}</Link>
              </p>
            )}
            {/* Below the table, with its own read: shown once the table has its rows, so they never push it down in view. */}
            <UpcomingRenewals
              // What "renew all due" renews: this client's, or (a distributor on its own account) its own and every client's.
              scope={clientId ? { clientId } : facts?.distributor ? { allClients: true } : {}}
              shown={list.status !== 'loading' || list.items.length > 0}
              reloads={reloads}
              onChanged={reload}
            />
          </>
        )}
      </AfterAccountFacts>
    </Frame>
  );
}

/**
 * The upcoming renewals under the table, with "renew all due"; a distributor on its own account (its and all its
 * clients' due subscriptions) also sees which they are and whose, since the table above shows its own account only.
 */
function UpcomingRenewals(props: { scope: RenewDueScope; shown: boolean; reloads: number; onChanged: () => void }) {
  const { t, formatDate } = useI18n();
  const { clientId, allClients } = props.scope;
  const due = useResource(
    (signal) =>
      request(api.renewals.listDue, {
        query: { ...(clientId ? { clientId } : {}), ...(allClients ? { allClients: 'true' } : {}) },
        signal,
      }),
    `due#${clientId ?? ''}#${allClients ? 'all' : ''}#${props.reloads}`,
  );
  if (!props.shown) return null;
  if (due.error !== undefined) return <ErrorAlert error={due.error} onRetry={due.retry} />;
  if (!due.data) return null;
  const { items, more } = due.data;
  const dueNow = items.filter((subscription) => subscription.status === 'due').length;
  return (
    <section class="card section" aria-labelledby="upcoming-heading" data-testid="upcoming-renewals">
      <h2 id="upcoming-heading" class="visually-hidden">
        {t.home.renewals}
      </h2>
      <p>{items.length > 0 ? t.services.upcoming(dueNow, items.length - dueNow) : t.services.noneDue}</p>
      {props.scope.allClients && items.length > 0 && (
        <ul class="plain-list" data-testid="due-list" aria-label={t.renewals.dueAcrossClients}>
          {items.map((subscription) => (
            <li key={subscription.subscriptionId}>
              <strong>{subscription.client?.name ?? t.renewals.yourAccount}</strong>: {subscription.product} {subscription.plan}
              {subscription.identifier ? ` (${subscription.identifier.value})` : ''}, {t.services.statuses[subscription.status]},{' '}
              {t.renewals.paidUntil} {formatDate(subscription.paidUntil)}
            </li>
          ))}
        </ul>
      )}
      <RenewAllDue due={items.length} more={more} scope={props.scope} onChanged={props.onChanged} />
    </section>
  );
}
