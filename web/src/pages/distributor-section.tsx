// Staff: the customer page's distributor section (issue #15): whether the account is a distributor, its clients (assign
// and unassign, admin and billing), or the distributor it is a client of. Every change is audited.

import { useState } from 'preact/hooks';
import { api, type ReplyOf, request, sessionGroups } from '../api.ts';
import { ErrorAlert, Link, PagedTable, usePagedList, useResource } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { type ActionNotice, StaffActionForm } from './CustomerLicence.tsx';

type ClientSummary = ReplyOf<typeof api.distributors.getDistributorSection>['clients']['items'][number];

/** The staff groups the distributor routes let change things (their contracts: admin and billing). */
const WRITERS = api.distributors.markDistributor.access.groups;

type Action = { kind: 'mark' } | { kind: 'assign' } | { kind: 'unassign'; client: ClientSummary };

export function DistributorSection(props: { accountId: string; onDone: (notice: ActionNotice) => void }) {
  const { t, formatDate } = useI18n();
  const { accountId } = props;
  const [action, setAction] = useState<Action | undefined>(undefined);
  const section = useResource(
    (signal) => request(api.distributors.getDistributorSection, { path: { accountId }, signal }),
    `distributor#${accountId}`,
  );
  const clients = usePagedList((page, signal) =>
    request(api.distributors.getDistributorSection, { path: { accountId }, query: page, signal }).then((answer) => answer.clients),
  );
  const mayChange = sessionGroups('staff').some((group) => (WRITERS as readonly string[]).includes(group));
  const data = section.data;
  const done = (notice: ActionNotice) => {
    setAction(undefined);
    props.onDone(notice);
  };

  return (
    <section class="section" aria-labelledby="distributor-heading" data-testid="distributor-section">
      <h2 id="distributor-heading">{t.distributors.sectionHeading}</h2>
      {section.error !== undefined ? (
        <ErrorAlert error={section.error} onRetry={section.retry} />
      ) : !data ? (
        <p class="muted" role="status">
          {t.app.loading}
        </p>
      ) : (
        <>
          {data.distributorOf ? (
            <p data-testid="distributor-of">
              {t.distributors.clientOf}{' '}
              <Link href={`/admin/customers/${encodeURIComponent(data.distributorOf.accountId)}`}>{data.distributorOf.name}</Link> (
              <a href={`mailto:${data.distributorOf.contactEmail}`}>{data.distributorOf.contactEmail}</a>)
            </p>
          ) : (
            <p>{data.distributor ? t.distributors.isDistributor(data.clientCount) : t.distributors.notMarked}</p>
          )}
          {mayChange && !data.distributorOf && (
            <p class="actions-row">
              <button type="button" class="button secondary" onClick={() => setAction({ kind: 'mark' })}>
                {data.distributor ? t.distributors.unmark : t.distributors.mark}
              </button>
              {data.distributor && (
                <button type="button" class="button secondary" onClick={() => setAction({ kind: 'assign' })}>
                  {t.distributors.assign}
                </button>
              )}
            </p>
          )}
          {action?.kind === 'mark' && (
            <StaffActionForm
              id="distributor-mark"
              submitLabel={data.distributor ? t.distributors.unmark : t.distributors.mark}
              reason="optional"
              run={async ({ reason }) => {
                await request(api.distributors.markDistributor, {
                  path: { accountId },
                  body: { distributor: !data.distributor, ...(reason ? { reason } : {}) },
                });
                return { message: t.distributors.marked };
              }}
              onDone={done}
              onCancel={() => setAction(undefined)}
            />
          )}
          {action?.kind === 'assign' && (
            <StaffActionForm
              id="distributor-assign"
              submitLabel={t.distributors.assign}
              reason="optional"
              extra={{ kind: 'account', label: t.distributors.clientId, hint: t.distributors.clientIdHint }}
              run={async ({ reason, extra }) => {
                await request(api.distributors.assignClient, {
                  path: { accountId },
                  body: { clientId: extra, ...(reason ? { reason } : {}) },
                });
                return { message: t.distributors.assigned };
              }}
              onDone={done}
              onCancel={() => setAction(undefined)}
            />
          )}
          {action?.kind === 'unassign' && (
            <StaffActionForm
              key={action.client.accountId}
              id="distributor-unassign"
              submitLabel={t.distributors.unassignLabel(action.client.name)}
              reason="optional"
              run={async ({ reason }) => {
                await request(api.distributors.unassignClient, {
                  path: { accountId },
                  body: { clientId: action.client.accountId, ...(reason ? { reason } : {}) },
                });
                return { message: t.distributors.unassigned };
              }}
              onDone={done}
              onCancel={() => setAction(undefined)}
            />
          )}
          {(data.distributor || data.clientCount > 0) && (
            <PagedTable<ClientSummary>
              list={clients}
              testId="distributor-clients"
              caption={t.distributors.clientsCaption}
              empty={{ title: t.distributors.noClients, help: t.distributors.clientIdHint }}
              showing={t.distributors.showingClients(clients.items.length)}
              head={
                <>
                  <th scope="col">{t.distributors.client}</th>
                  <th scope="col">{t.distributors.contact}</th>
                  <th scope="col" class="num">
                    {t.distributors.licenceCount}
                  </th>
                  <th scope="col">{t.distributors.since}</th>
                  {mayChange && (
                    <th scope="col">
                      <span class="visually-hidden">{t.distributors.unassign}</span>
                    </th>
                  )}
                </>
              }
              row={(client) => (
                <tr key={client.accountId}>
                  <td>
                    <Link href={`/admin/customers/${encodeURIComponent(client.accountId)}`}>{client.name}</Link>
                  </td>
                  <td>
                    <a href={`mailto:${client.contactEmail}`}>{client.contactEmail}</a>
                  </td>
                  <td class="num">{client.licenceCount}</td>
                  <td>
                    <time dateTime={client.assignedAt}>{formatDate(client.assignedAt)}</time>
                  </td>
                  {mayChange && (
                    <td class="actions">
                      <button type="button" class="link-button" onClick={() => setAction({ kind: 'unassign', client })}>
                        {t.distributors.unassign}
                        <span class="visually-hidden"> {client.name}</span>
                      </button>
                    </td>
                  )}
                </tr>
              )}
            />
          )}
        </>
      )}
    </section>
  );
}
