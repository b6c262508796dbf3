// The customer's services (issue #15, seeds 004 and 001): every subscription with its plan, address, paid-until, days
// left, status and price per period, a status filter, the upcoming renewals with "renew all due", and "Manage". A
// distributor also picks one of its clients (a client column then says whose). An empty list points to the shop.

import { useState } from 'preact/hooks';
import { api, type Page, type PageRequest, type ReplyOf, request, type SubscriptionView } from '../api.ts';
import { ErrorAlert, Frame, isNotFound, Link, NotOnAccount, PagedTable, usePagedList, useResource, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { useIsDistributor } from '../my-role.ts';
import { navigate } from '../router.ts';
import { OrderedByDistributorNotice } from './distributor-notice.tsx';
import { ClientFilter, clientQuery } from './Distributors.tsx';
import { RenewAllDue } from './renew-panel.tsx';
import { SubscriptionCells, SubscriptionHeadCells } from './service-parts.tsx';

type SubscriptionRow = ReplyOf<typeof api.subscriptions.listSubscriptions>['items'][number];
type Status = SubscriptionView['status'];

const STATUSES: readonly Status[] = ['active', 'due', 'overdue', 'suspended', 'cancelled', 'ended'];
/** Due and overdue subscriptions "renew all due" and the note read: one page of each is plenty for a customer. */
const DUE_PAGE = 100;

function servicesPath(query: { status?: string | undefined; clientId?: string | undefined }): string {
  const search = new URLSearchParams();
  if (query.status) search.set('status', query.status);
  if (query.clientId) search.set('clientId', query.clientId);
  const text = search.toString();
  return text ? `/services?${text}` : '/services';
}

export function ServicesPage() {
  const { t } = useI18n();
  const distributor = useIsDistributor();
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
  const due = useResource(
    (signal) =>
      Promise.all(
        (['due', 'overdue'] as const).map((which) =>
          request(api.subscriptions.listSubscriptions, { query: { ...scope, status: which, limit: DUE_PAGE }, signal }),
        ),
      ).then(([dueNow, overdue]) => ({ due: dueNow!.items, overdue: overdue!.items })),
    `due#${clientId ?? ''}#${reloads}`,
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
      <OrderedByDistributorNotice />

      <div class="audit-filters">
        {distributor && (
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
        <NotOnAccount title={t.services.notFound} help={t.services.notFoundHelp} back={{ href: '/services', label: t.services.back }} />
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
      {/* Below the table: it arrives with its own read, and must not push the table down as it does (layout shift). */}
      {due.data && (
        <section class="card section" aria-labelledby="upcoming-heading" data-testid="upcoming-renewals">
          <h2 id="upcoming-heading" class="visually-hidden">
            {t.home.renewals}
          </h2>
          <p>
            {due.data.due.length + due.data.overdue.length > 0
              ? t.services.upcoming(due.data.due.length, due.data.overdue.length)
              : t.services.noneDue}
          </p>
          <RenewAllDue subscriptions={[...due.data.overdue, ...due.data.due]} onChanged={reload} />
        </section>
      )}
      {due.error !== undefined && <ErrorAlert error={due.error} onRetry={due.retry} />}
    </Frame>
  );
}
