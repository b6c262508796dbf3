// Staff: the customer page, one page a support call needs: the account, its users, licences (with their computer and
// history), support subscriptions, orders, contracts and sign-ins, each section paging on by itself.

import { ViewAsForm } from '../view-as-form.tsx';
import type { ComponentChildren } from 'preact';
import { useCallback, useRef, useState } from 'preact/hooks';
import { api, request, type CustomerPageData, type Page, type PageRequest } from '../api.ts';
import {
  ErrorAlert,
  Frame,
  isNotFound,
  Link,
  NotOnAccount,
  PAGE_SIZE,
  PagedTable,
  type PagedList,
  TableRegion,
  useCellLabels,
  useResource,
  useTitle,
} from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { SupportStatusBadge } from './Support.tsx';
import { type ActionNotice, LicenceManager, StaffActionForm } from './CustomerLicence.tsx';
import { VerifySecurityCodeForm } from './SecurityCode.tsx';
import { DistributorSection } from './distributor-section.tsx';
import { StaffSubscriptionsSection } from './subscriptions-section.tsx';
import { StaffBalanceSection } from './Balance.tsx';

type LicenceRow = CustomerPageData['licences']['items'][number];
type SupportRow = CustomerPageData['support']['items'][number];
type OrderRow = CustomerPageData['orders']['items'][number];
type AuditRow = CustomerPageData['audit']['items'][number];

/** One change as the audit shows it: `field: before → after`. */
function changeText(change: AuditRow['changes'][number]): string {
  const value = (side: unknown) => (side === undefined || side === null ? '—' : String(side));
  return `${change.field}: ${value(change.before)} → ${value(change.after)}`;
}

/** A section's list: the first page came with the customer page; "Load more" reads on through the section's route. */
function useSeededList<T>(first: Page<T>, fetchPage: (page: PageRequest) => Promise<Page<T>>): PagedList<T> {
  const [items, setItems] = useState<T[]>(first.items);
  const [cursor, setCursor] = useState<string | undefined>(first.nextCursor);
  const [status, setStatus] = useState<PagedList<T>['status']>('ready');
  const [error, setError] = useState<unknown>(undefined);
  const fetcher = useRef(fetchPage);
  fetcher.current = fetchPage;
  const loadMore = useCallback(() => {
    if (cursor === undefined) return;
    setStatus('loading-more');
    setError(undefined);
    fetcher.current({ limit: PAGE_SIZE, cursor }).then(
      (page) => {
        setItems((previous) => [...previous, ...page.items]);
        setCursor(page.nextCursor);
        setStatus('ready');
      },
      (failure: unknown) => {
        setError(failure);
        setStatus('error');
      },
    );
  }, [cursor]);
  return { items, status, error, hasMore: cursor !== undefined, loadMore, retry: loadMore };
}

function Section(props: { id: string; heading: string; intro?: string; children: ComponentChildren }) {
  return (
    <section class="section" aria-labelledby={`${props.id}-heading`} data-testid={`${props.id}-section`}>
      <h2 id={`${props.id}-heading`}>{props.heading}</h2>
      {props.intro && <p class="muted">{props.intro}</p>}
      {props.children}
    </section>
  );
}

export function CustomerPage(props: { accountId: string }) {
  const { t } = useI18n();
  // Bumped after a staff action, so every section is read again with what the action changed.
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<ActionNotice | undefined>(undefined);
  const customer = useResource(
    (signal) => request(api.customerPage.getCustomer, { path: { accountId: props.accountId }, signal }).then((page) => ({ page, version })),
    `${props.accountId}#${version}`,
  );
  const data = customer.data?.page;
  const done = (next: ActionNotice) => {
    setNotice(next);
    setVersion((count) => count + 1);
  };

  useTitle(data ? data.account.name : t.customerPage.eyebrow);

  return (
    <Frame pool="staff" signedIn>
      <p class="back-link">
        <Link href="/admin/customers">{t.customerPage.allCustomers}</Link>
      </p>
      <div class="page-head">
        <p class="eyebrow">{t.customerPage.eyebrow}</p>
        <h1 tabIndex={-1}>{data ? data.account.name : t.customerPage.eyebrow}</h1>
      </div>
      {customer.error !== undefined ? (
        isNotFound(customer.error) ? (
          <NotOnAccount
            title={t.customerPage.notFound}
            help={t.customerPage.notFoundHelp}
            back={{ href: '/admin/customers', label: t.customerPage.allCustomers }}
          />
        ) : (
          <ErrorAlert error={customer.error} onRetry={customer.retry} />
        )
      ) : !data ? (
        <p class="muted" role="status">
          {t.app.loading}
        </p>
      ) : (
        <>
          <div role="status" data-testid="action-notice">
            {notice && (
              <div class="alert alert-info">
                <p>{notice.message}</p>
                {notice.file && <SaveFile file={notice.file} />}
              </div>
            )}
          </div>
          {/* Keyed by the version read, so the sections' own paging starts afresh with the new first pages. */}
          <CustomerSections key={customer.data?.version} data={data} onDone={done} />
          <StaffBalanceSection key={customer.data?.version} accountId={data.account.accountId} orders={data.orders.items} />
          <ViewAsForm accountId={data.account.accountId} />
        </>
      )}
    </Frame>
  );
}

