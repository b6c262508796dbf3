// The customer's tickets: the ones they may see, filtered (closed ones behind "Show closed", as the seed), last change
// first, a page size to choose; the filters live in the address so reload and Back keep them.

import { useState } from 'preact/hooks';
import { api, type ReplyOf, request } from '../api.ts';
import { Frame, Link, PagedTable, SortHeader, usePagedList, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import './ticket-thread.css';

type TicketSummary = ReplyOf<typeof api.ticketThread.listTickets>['items'][number];

const STATUSES = ['new', 'open', 'waiting-for-customer', 'waiting-for-vendor', 'resolved', 'closed'] as const;
const KINDS = ['administrative', 'technical'] as const;
const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

interface Filters {
  status: string;
  kind: string;
  priority: string;
  assetId: string;
  q: string;
  showClosed: boolean;
  limit: number;
  sort: 'asc' | 'desc';
}

const DEFAULTS: Filters = { status: '', kind: '', priority: '', assetId: '', q: '', showClosed: false, limit: 25, sort: 'desc' };

function oneOf<T extends string>(values: readonly T[], value: string | null): T | '' {
  return values.includes(value as T) ? (value as T) : '';
}

function filtersFromAddress(): Filters {
  const params = new URLSearchParams(location.search);
  const limit = Number(params.get('limit'));
  return {
    status: oneOf(STATUSES, params.get('status')),
    kind: oneOf(KINDS, params.get('kind')),
    priority: oneOf(PRIORITIES, params.get('priority')),
    assetId: params.get('assetId') ?? '',
    q: params.get('q') ?? '',
    showClosed: params.get('showClosed') === 'true',
    limit: (api.ticketThread.TICKET_PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULTS.limit,
    sort: params.get('sort') === 'asc' ? 'asc' : 'desc',
  };
}

/** The query the API takes (and the address keeps): only what differs from the defaults. */
function queryOf(filters: Filters) {
  return {
    ...(filters.status ? { status: filters.status as (typeof STATUSES)[number] } : {}),
    ...(filters.kind ? { kind: filters.kind as (typeof KINDS)[number] } : {}),
    ...(filters.priority ? { priority: filters.priority as (typeof PRIORITIES)[number] } : {}),
    ...(filters.assetId ? { assetId: filters.assetId } : {}),
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(filters.showClosed ? { showClosed: 'true' as const } : {}),
    ...(filters.limit !== DEFAULTS.limit ? { limit: filters.limit } : {}),
    ...(filters.sort === 'asc' ? { sort: 'asc' as const } : {}),
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function StatusBadge(props: { status: TicketSummary['status'] }) {
  const { t } = useI18n();
  const tone = props.status === 'closed' ? 'badge-off' : props.status === 'waiting-for-customer' ? 'badge-warn' : 'badge-ok';
  return (
    <span class={`badge ${tone}`} data-testid="ticket-status">
      {t.ticketThread.statuses[props.status]}
    </span>
  );
}

export function TicketsPage() {
  const { t, formatDateTime } = useI18n();
  const tt = t.ticketThread;
  const [active, setActive] = useState<Filters>(filtersFromAddress);
  const [typed, setTyped] = useState<Filters>(active);
  // Assets named in the rows read so far: the asset filter offers them.
  const [assets, setAssets] = useState<Record<string, string>>({});
  useTitle(tt.title);

  const query = queryOf(active);
  const list = usePagedList(async (page, signal) => {
    const answer = await request(api.ticketThread.listTickets, { query: { ...query, ...page, limit: active.limit }, signal });
    setAssets((known) => {
      const next = { ...known };
      for (const ticket of answer.items) if (ticket.assetId && ticket.assetLabel) next[ticket.assetId] = ticket.assetLabel;
      return next;
    });
    return answer;
  }, JSON.stringify(query));

  const apply = (filters: Filters) => {
    const search = new URLSearchParams(Object.entries(queryOf(filters)).map(([name, value]) => [name, String(value)])).toString();
    history.replaceState(history.state, '', search ? `${location.pathname}?${search}` : location.pathname);
    setTyped(filters);
    setActive(filters);
  };
  // Choices apply at once; the subject text on Enter or the Filter button.
  const choose = (change: Partial<Filters>) => apply({ ...typed, ...change });
  const now = Date.now();

  return (
    <Frame pool="customer" signedIn>
      <div class="page-head page-head-actions">
        <div>
          <h1 tabIndex={-1}>{tt.heading}</h1>
          <p class="muted">{tt.intro}</p>
        </div>
        <Link href="/tickets/new" class="button primary">
          {tt.newTicket}
        </Link>
      </div>

      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for the browsers we support; role="search" says the same. */}
      <form
        class="audit-filters ticket-filters"
        role="search"
        aria-label={tt.filters}
        onSubmit={(event) => {
          event.preventDefault();
          apply(typed);
        }}
      >
        <div class="field">
          <label for="tickets-q">{tt.search}</label>
          <input
            id="tickets-q"
            type="search"
            maxLength={200}
            value={typed.q}
            aria-describedby="tickets-q-help"
            onInput={(event) => setTyped({ ...typed, q: event.currentTarget.value })}
          />
          <p id="tickets-q-help" class="muted small field-hint">
            {tt.searchHelp}
          </p>
        </div>
        <div class="field">
          <label for="tickets-status">{tt.status}</label>
          <select id="tickets-status" value={typed.status} onChange={(event) => choose({ status: event.currentTarget.value })}>
            <option value="">{tt.anyStatus}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {tt.statuses[status]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="tickets-kind">{tt.kind}</label>
          <select id="tickets-kind" value={typed.kind} onChange={(event) => choose({ kind: event.currentTarget.value })}>
            <option value="">{tt.anyKind}</option>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {tt.kinds[kind]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="tickets-priority">{tt.priority}</label>
          <select id="tickets-priority" value={typed.priority} onChange={(event) => choose({ priority: event.currentTarget.value })}>
            <option value="">{tt.anyPriority}</option>
            {PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {tt.priorities[priority]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="tickets-asset">{tt.asset}</label>
          <select id="tickets-asset" value={typed.assetId} onChange={(event) => choose({ assetId: event.currentTarget.value })}>
            <option value="">{tt.anyAsset}</option>
            {Object.entries(assets).map(([assetId, label]) => (
              <option key={assetId} value={assetId}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="tickets-limit">{tt.pageSize}</label>
          <select id="tickets-limit" value={String(typed.limit)} onChange={(event) => choose({ limit: Number(event.currentTarget.value) })}>
            {api.ticketThread.TICKET_PAGE_SIZES.map((size) => (
              <option key={size} value={String(size)}>
                {size}
              </option>
            ))}
          </select>
        </div>
        <div class="field checkbox">
          <input
            id="tickets-closed"
            type="checkbox"
            checked={typed.showClosed}
            onChange={(event) => choose({ showClosed: event.currentTarget.checked })}
          />
          <label for="tickets-closed">{tt.showClosed}</label>
        </div>
        <div class="actions">
          <button type="submit" class="button secondary">
            {tt.apply}
          </button>
          <button type="button" class="link-button" onClick={() => apply(DEFAULTS)}>
            {tt.clear}
          </button>
        </div>
      </form>

      <PagedTable
        list={list}
        testId="tickets-table"
        compact
        caption={tt.tableCaption}
        empty={{ title: tt.empty, help: tt.emptyHelp }}
        showing={tt.showing(list.items.length)}
        head={
          <>
            <th scope="col">{tt.number}</th>
            <th scope="col">{tt.subject}</th>
            <SortHeader
              label={tt.lastChange}
              sort={active.sort}
              onReverse={() => choose({ sort: active.sort === 'desc' ? 'asc' : 'desc' })}
            />
            <th scope="col">{tt.company}</th>
            <th scope="col">{tt.age}</th>
            <th scope="col">{tt.status}</th>
            <th scope="col">{tt.priority}</th>
            <th scope="col">{tt.kind}</th>
            <th scope="col">{tt.asset}</th>
          </>
        }
        row={(ticket: TicketSummary) => (
          <tr key={ticket.ticketNumber} data-testid="ticket-row">
            <td>
              <Link href={`/tickets/${ticket.ticketNumber}`}>{ticket.ticketNumber}</Link>
            </td>
            <td>
              <Link href={`/tickets/${ticket.ticketNumber}`}>{ticket.subject}</Link>
            </td>
            <td>
              <time dateTime={ticket.updatedAt}>{formatDateTime(ticket.updatedAt)}</time>
            </td>
            <td>{ticket.accountName}</td>
            <td>{tt.ageDays(Math.floor((now - new Date(ticket.createdAt).getTime()) / DAY_MS))}</td>
            <td>
              <StatusBadge status={ticket.status} />
            </td>
            <td>{tt.priorities[ticket.priority]}</td>
            <td>{tt.kinds[ticket.kind]}</td>
            <td>{ticket.assetLabel ?? t.app.notAvailable}</td>
          </tr>
        )}
      />
    </Frame>
  );
}
