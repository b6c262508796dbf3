// Distributors and their clients (issue #15, seeds 003 and 000): a distributor's clients with their licence counts,
// the licences of one client (or of the distributor itself) with a client column and filter, one client licence in
// full, the notice a client's licence pages show (its distributor orders upgrades and renewals), and the sign-in
// page's Partners entry.

import { useState } from 'preact/hooks';
import { api, type Page, type PageRequest, type ReplyOf, request } from '../api.ts';
import { ErrorAlert, Frame, isNotFound, Link, NotOnAccount, PagedTable, usePagedList, useResource, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { useAccountFacts } from '../my-role.ts';
import { navigate } from '../router.ts';
import { LicenceFacts, LicenceSupport } from './LicenceDetail.tsx';

type ClientSummary = ReplyOf<typeof api.distributors.listMyClients>['items'][number];
type ClientLicence = ReplyOf<typeof api.distributors.listClientLicences>['items'][number];

/** Where the partner sign-in leads a distributor's people. */
export const PARTNER_HOME = '/distributor/clients';

/** The client a list or link is about: absent for the caller's own account. */
export const clientQuery = (clientId: string | undefined) => (clientId ? `?clientId=${encodeURIComponent(clientId)}` : '');

export function DistributorClientsPage() {
  const { t, formatDate } = useI18n();
  const [distributor, setDistributor] = useState<boolean | undefined>(undefined);
  const list = usePagedList(async (page: PageRequest, signal) => {
    const answer = await request(api.distributors.listMyClients, { query: page, signal });
    setDistributor(answer.distributor);
    return answer;
  });
  useTitle(t.distributors.clientsTitle);

  return (
    <Frame pool="customer" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.distributors.clientsHeading}</h1>
        <p class="muted">{t.distributors.clientsIntro}</p>
      </div>
      {distributor === false && list.items.length === 0 ? (
        <div class="empty" data-testid="not-a-distributor">
          <p class="empty-title">{t.distributors.notDistributor}</p>
          <p class="muted">{t.distributors.notDistributorHelp}</p>
          <p>
            <Link href="/licences">{t.nav.licences}</Link>
          </p>
        </div>
      ) : (
        <>
          <p>
            <Link href="/distributor/licences">{t.distributors.licencesNav}</Link>
          </p>
          <PagedTable<ClientSummary>
            list={list}
            testId="clients-table"
            caption={t.distributors.clientsCaption}
            empty={{ title: t.distributors.noClients, help: t.distributors.noClientsHelp }}
            showing={t.distributors.showingClients(list.items.length)}
            head={
              <>
                <th scope="col">{t.distributors.client}</th>
                <th scope="col">{t.distributors.contact}</th>
                <th scope="col" class="num">
                  {t.distributors.licenceCount}
                </th>
                <th scope="col">{t.distributors.since}</th>
                <th scope="col">
                  <span class="visually-hidden">{t.distributors.viewLicences}</span>
                </th>
              </>
            }
            row={(client) => (
              <tr key={client.accountId}>
                <td>{client.name}</td>
                <td>
                  <a href={`mailto:${client.contactEmail}`}>{client.contactEmail}</a>
                </td>
                <td class="num">{client.licenceCount}</td>
                <td>
                  <time dateTime={client.assignedAt}>{formatDate(client.assignedAt)}</time>
                </td>
                <td class="actions">
                  <Link href={`/distributor/licences${clientQuery(client.accountId)}`}>
                    {t.distributors.viewLicences}
                    <span class="visually-hidden"> {client.name}</span>
                  </Link>
                </td>
              </tr>
            )}
          />
        </>
      )}
    </Frame>
  );
}

/** The client filter's choices: the caller's own account first, then the first page of clients (at most 100). */
function useClientChoices() {
  return useResource(
    (signal) =>
      Promise.all([
        request(api.account.getMyAccount, { signal }),
        request(api.distributors.listMyClients, { query: { limit: 100 }, signal }),
      ]).then(([me, clients]) => ({ own: me.account, clients: clients.items })),
    'client-choices',
  );
}

/**
 * The client filter: the caller's own account (no `clientId`) or one of its clients; the licences, services and
 * upgrades pages show it to a distributor (the account's facts say whether it is one).
 */
