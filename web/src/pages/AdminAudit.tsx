// Staff (admin): the audit trail with its filters (staff user, action, target, dates), newest first. The filters live
// in the address, so a reload or a shared link shows the same entries.

import { useState } from 'preact/hooks';
import { AUDIT_TARGET_KINDS, type AuditTargetKind } from '#shared/api/contract.ts';
import { type AuditEntry, api, request } from '../api.ts';
import { Frame, PagedTable, usePagedList, useTitle } from '../components.tsx';
import { Field } from '../fields.tsx';
import { useI18n } from '../i18n.ts';

const FILTERS = ['staffUserId', 'action', 'targetKind', 'targetId', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

function filtersFromAddress(): Filters {
  const params = new URLSearchParams(location.search);
  return Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ''])) as Filters;
}

function queryOf(filters: Filters) {
  const defined = Object.entries(filters).filter(([, value]) => value.trim() !== '');
  return Object.fromEntries(defined.map(([name, value]) => [name, value.trim()])) as Partial<Filters> & { targetKind?: AuditTargetKind };
}

function changesOf(entry: AuditEntry, describe: (field: string, before: string, after: string) => string): string {
  return entry.changes.map((change) => describe(change.field, String(change.before ?? '—'), String(change.after ?? '—'))).join('; ');
}

export function AdminAuditPage() {
  const { t } = useI18n();
  const [typed, setTyped] = useState<Filters>(filtersFromAddress);
  const [active, setActive] = useState<Filters>(filtersFromAddress);
  const list = usePagedList(
    (page, signal) => request(api.audit.listAudit, { query: { ...queryOf(active), ...page }, signal }),
    JSON.stringify(active),
  );

  useTitle(t.audit.title);

  const apply = (filters: Filters) => {
    const search = new URLSearchParams(queryOf(filters) as Record<string, string>).toString();
    history.replaceState(history.state, '', search ? `${location.pathname}?${search}` : location.pathname);
    setTyped(filters);
    setActive(filters);
  };
  const set = (name: keyof Filters) => (value: string) => setTyped({ ...typed, [name]: value });

  return (
    <Frame pool="staff" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.audit.heading}</h1>
        <p class="muted">{t.audit.intro}</p>
      </div>

      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for the browsers we support; role="search" says the same. */}
      <form
        class="audit-filters"
        role="search"
        aria-label={t.audit.filters}
        onSubmit={(event) => {
          event.preventDefault();
          apply(typed);
        }}
      >
        <Field id="audit-staff" label={t.audit.staffUserId} value={typed.staffUserId} onInput={set('staffUserId')} required={false} />
        <Field id="audit-action" label={t.audit.action} value={typed.action} onInput={set('action')} required={false} />
        <div class="field">
          <label for="audit-target-kind">{t.audit.targetKind}</label>
          <select id="audit-target-kind" value={typed.targetKind} onChange={(event) => set('targetKind')(event.currentTarget.value)}>
            <option value="">{t.audit.anyTarget}</option>
            {AUDIT_TARGET_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t.audit.targetKinds[kind]}
              </option>
            ))}
          </select>
        </div>
        <Field id="audit-target" label={t.audit.targetId} value={typed.targetId} onInput={set('targetId')} required={false} />
        <div class="field">
          <label for="audit-from">{t.audit.from}</label>
          <input id="audit-from" type="date" value={typed.from} onInput={(event) => set('from')(event.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="audit-to">{t.audit.to}</label>
          <input id="audit-to" type="date" value={typed.to} onInput={(event) => set('to')(event.currentTarget.value)} />
        </div>
        <div class="actions">
          <button type="submit" class="button secondary">
            {t.audit.apply}
          </button>
          <button type="button" class="link-button" onClick={() => apply(Object.fromEntries(FILTERS.map((name) => [name, ''])) as Filters)}>
            {t.audit.clear}
          </button>
        </div>
      </form>

      <PagedTable
        list={list}
        testId="audit-table"
        caption={t.audit.tableCaption}
        empty={{ title: t.audit.empty, help: t.audit.emptyHelp }}
        showing={t.audit.showing(list.items.length)}
        head={
          <>
            <th scope="col">{t.audit.at}</th>
            <th scope="col">{t.audit.who}</th>
            <th scope="col">{t.audit.what}</th>
            <th scope="col">{t.audit.target}</th>
            <th scope="col">{t.audit.changes}</th>
            <th scope="col">{t.audit.reason}</th>
            <th scope="col">{t.audit.origin}</th>
          </>
        }
        row={(entry) => <AuditRow key={entry.auditId} entry={entry} />}
      />
    </Frame>
  );
}

function AuditRow(props: { entry: AuditEntry }) {
  const { t, formatDateTime } = useI18n();
  const { entry } = props;
  return (
    <tr>
      <td>
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
      </td>
      <td>
        {entry.actor.email ?? entry.actor.userId}
        <span class="muted"> ({entry.actor.groups.join(', ')})</span>
      </td>
      <td>
        <code>{entry.action}</code>
      </td>
      <td>
        {t.audit.targetKinds[entry.target.kind]}: {entry.target.label ?? entry.target.id}
      </td>
      <td>{changesOf(entry, t.audit.change) || t.app.notAvailable}</td>
      <td>{entry.reason ?? t.audit.noReason}</td>
      <td>
        {entry.sourceIp}
        <span class="muted small"> · {entry.requestId}</span>
      </td>
    </tr>
  );
}
