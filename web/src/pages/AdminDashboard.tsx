// Staff: the dashboard. What needs attention now, and the latest staff actions.

import { type AuditEntry, api, request } from '../api.ts';
import { ErrorAlert, Frame, Link, TableRegion, useCellLabels, useResource, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';

export function AdminDashboardPage() {
  const { t, formatDateTime } = useI18n();
  const recentTable = useCellLabels();
  const dashboard = useResource((signal) => request(api.dashboard.getDashboard, { signal }), 'dashboard');

  useTitle(t.dashboard.title);

  return (
    <Frame pool="staff" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.dashboard.heading}</h1>
        <p class="muted">{t.dashboard.intro}</p>
      </div>
      {dashboard.error !== undefined && <ErrorAlert error={dashboard.error} onRetry={dashboard.retry} />}
      {/* Both sections appear together once the data is there: tiles arriving above a rendered section would push it down. */}
      {!dashboard.data && dashboard.error === undefined && (
        <p class="muted" role="status">
          {t.app.loading}
        </p>
      )}
      {dashboard.data && (
        <>
          <section aria-labelledby="attention-title">
            <h2 id="attention-title">{t.dashboard.attention}</h2>
            <ul class="attention-tiles" data-testid="attention-tiles">
              {(dashboard.data?.attention ?? []).map((item) => (
                <li key={item.kind} class="tile">
                  <span class="tile-count">{item.count ?? t.app.notAvailable}</span>
                  <span class="tile-label">{t.dashboard.kinds[item.kind]}</span>
                  {item.count === undefined && <span class="muted small">{t.dashboard.notTracked}</span>}
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="recent-title">
            <h2 id="recent-title">{t.dashboard.recent}</h2>
            {dashboard.data && dashboard.data.recent.length === 0 && <p class="muted">{t.dashboard.noRecent}</p>}
            {dashboard.data && dashboard.data.recent.length > 0 && (
              <TableRegion labelledBy="recent-title">
                <table class="stack" ref={recentTable} data-testid="recent-activity">
                  <thead>
                    <tr>
                      <th scope="col">{t.audit.at}</th>
                      <th scope="col">{t.audit.who}</th>
                      <th scope="col">{t.audit.what}</th>
                      <th scope="col">{t.audit.target}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {dashboard.data.recent.map((entry: AuditEntry) => (
                      <tr key={entry.auditId}>
                        <td>
                          <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                        </td>
                        <td>{entry.actor.email ?? entry.actor.userId}</td>
                        <td>
                          <code>{entry.action}</code>
                        </td>
                        <td>
                          {t.audit.targetKinds[entry.target.kind]}: {entry.target.label ?? entry.target.id}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            )}
            <p>
              <Link href="/admin/audit">{t.dashboard.allActivity}</Link>
            </p>
          </section>
        </>
      )}
    </Frame>
  );
}