export function ClientFilter(props: {
  id: string;
  clientId: string | undefined;
  onChange: (clientId: string | undefined) => void;
  /** The label, when not "Client". */
  label?: string;
}) {
  const { t } = useI18n();
  const choices = useClientChoices();
  return (
    <>
      {choices.error !== undefined && <ErrorAlert error={choices.error} onRetry={choices.retry} />}
      <div class="field client-filter">
        <label for={props.id}>{props.label ?? t.distributors.clientFilter}</label>
        <select
          id={props.id}
          value={props.clientId ?? ''}
          disabled={!choices.data}
          onChange={(event) => props.onChange(event.currentTarget.value || undefined)}
        >
          <option value="">{choices.data ? t.distributors.ownAccount(choices.data.own.name) : t.app.loading}</option>
          {choices.data?.clients.map((client) => (
            <option key={client.accountId} value={client.accountId}>
              {client.name}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

export function DistributorLicencesPage() {
  const { t, formatDate } = useI18n();
  const clientId = new URLSearchParams(location.search).get('clientId') ?? undefined;
  const list = usePagedList(
    (page: PageRequest, signal): Promise<Page<ClientLicence>> =>
      request(api.distributors.listClientLicences, { query: { ...page, ...(clientId ? { clientId } : {}) }, signal }),
    clientId ?? '',
  );
  useTitle(t.distributors.licencesTitle);

  return (
    <Frame pool="customer" signedIn>
      <p class="back-link">
        <Link href="/distributor/clients">{t.distributors.clientsHeading}</Link>
      </p>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.distributors.licencesHeading}</h1>
      </div>
      <ClientFilter id="client-filter" clientId={clientId} onChange={(chosen) => navigate(`/distributor/licences${clientQuery(chosen)}`)} />
      {list.status === 'error' && isNotFound(list.error) ? (
        <NotOnAccount
          title={t.distributors.licenceNotFound}
          help={t.distributors.licenceNotFoundHelp}
          back={{ href: '/distributor/clients', label: t.distributors.clientsHeading }}
        />
      ) : (
        <PagedTable<ClientLicence>
          list={list}
          testId="client-licences-table"
          compact
          caption={t.distributors.licencesCaption}
          empty={{ title: t.distributors.noLicences, help: t.distributors.noLicencesHelp }}
          showing={t.distributors.showingLicences(list.items.length)}
          head={
            <>
              <th scope="col">{t.distributors.client}</th>
              <th scope="col">{t.licences.product}</th>
              <th scope="col">{t.licences.serial}</th>
              <th scope="col" class="num">
                {t.licences.users}
              </th>
              <th scope="col">{t.licences.edition}</th>
              <th scope="col">{t.licences.purchased}</th>
              <th scope="col">{t.licences.support}</th>
              <th scope="col">
                <span class="visually-hidden">{t.licences.details}</span>
              </th>
            </>
          }
          row={(licence) => (
            <tr key={licence.licenceId}>
              <td>{licence.client.name}</td>
              <td>{licence.product}</td>
              <td>
                <code class="serial">{licence.serial}</code>
              </td>
              <td class="num">{licence.users}</td>
              <td>{licence.edition}</td>
              <td>
                <time dateTime={licence.purchasedAt}>{formatDate(licence.purchasedAt)}</time>
              </td>
              <td>
                {licence.supportEndsAt
                  ? (licence.supportActive ? t.licences.supportUntil : t.licences.supportEnded)(formatDate(licence.supportEndsAt))
                  : t.licences.supportNone}
              </td>
              <td class="actions">
                <Link href={`/distributor/licences/${licence.licenceId}${clientQuery(clientId)}`}>
                  {t.licences.details}
                  <span class="visually-hidden">
                    {' '}
                    {licence.product} {licence.serial}
                  </span>
                </Link>
              </td>
            </tr>
          )}
        />
      )}
    </Frame>
  );
}

/** One licence of a client (or of the distributor itself): the licence page's facts and support, read-only. */
export function DistributorLicencePage(props: { licenceId: string }) {
  const { t } = useI18n();
  const clientId = new URLSearchParams(location.search).get('clientId') ?? undefined;
  const licence = useResource(
    (signal) =>
      request(api.distributors.getClientLicence, {
        path: { licenceId: props.licenceId },
        query: clientId ? { clientId } : {},
        signal,
      }),
    `${props.licenceId}#${clientId ?? ''}`,
  );
  const data = licence.data;
  const back = `/distributor/licences${clientQuery(clientId)}`;
  useTitle(data ? `${data.product} · ${data.serial}` : t.distributors.licenceEyebrow);

  return (
    <Frame pool="customer" signedIn>
      <p class="back-link">
        <Link href={back}>{t.distributors.back}</Link>
      </p>
      <div class="page-head">
        <p class="eyebrow">{data ? data.client.name : t.distributors.licenceEyebrow}</p>
        <h1 tabIndex={-1}>{data ? data.product : t.distributors.licenceEyebrow}</h1>
      </div>
      {licence.error !== undefined ? (
        isNotFound(licence.error) ? (
          <NotOnAccount
            title={t.distributors.licenceNotFound}
            help={t.distributors.licenceNotFoundHelp}
            back={{ href: back, label: t.distributors.back }}
          />
        ) : (
          <ErrorAlert error={licence.error} onRetry={licence.retry} />
        )
      ) : !data ? (
        <p class="muted" role="status">
          {t.app.loading}
        </p>
      ) : (
        <>
          <LicenceFacts licence={data} linkOrder={false} />
          <LicenceSupport licence={data} />
        </>
      )}
    </Frame>
  );
}

/**
 * Where a distributor's client would order renewals or upgrades: its distributor orders them, and how to reach it.
 * Nothing for an account without a distributor (nor while the account's facts are read, nor if the read failed: the
 * API refuses the order anyway). Pages that show it above a list wrap both in AfterAccountFacts.
 */
export function DistributorNotice() {
  const { t } = useI18n();
  const distributor = useAccountFacts()?.orderedBy;
  if (!distributor) return null;
  return (
    <p class="alert alert-info" data-testid="distributor-notice">
      {t.distributors.orderedBy(distributor.name)} {t.distributors.contactThem}{' '}
      <a href={`mailto:${distributor.contactEmail}`}>{distributor.contactEmail}</a>
    </p>
  );
}

/** Whether the sign-in page was opened through the Partners entry (`?partner=1`). */
export function isPartnerSignIn(): boolean {
  return new URLSearchParams(location.search).get('partner') === '1';
}

/** The partner sign-in's hint, above the form (`?partner=1`). */
export function PartnerHint() {
  const { t } = useI18n();
  if (!isPartnerSignIn()) return null;
  return (
    <p class="alert alert-info" data-testid="partner-hint">
      {t.distributors.partnerHint}
    </p>
  );
}

/** The sign-in page's Partners entry (seed 000's "Partners / Resellers"): the same sign-in, with the partner hint. */
export function PartnersLink() {
  const { t } = useI18n();
  if (isPartnerSignIn()) return null;
  return (
    <p class="small">
      <a href="/sign-in?partner=1">{t.distributors.partners}</a>
    </p>
  );
}