/** The reissued licence file, saved from the text the API answered. */
function SaveFile(props: { file: { filename: string; content: string } }) {
  const { t } = useI18n();
  const save = () => {
    const url = URL.createObjectURL(new Blob([props.file.content], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = props.file.filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <button type="button" class="button secondary" onClick={save}>
      {t.customerPage.downloadReissued}
    </button>
  );
}

/** The day after an instant's day (UTC), as the date input wants it: the earliest new end of a subscription. */
function dayAfter(instant: string): string {
  return new Date(Date.parse(instant.slice(0, 10)) + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

function CustomerSections(props: { data: CustomerPageData; onDone: (notice: ActionNotice) => void }) {
  const { t, formatDate, formatDateTime, formatMoney } = useI18n();
  const { data } = props;
  const accountId = data.account.accountId;
  const [managed, setManaged] = useState<LicenceRow | undefined>(undefined);
  const [extending, setExtending] = useState<SupportRow | undefined>(undefined);
  const [resending, setResending] = useState<OrderRow | undefined>(undefined);
  const [moving, setMoving] = useState<OrderRow | undefined>(undefined);
  const [clearing, setClearing] = useState<CustomerPageData['users'][number] | undefined>(undefined);
  const licences = useSeededList(data.licences, (page) =>
    request(api.customerPage.listCustomerLicences, { path: { accountId }, query: page }),
  );
  const support = useSeededList(data.support, (page) =>
    request(api.customerPage.listCustomerSupport, { path: { accountId }, query: page }),
  );
  const orders = useSeededList(data.orders, (page) => request(api.customerPage.listCustomerOrders, { path: { accountId }, query: page }));
  const audit = useSeededList(data.audit, (page) => request(api.audit.listCustomerAudit, { path: { accountId }, query: page }));
  const usersTable = useCellLabels();
  const contractsTable = useCellLabels();
  const signInsTable = useCellLabels();
  const formatDay = (day: string) => formatDate(`${day}T12:00:00Z`);

  return (
    <>
      <dl class="facts card" data-testid="customer-facts">
        <div>
          <dt>{t.customerPage.contactEmail}</dt>
          <dd>
            <a href={`mailto:${data.account.contactEmail}`}>{data.account.contactEmail}</a>
          </dd>
        </div>
        <div>
          <dt>{t.customerPage.country}</dt>
          <dd>{data.account.country ?? t.app.notAvailable}</dd>
        </div>
        <div>
          <dt>{t.customerPage.created}</dt>
          <dd>
            <time dateTime={data.account.createdAt}>{formatDate(data.account.createdAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{t.customerPage.activationKey}</dt>
          <dd>
            <code class="serial">{data.account.activationKey}</code>
          </dd>
        </div>
        <div>
          <dt>{t.customerPage.accountId}</dt>
          <dd>
            <code class="serial">{data.account.accountId}</code>
          </dd>
        </div>
      </dl>

      <Section id="users" heading={t.customerPage.usersHeading}>
        {data.users.length === 0 ? (
          <div class="empty">
            <p class="empty-title">{t.customerPage.noUsers}</p>
          </div>
        ) : (
          <TableRegion labelledBy="users-caption">
            <table ref={usersTable} class="stack" data-testid="users-table">
              <caption id="users-caption" class="visually-hidden">
                {t.customerPage.usersHeading}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t.customerPage.email}</th>
                  <th scope="col">{t.customerPage.role}</th>
                  <th scope="col">{t.customerPage.since}</th>
                  <th scope="col">{t.securityCode.title}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t.security.staffClear}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.users.map((user) => (
                  <tr key={user.userId}>
                    <td>
                      <a href={`mailto:${user.email}`}>{user.email}</a>
                    </td>
                    <td>{t.customerRoles[user.role]}</td>
                    <td>
                      <time dateTime={user.createdAt}>{formatDate(user.createdAt)}</time>
                    </td>
                    <td>
                      <VerifySecurityCodeForm accountId={accountId} personId={user.userId} email={user.email} />
                    </td>
                    <td>
                      <button
                        type="button"
                        class="button secondary small"
                        aria-expanded={clearing?.userId === user.userId}
                        onClick={() => setClearing(clearing?.userId === user.userId ? undefined : user)}
                      >
                        {t.security.staffClear}
                        <span class="visually-hidden"> {user.email}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
        {clearing && (
          <section class="card section" aria-labelledby="clear-allow-list-heading">
            <h3 id="clear-allow-list-heading">{t.security.staffClearHeading(clearing.email)}</h3>
            <StaffActionForm
              key={clearing.userId}
              id="staff-clear-allow-list"
              submitLabel={t.security.staffClear}
              warning={t.security.staffClearWarning}
              reason="required"
              run={async ({ reason }) => {
                await request(api.security.staffClearIpAllowList, {
                  path: { accountId, personId: clearing.userId },
                  body: { reason: reason ?? '' },
                });
                return { message: t.security.staffCleared(clearing.email) };
              }}
              onDone={(notice) => {
                setClearing(undefined);
                props.onDone(notice);
              }}
              onCancel={() => setClearing(undefined)}
            />
          </section>
        )}
      </Section>

      <Section id="licences" heading={t.customerPage.licencesHeading}>
        <PagedTable
          list={licences}
          testId="customer-licences-table"
          caption={t.customerPage.licencesHeading}
          empty={{ title: t.customerPage.noLicences, help: t.customerPage.noLicencesHelp }}
          showing={t.customerPage.showing(licences.items.length)}
          compact
          head={
            <>
              <th scope="col">{t.customerPage.product}</th>
              <th scope="col">{t.customerPage.serial}</th>
              <th scope="col">{t.customerPage.computer}</th>
              <th scope="col">{t.customerPage.order}</th>
              <th scope="col">{t.customerPage.supportUntil}</th>
              <th scope="col">{t.customerPage.state}</th>
              <th scope="col">
                <span class="visually-hidden">{t.customerPage.actions}</span>
              </th>
            </>
          }
          row={(licence) => (
            <tr key={licence.licenceId} data-licence-id={licence.licenceId}>
              <td>
                {licence.product} {licence.edition} · {t.customerPage.users(licence.users)}
              </td>
              <td>
                <code class="serial">{licence.serial}</code>
              </td>
              <td>{licence.computerId ? <code class="serial">{licence.computerId}</code> : t.customerPage.free}</td>
              <td>
                <Link href={`/admin/orders/${accountId}/${licence.orderId}`}>{licence.orderReference}</Link>
              </td>
              <td>{licence.supportEndsAt ? <time dateTime={licence.supportEndsAt}>{formatDate(licence.supportEndsAt)}</time> : '—'}</td>
              <td>
                {licence.revokedAt ? (
                  <span class="badge badge-off" data-status="revoked">
                    {t.customerPage.revoked}
                  </span>
                ) : (
                  <span class="badge badge-ok" data-status="valid">
                    {t.customerPage.valid}
                  </span>
                )}
              </td>
              <td>
                <button
                  type="button"
                  class="button secondary small"
                  aria-expanded={managed?.licenceId === licence.licenceId}
                  onClick={() => setManaged(managed?.licenceId === licence.licenceId ? undefined : licence)}
                >
                  {t.customerPage.manage}
                  <span class="visually-hidden"> {licence.serial}</span>
                </button>
              </td>
            </tr>
          )}
        />
        {managed && (
          <LicenceManager
            key={managed.licenceId}
            accountId={accountId}
            licence={managed}
            onDone={props.onDone}
            onClose={() => setManaged(undefined)}
          />
        )}
      </Section>

      <Section id="support" heading={t.customerPage.supportHeading}>
        <PagedTable
          list={support}
          testId="customer-support-table"
          caption={t.customerPage.supportHeading}
          empty={{ title: t.customerPage.noSupport, help: t.customerPage.noSupportHelp }}
          showing={t.customerPage.showing(support.items.length)}
          compact
          head={
            <>
              <th scope="col">{t.customerPage.product}</th>
              <th scope="col">{t.customerPage.serial}</th>
              <th scope="col">{t.customerPage.starts}</th>
              <th scope="col">{t.customerPage.ends}</th>
              <th scope="col">{t.customerPage.status}</th>
              <th scope="col">
                <span class="visually-hidden">{t.customerPage.actions}</span>
              </th>
            </>
          }
          row={(subscription: SupportRow) => (
            <tr key={subscription.subscriptionId} data-subscription-id={subscription.subscriptionId}>
              <td>
                {subscription.product} {subscription.edition}
              </td>
              <td>
                <code class="serial">{subscription.serial}</code>
              </td>
              <td>
                <time dateTime={subscription.startsAt}>{formatDate(subscription.startsAt)}</time>
              </td>
              <td>
                <time dateTime={subscription.endsAt}>{formatDate(subscription.endsAt)}</time>
              </td>
              <td>
                <SupportStatusBadge subscription={subscription} />
              </td>
              <td>
                <button
                  type="button"
                  class="button secondary small"
                  aria-expanded={extending?.subscriptionId === subscription.subscriptionId}
                  onClick={() => setExtending(extending?.subscriptionId === subscription.subscriptionId ? undefined : subscription)}
                >
                  {t.customerPage.extend}
                  <span class="visually-hidden"> {subscription.serial}</span>
                </button>
              </td>
            </tr>
          )}
        />
        {extending && (
          <section class="card section" aria-labelledby="extend-heading">
            <h3 id="extend-heading">
              {t.customerPage.extendAction}: {extending.product} <code class="serial">{extending.serial}</code>
            </h3>
            <StaffActionForm
              key={extending.subscriptionId}
              id="staff-extend"
              submitLabel={t.customerPage.extendAction}
              reason="required"
              extra={{ kind: 'date', label: t.customerPage.newEnd, hint: t.customerPage.newEndHint, min: dayAfter(extending.endsAt) }}
              run={async ({ reason, extra }) => {
                const extended = await request(api.customerPage.extendSupport, {
                  path: { accountId, subscriptionId: extending.subscriptionId },
                  body: { endsOn: extra, reason: reason ?? '' },
                });
                return { message: t.customerPage.done.extended(formatDate(extended.endsAt)) };
              }}
              onDone={props.onDone}
              onCancel={() => setExtending(undefined)}
            />
          </section>
        )}
      </Section>

      <Section id="orders" heading={t.customerPage.ordersHeading}>
        <PagedTable
          list={orders}
          testId="customer-orders-table"
          caption={t.customerPage.ordersHeading}
          empty={{ title: t.customerPage.noOrders, help: t.customerPage.noOrdersHelp }}
          showing={t.customerPage.showing(orders.items.length)}
          head={
            <>
              <th scope="col">{t.customerPage.date}</th>
              <th scope="col">{t.customerPage.reference}</th>
              <th scope="col">{t.customerPage.total}</th>
              <th scope="col">
                <span class="visually-hidden">{t.customerPage.actions}</span>
              </th>
            </>
          }
          row={(order: OrderRow) => (
            <tr key={order.orderId}>
              <td>
                <time dateTime={order.orderedAt}>{formatDate(order.orderedAt)}</time>
              </td>
              <td>
                <Link href={`/admin/orders/${accountId}/${order.orderId}`}>{order.reference}</Link>
              </td>
              <td class="num">{formatMoney(order.total)}</td>
              <td>
                <button
                  type="button"
                  class="button secondary small"
                  aria-expanded={resending?.orderId === order.orderId}
                  onClick={() => setResending(resending?.orderId === order.orderId ? undefined : order)}
                >
                  {t.customerPage.resend}
                  <span class="visually-hidden"> {order.reference}</span>
                </button>{' '}
                <button
                  type="button"
                  class="button secondary small"
                  aria-expanded={moving?.orderId === order.orderId}
                  onClick={() => setMoving(moving?.orderId === order.orderId ? undefined : order)}
                >
                  {t.customerPage.moveOrder}
                  <span class="visually-hidden"> {order.reference}</span>
                </button>
              </td>
            </tr>
          )}
        />
        {resending && (
          <section class="card section" aria-labelledby="resend-heading">
            <h3 id="resend-heading">
              {t.customerPage.resendAction}: {resending.reference}
            </h3>
            <StaffActionForm
              key={resending.orderId}
              id="staff-resend"
              submitLabel={t.customerPage.resendAction}
              reason="optional"
              run={async ({ reason }) => {
                const sent = await request(api.customerPage.resendOrderConfirmation, {
                  path: { accountId, orderId: resending.orderId },
                  body: reason ? { reason } : {},
                });
                return { message: t.customerPage.done.resent(sent.email) };
              }}
              onDone={props.onDone}
              onCancel={() => setResending(undefined)}
            />
          </section>
        )}
        {moving && (
          <section class="card section" aria-labelledby="move-order-heading">
            <h3 id="move-order-heading">
              {t.customerPage.moveOrderAction}: {moving.reference}
            </h3>
            <StaffActionForm
              key={moving.orderId}
              id="staff-move-order"
              submitLabel={t.customerPage.moveOrderAction}
              reason="required"
              extra={{ kind: 'account', label: t.customerPage.targetAccount, hint: t.customerPage.targetAccountHint }}
              run={async ({ reason, extra }) => {
                const moved = await request(api.customerPage.moveOrder, {
                  path: { accountId, orderId: moving.orderId },
                  body: { toAccountId: extra, reason: reason ?? '' },
                });
                return { message: t.customerPage.done.movedOrder(moved.reference, moved.toAccountId) };
              }}
              onDone={props.onDone}
              onCancel={() => setMoving(undefined)}
            />
          </section>
        )}
      </Section>

      <DistributorSection accountId={accountId} onDone={props.onDone} />

      <StaffSubscriptionsSection accountId={accountId} onDone={props.onDone} />

      <Section id="contracts" heading={t.customerPage.contractsHeading}>
        {data.contracts.length === 0 ? (
          <div class="empty">
            <p class="empty-title">{t.customerPage.noContracts}</p>
          </div>
        ) : (
          <TableRegion labelledBy="customer-contracts-caption">
            <table ref={contractsTable} class="stack" data-testid="customer-contracts-table">
              <caption id="customer-contracts-caption" class="visually-hidden">
                {t.customerPage.contractsHeading}
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
                {data.contracts.map((contract) => (
                  <tr key={contract.contractNumber}>
                    <td>
                      <code class="serial">{contract.contractNumber}</code>
                    </td>
                    <td>{contract.product}</td>
                    <td>{t.contracts.termValue(formatDay(contract.startsOn), formatDay(contract.endsOn))}</td>
                    <td>{contract.status === 'upcoming' ? t.contracts.statusUpcoming : t.customerPage.contractStatus[contract.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </Section>

      <Section id="sign-ins" heading={t.customerPage.signInsHeading} intro={t.customerPage.signInsIntro}>
        {data.signIns.length === 0 ? (
          <div class="empty">
            <p class="empty-title">{t.customerPage.noSignIns}</p>
          </div>
        ) : (
          <TableRegion labelledBy="sign-ins-caption">
            <table ref={signInsTable} class="stack" data-testid="sign-ins-table">
              <caption id="sign-ins-caption" class="visually-hidden">
                {t.customerPage.signInsHeading}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t.customerPage.date}</th>
                  <th scope="col">{t.customerPage.email}</th>
                  <th scope="col">{t.customerPage.method}</th>
                  <th scope="col">{t.customerPage.sourceIp}</th>
                </tr>
              </thead>
              <tbody>
                {data.signIns.map((signIn) => (
                  <tr key={`${signIn.userId}-${signIn.at}`}>
                    <td>
                      <time dateTime={signIn.at}>{formatDateTime(signIn.at)}</time>
                    </td>
                    <td>{signIn.email}</td>
                    <td>{t.customerPage.methods[signIn.method]}</td>
                    <td>{signIn.sourceIp}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </Section>

      <Section id="audit" heading={t.customerPage.auditHeading} intro={t.customerPage.auditIntro}>
        <PagedTable
          list={audit}
          testId="customer-audit-table"
          caption={t.customerPage.auditHeading}
          empty={{ title: t.customerPage.noAudit, help: t.customerPage.noAuditHelp }}
          showing={t.customerPage.showing(audit.items.length)}
          compact
          head={
            <>
              <th scope="col">{t.customerPage.auditWhen}</th>
              <th scope="col">{t.customerPage.auditWho}</th>
              <th scope="col">{t.customerPage.auditAction}</th>
              <th scope="col">{t.customerPage.auditTarget}</th>
              <th scope="col">{t.customerPage.auditChanges}</th>
              <th scope="col">{t.customerPage.auditReason}</th>
            </>
          }
          row={(entry: AuditRow) => (
            <tr key={entry.auditId}>
              <td>
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </td>
              <td>
                {entry.actor.email ?? entry.actor.userId}
                <span class="muted small"> ({entry.actor.groups.join(', ')})</span>
              </td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td>{entry.target.label ?? entry.target.id}</td>
              <td>{entry.changes.length > 0 ? entry.changes.map(changeText).join('; ') : '—'}</td>
              <td>{entry.reason ?? '—'}</td>
            </tr>
          )}
        />
      </Section>
    </>
  );
}
