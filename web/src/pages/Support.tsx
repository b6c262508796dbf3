// Support & updates: every subscription on the account with its licence, dates and status, newest start first.

import type { ComponentChildren } from 'preact';
import { listSupportSubscriptions, type SupportSubscriptionView } from '../api.ts';
import { Frame, Link, PagedTable, SortHeader, usePagedList, useSortOrder, useTitle } from '../components.tsx';
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

export function SupportPage(props: {
  /** The "download support file" action for a row; the column appears only when there is one. */
  fileAction?: (subscription: SupportSubscriptionView) => ComponentChildren;
}) {
  const { t } = useI18n();
  const [sort, reverse] = useSortOrder();
  const list = usePagedList((page, signal) => listSupportSubscriptions({ ...page, sort }, signal), sort);

  useTitle(t.support.title);

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
