// Staff: the monthly SLA report — first-response and resolution times per SLA level and priority, as the daily job left it.

import { useState } from 'preact/hooks';
import { api, request } from '../api.ts';
import { ErrorAlert, Frame, useResource, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';

function currentMonth(): string {
  return new Date().toISOString().slice(0, 7);
}

export function AdminSlaPage() {
  const { t } = useI18n();
  useTitle(t.sla.reportTitle);
  const [typed, setTyped] = useState(currentMonth());
  const [month, setMonth] = useState(currentMonth());
  const report = useResource((signal) => request(api.sla.getSlaReport, { query: { month }, signal }), month);
  const stat = (value: { medianMinutes: number; averageMinutes: number; withinTargetShare: number } | undefined) =>
    value ? t.sla.stat(value.medianMinutes, value.averageMinutes, value.withinTargetShare) : t.sla.none;

  return (
    <Frame pool="staff" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.sla.reportHeading}</h1>
        <p class="muted">{t.sla.reportIntro}</p>
      </div>
      <form
        class="card section"
        onSubmit={(event) => {
          event.preventDefault();
          setMonth(typed);
        }}
      >
        <div class="field">
          <label for="sla-month">{t.sla.month}</label>
          <input id="sla-month" type="month" value={typed} onInput={(event) => setTyped(event.currentTarget.value)} required />
        </div>
        <button type="submit" class="button primary">
          {t.sla.show}
        </button>
      </form>
      {report.error !== undefined && <ErrorAlert error={report.error} onRetry={report.retry} />}
      {report.data && (
        <section class="card section" data-testid="sla-report">
          {report.data.computedAt ? (
            <p class="muted">{t.sla.computedAt(report.data.computedAt.slice(0, 16).replace('T', ' '))}</p>
          ) : (
            <p role="status">{t.sla.notComputed}</p>
          )}
          {report.data.rows.length > 0 && (
            <div class="table-wrap">
              <table>
                <caption>{t.sla.caption(report.data.month)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.sla.level}</th>
                    <th scope="col">{t.sla.priority}</th>
                    <th scope="col">{t.sla.tickets}</th>
                    <th scope="col">{t.sla.firstResponse}</th>
                    <th scope="col">{t.sla.resolution}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.data.rows.map((row) => (
                    <tr key={`${row.slaLevel}-${row.priority}`}>
                      <td data-label={t.sla.level}>{t.sla.levels[row.slaLevel]}</td>
                      <td data-label={t.sla.priority}>{t.sla.priorities[row.priority]}</td>
                      <td data-label={t.sla.tickets}>{row.tickets}</td>
                      <td data-label={t.sla.firstResponse}>{stat(row.firstResponse)}</td>
                      <td data-label={t.sla.resolution}>{stat(row.resolution)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </Frame>
  );
}
