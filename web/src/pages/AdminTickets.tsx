// Staff (admin, support; billing reads): the ticket queue in its saved views, with filters, last change first or
// oldest first, a page at a time.

import { useState } from 'preact/hooks';
import { QUEUE_VIEWS, type QueueView } from '#shared/api/staff-tickets.ts';
import { TICKET_KINDS, TICKET_PRIORITIES } from '#shared/tickets/values.ts';
import { api, type PageRequest, type ReplyOf, request } from '../api.ts';
import { Frame, Link, PagedTable, usePagedList, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import './admin-tickets.css';

type Row = ReplyOf<typeof api.staffTickets.listQueue>['items'][number];

interface Filters {
  view: QueueView;
  priority: string;
  kind: string;
  product: string;
  accountId: string;
  sort: 'asc' | 'desc';
}

const NO_FILTERS: Filters = { view: 'all-open', priority: '', kind: '', product: '', accountId: '', sort: 'desc' };

/** The view named in the address (`?view=mine`), so a saved view can be bookmarked. */
function initialFilters(): Filters {
  const view = new URLSearchParams(location.search).get('view');
  return { ...NO_FILTERS, view: (QUEUE_VIEWS as readonly string[]).includes(view ?? '') ? (view as QueueView) : 'all-open' };
}

/**
 * One page of the queue as the table shows it. The server filters after reading, so a page may come back empty with a
 * cursor: read on (a few pages at most) until there is something to show or nothing more.
 */
async function fetchQueue(filters: Filters, page: PageRequest, signal: AbortSignal) {
  const query = {
    view: filters.view,
    sort: filters.sort,
    ...(filters.priority ? { priority: filters.priority as (typeof TICKET_PRIORITIES)[number] } : {}),
    ...(filters.kind ? { kind: filters.kind as (typeof TICKET_KINDS)[number] } : {}),
    ...(filters.product.trim() ? { product: filters.product.trim() } : {}),
    ...(filters.accountId.trim() ? { accountId: filters.accountId.trim() } : {}),
  };
  let cursor = page.cursor;
  let result = await request(api.staffTickets.listQueue, { query: { ...query, limit: page.limit, ...(cursor ? { cursor } : {}) }, signal });
  for (let read = 1; read < 5 && result.items.length === 0 && result.nextCursor; read += 1) {
    cursor = result.nextCursor;
    result = await request(api.staffTickets.listQueue, { query: { ...query, limit: page.limit, cursor }, signal });
  }
  return result;
}

function daysSince(iso: string): number {
  return Math.floor((Date.now() - new Date(iso).getTime()) / 86_400_000);
}

export function AdminTicketsPage() {
  const { t, formatDateTime } = useI18n();
  const texts = t.staffTickets;
  const [filters, setFilters] = useState<Filters>(initialFilters);
  const [draft, setDraft] = useState<Filters>(filters);
  const list = usePagedList<Row>((page, signal) => fetchQueue(filters, page, signal), JSON.stringify(filters));
  useTitle(texts.title);

  const apply = (next: Filters) => {
    setDraft(next);
    setFilters(next);
    history.replaceState(history.state, '', next.view === 'all-open' ? location.pathname : `${location.pathname}?view=${next.view}`);
  };
  const onSubmit = (event: Event) => {
    event.preventDefault();
    apply(draft);
  };
  const set = (field: keyof Filters) => (event: Event) => setDraft({ ...draft, [field]: (event.target as HTMLInputElement).value });

  return (
    <Frame pool="staff" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{texts.heading}</h1>
        <p class="muted">{texts.intro}</p>
      </div>

      <nav aria-label={texts.viewLabel}>
        <ul class="queue-views">
          {QUEUE_VIEWS.map((view) => (
            <li key={view}>
              <button
                type="button"
                class={view === filters.view ? 'button primary' : 'button secondary'}
                aria-pressed={view === filters.view}
                data-testid={`queue-view-${view}`}
                onClick={() => apply({ ...draft, view })}
              >
                {texts.views[view]}
              </button>
            </li>
          ))}
        </ul>
      </nav>

      <form class="queue-filters" onSubmit={onSubmit} aria-label={texts.filters}>
        <div class="field">
          <label for="queue-priority">{texts.priority}</label>
          <select id="queue-priority" value={draft.priority} onChange={set('priority')}>
            <option value="">{texts.any}</option>
            {TICKET_PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {texts.priorities[priority]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="queue-kind">{texts.kind}</label>
          <select id="queue-kind" value={draft.kind} onChange={set('kind')}>
            <option value="">{texts.any}</option>
            {TICKET_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {texts.kinds[kind]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="queue-product">{texts.product}</label>
          <input id="queue-product" value={draft.product} onInput={set('product')} autoComplete="off" />
        </div>
        <div class="field">
          <label for="queue-account">{texts.accountId}</label>
          <input id="queue-account" value={draft.accountId} onInput={set('accountId')} autoComplete="off" />
        </div>
        <div class="field">
          <label for="queue-sort">{texts.order}</label>
          <select id="queue-sort" value={draft.sort} onChange={set('sort')}>
            <option value="desc">{texts.newestFirst}</option>
            <option value="asc">{texts.oldestFirst}</option>
          </select>
        </div>
        <div class="actions queue-actions">
          <button type="submit" class="button primary">
            {texts.apply}
          </button>
          <button type="button" class="button secondary" onClick={() => apply({ ...NO_FILTERS, view: filters.view })}>
            {texts.clear}
          </button>
        </div>
      </form>

      <PagedTable
        list={list}
        testId="ticket-queue"
        caption={`${texts.tableCaption}: ${texts.views[filters.view]}`}
        empty={{ title: texts.empty, help: texts.emptyHelp }}
        showing={texts.showing(list.items.length)}
        compact
        head={
          <>
            <th scope="col">{texts.number}</th>
            <th scope="col">{texts.subject}</th>
            <th scope="col">{texts.company}</th>
            <th scope="col">{texts.requester}</th>
            <th scope="col">{texts.priority}</th>
            <th scope="col">{texts.status}</th>
            <th scope="col">{texts.assignee}</th>
            <th scope="col">{texts.age}</th>
            <th scope="col">{texts.lastChange}</th>
            <th scope="col">{texts.due}</th>
          </>
        }
        row={(row) => (
          <tr key={row.ticketNumber} data-testid={`queue-row-${row.ticketNumber}`}>
            <td>
              <Link href={`/admin/tickets/${row.ticketNumber}`}>#{row.ticketNumber}</Link>
            </td>
            <td>{row.subject}</td>
            <td>{row.accountName}</td>
            <td>{row.requester.name ?? row.requester.email}</td>
            <td>{texts.priorities[row.priority]}</td>
            <td>{texts.statuses[row.status]}</td>
            <td>{row.assignee?.email ?? texts.nobody}</td>
            <td>{texts.ageDays(daysSince(row.createdAt))}</td>
            <td>
              <time dateTime={row.updatedAt}>{formatDateTime(row.updatedAt)}</time>
            </td>
            <td>
              {row.breached?.length ? <strong>{texts.breached} </strong> : null}
              {!row.firstResponseAt && row.firstResponseDueAt ? (
                <span>
                  {texts.firstResponse}: <time dateTime={row.firstResponseDueAt}>{formatDateTime(row.firstResponseDueAt)}</time>{' '}
                </span>
              ) : null}
              {row.resolutionDueAt ? (
                <span>
                  {texts.resolution}: <time dateTime={row.resolutionDueAt}>{formatDateTime(row.resolutionDueAt)}</time>
                </span>
              ) : null}
            </td>
          </tr>
        )}
      />
    </Frame>
  );
}
