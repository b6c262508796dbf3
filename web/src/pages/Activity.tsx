// The customer's activity: what the vendor's team changed on their account (a licence freed, support extended, a view
// of the account to help them), newest first, by team and never by person.

import { type ActivityItem, api, request } from '../api.ts';
import { Frame, PagedTable, usePagedList, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';

function changeText(item: ActivityItem, describe: (field: string, before: string, after: string) => string): string {
  return item.changes.map((change) => describe(change.field, String(change.before ?? '—'), String(change.after ?? '—'))).join('; ');
}

export function ActivityPage() {
  const { t, formatDateTime } = useI18n();
  const list = usePagedList((page, signal) => request(api.audit.listMyActivity, { query: page, signal }));

  useTitle(t.activity.title);

  return (
    <Frame pool="customer" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.activity.heading}</h1>
        <p class="muted">{t.activity.intro}</p>
      </div>
      <PagedTable
        list={list}
        testId="activity-table"
        caption={t.activity.tableCaption}
        empty={{ title: t.activity.empty, help: t.activity.emptyHelp }}
        showing={t.activity.showing(list.items.length)}
        head={
          <>
            <th scope="col">{t.activity.at}</th>
            <th scope="col">{t.activity.what}</th>
            <th scope="col">{t.activity.team}</th>
            <th scope="col">{t.activity.details}</th>
          </>
        }
        row={(item) => (
          <tr key={item.activityId}>
            <td>
              <time dateTime={item.at}>{formatDateTime(item.at)}</time>
            </td>
            <td>
              {t.activity.action(item.action)}
              {item.target.label && <span class="muted"> · {item.target.label}</span>}
            </td>
            <td>{t.activity.teams[item.team] ?? t.activity.teams.staff}</td>
            <td>{changeText(item, t.audit.change) || t.app.notAvailable}</td>
          </tr>
        )}
      />
    </Frame>
  );
}
