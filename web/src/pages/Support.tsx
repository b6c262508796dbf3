// Support & updates: every subscription on the account with its licence, dates and status, newest start first.

import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { api, request, type ContractSummary, type SupportSubscriptionView } from '../api.ts';
import {
  ErrorAlert,
  Frame,
  Link,
  PagedTable,
  SortHeader,
  useCellLabels,
  usePagedList,
  useResource,
  useSortOrder,
  useTitle,
  TableRegion,
} from '../components.tsx';
import { useI18n } from '../i18n.ts';

const badgeClass = { active: 'badge badge-ok', expiring: 'badge badge-warn', expired: 'badge badge-off' } as const;

/** Active, expiring soon (within 30 days) or expired, as the API computed it from today's date. */
export function SupportStatusBadge(props: { subscription: Pick<SupportSubscriptionView, 'status' | 'endsAt'> }) {
  const { t, formatDate } = useI18n();
  const { status, endsAt } = props.subscription;
  const label = { active: t.support.statusActive, expiring: t.support.statusExpiring, expired: t.support.statusExpired }[status];
  const detail = (status === 'expired' ? t.support.endedOn : t.support.endsOn)(formatDate(endsAt));
  return (
    <span class={badgeClass[status]} title={detail} data-status={status}>
      {label}
    </span>
  );
}

/** The support contracts the account claimed with their activation codes: number, product, term and status. */
function ContractsSection() {
  const { t, formatDate } = useI18n();
  const me = useResource((signal) => request(api.account.getMyAccount, { signal }), 'me');
  const table = useCellLabels();
  const contracts = me.data?.contracts;
  // A contract's days are calendar dates: read at noon UTC, they are the same date in every time zone.
  const formatDay = (day: string) => formatDate(`${day}T12:00:00Z`);
  const statusLabel = (status: ContractSummary['status']) =>
    status === 'upcoming'
      ? t.contracts.statusUpcoming
      : { active: t.support.statusActive, expiring: t.support.statusExpiring, expired: t.support.statusExpired }[status];
  return (
    <section class="section" aria-labelledby="contracts-heading">
      <h2 id="contracts-heading">{t.contracts.heading}</h2>
      <p class="muted">{t.contracts.intro}</p>
      {me.error !== undefined ? (
        <ErrorAlert error={me.error} onRetry={me.retry} />
      ) : !contracts ? (
        <p class="muted" role="status">
          {t.app.loading}
        </p>
      ) : contracts.length === 0 ? (
        <div class="empty">
          <p class="empty-title">{t.contracts.empty}</p>
          <p class="muted">{t.contracts.emptyHelp}</p>
        </div>
      ) : (
        <TableRegion labelledBy="contracts-caption">
          <table ref={table} class="stack" data-testid="contracts-table">
            <caption id="contracts-caption" class="visually-hidden">
              {t.contracts.tableCaption}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t.contracts.number}</th>
                <th scope="col">{t.contracts.product}</th>
                <th scope="col">{t.contracts.term}</th>
                <th scope="col">{t.contracts.status}</th>
              </tr>
            </thead>
            <tbody>
              {contracts.map((contract) => (
                <tr key={contract.contractNumber}>
                  <td>
                    <code class="serial">{contract.contractNumber}</code>
                  </td>
                  <td>{contract.product}</td>
                  <td>{t.contracts.termValue(formatDay(contract.startsOn), formatDay(contract.endsOn))}</td>
                  <td>
                    <span
                      class={contract.status === 'upcoming' ? 'badge badge-off' : badgeClass[contract.status]}
                      data-status={contract.status}
                    >
                      {statusLabel(contract.status)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}

export function SupportPage(props: {
  /** The "download support file" action for a row; the column appears only when there is one. */
  fileAction?: (subscription: SupportSubscriptionView) => ComponentChildren;
}) {
  const { t } = useI18n();
  const [sort, reverse] = useSortOrder();
  const list = usePagedList((page, signal) => request(api.support.listSupportSubscriptions, { query: { ...page, sort }, signal }), sort);

  useTitle(t.support.title);
  const subscriptionsShown = useRef(false);
  if (list.status !== 'loading') subscriptionsShown.current = true;

  return (
    <Frame pool="customer" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.support.heading}</h1>
        <p class="muted">{t.support.intro}</p>
      </div>

      <PagedTable
        list={list}
        testId="support-table"
        compact
        caption={t.support.tableCaption}
        empty={{ title: t.support.empty, help: t.support.emptyHelp }}
        showing={t.support.showing(list.items.length)}
        head={
          <>
            <th scope="col">{t.support.product}</th>
            <th scope="col">{t.support.serial}</th>
            <th scope="col" class="num">
              {t.support.users}
            </th>
            <th scope="col">{t.support.edition}</th>
            <th scope="col">{t.support.order}</th>
            <SortHeader label={t.support.starts} sort={sort} onReverse={reverse} />
            <th scope="col" class="num">
              {t.support.years}
            </th>
            <th scope="col">{t.support.ends}</th>
            <th scope="col">{t.support.status}</th>
            {props.fileAction && <th scope="col">{t.support.actions}</th>}
          </>
        }
        row={(subscription) => (
          <tr key={subscription.subscriptionId}>
            <td>{subscription.product}</td>
            <td>
              <Link href={`/licences/${subscription.licenceId}`}>
                <code class="serial">{subscription.serial}</code>
              </Link>
            </td>
            <td class="num">{subscription.users}</td>
            <td>{subscription.edition}</td>
            <SupportTermCells subscription={subscription} />
            {props.fileAction && <td>{props.fileAction(subscription)}</td>}
          </tr>
        )}
      />
      {/* Below the subscriptions, and only once they are on screen, so neither list pushes the other down. */}
      {subscriptionsShown.current && <ContractsSection />}
    </Frame>
  );
}

/** The cells of one subscription's term, shared by this list and the licence detail: order, start, years, end, status. */
export function SupportTermCells(props: { subscription: SupportSubscriptionView }) {
  const { formatDate } = useI18n();
  const { subscription } = props;
  return (
    <>
      <td>
        <Link href={`/orders/${subscription.orderId}`}>{subscription.orderReference}</Link>
      </td>
      <td>
        <time dateTime={subscription.startsAt}>{formatDate(subscription.startsAt)}</time>
      </td>
      <td class="num">{subscription.years}</td>
      <td>
        <time dateTime={subscription.endsAt}>{formatDate(subscription.endsAt)}</time>
      </td>
      <td>
        <SupportStatusBadge subscription={subscription} />
      </td>
    </>
  );
}
