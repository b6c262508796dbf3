// Staff: one ticket — its facts, the whole thread with internal notes set apart, and the work on it: a public reply or
// an internal note, the status, the assignee.

import { useState } from 'preact/hooks';
import { TICKET_STATUSES, type TicketStatus } from '#shared/tickets/values.ts';
import { api, type ReplyOf, request } from '../api.ts';
import { ErrorAlert, Frame, isNotFound, Link, NotOnAccount, useResource, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import './admin-tickets.css';
import { Markdown } from '../markdown.tsx';
import { CannedReplyPicker } from '../canned-replies.tsx';
import { TicketStaffActions } from '../ticket-staff-actions.tsx';
import { TicketAttachments } from '../attachments.tsx';

type Detail = ReplyOf<typeof api.staffTickets.getStaffTicket>;
type Entry = Detail['thread'][number];

/** Runs one staff action: busy while it runs, its error shown, the ticket read again after it. */
function useAction(onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      onDone();
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

function ThreadEntry(props: { entry: Entry }) {
  const { t, formatDateTime } = useI18n();
  const texts = t.staffTickets;
  const { entry } = props;
  const who = entry.author.name ?? entry.author.email ?? texts[entry.author.kind === 'staff' ? 'staffMember' : entry.author.kind];
  const label = entry.visibility === 'internal' ? texts.internal : entry.entry === 'status' ? texts.statusEvent : texts.publicReply;
  return (
    <li class={entry.visibility === 'internal' ? 'ticket-entry internal' : 'ticket-entry'} data-testid={`entry-${entry.visibility}`}>
      <p class="entry-head">
        <strong>{label}</strong> {texts.by} {who} · <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
        {entry.statusTo ? (
          <span>
            {' '}
            · {entry.statusFrom ? texts.statuses[entry.statusFrom] : ''} → {texts.statuses[entry.statusTo]}
          </span>
        ) : null}
      </p>
      {entry.body ? <Markdown class="entry-body" source={entry.body} /> : null}
    </li>
  );
}

function WriteForm(props: { ticketNumber: number; onDone: () => void }) {
  const { t } = useI18n();
  const texts = t.staffTickets;
  const [kind, setKind] = useState<'reply' | 'note'>('reply');
  const [body, setBody] = useState('');
  const [status, setStatus] = useState<TicketStatus>('waiting-for-customer');
  const [saved, setSaved] = useState(false);
  const action = useAction(props.onDone);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    const path = { ticketNumber: props.ticketNumber };
    const ok = await action.run(() =>
      kind === 'reply'
        ? request(api.staffTickets.replyToTicket, { path, body: { body, status } })
        : request(api.staffTickets.addNote, { path, body: { body } }),
    );
    if (ok) {
      setBody('');
      setSaved(true);
    }
  };
  return (
    <form class="card" onSubmit={onSubmit} data-testid="ticket-write">
      <h2>{texts.write}</h2>
      <fieldset class="field">
        <legend>{texts.entryKind}</legend>
        <label class="language">
          <input type="radio" name="entry-kind" value="reply" checked={kind === 'reply'} onChange={() => setKind('reply')} />{' '}
          {texts.asReply}
        </label>
        <br />
        <label class="language">
          <input type="radio" name="entry-kind" value="note" checked={kind === 'note'} onChange={() => setKind('note')} /> {texts.asNote}
        </label>
      </fieldset>
      <CannedReplyPicker onPick={(text) => setBody((current) => (current ? `${current}\n\n${text}` : text))} />
      <div class="field">
        <label for="ticket-text">{texts.text}</label>
        <textarea
          id="ticket-text"
          required
          maxLength={20000}
          value={body}
          onInput={(event) => setBody((event.target as HTMLTextAreaElement).value)}
        />
      </div>
      {kind === 'reply' ? (
        <div class="field">
          <label for="ticket-status-after">{texts.statusAfter}</label>
          <select
            id="ticket-status-after"
            value={status}
            onChange={(event) => setStatus((event.target as HTMLSelectElement).value as TicketStatus)}
          >
            {TICKET_STATUSES.map((value) => (
              <option key={value} value={value}>
                {texts.statuses[value]}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {action.error ? <ErrorAlert error={action.error} /> : null}
      {saved ? (
        <p role="status" class="muted">
          {texts.sent}
        </p>
      ) : null}
      <button type="submit" class="button primary" disabled={action.busy} aria-busy={action.busy}>
        {texts.send}
      </button>
    </form>
  );
}

function AssignForm(props: { detail: Detail; onDone: () => void }) {
  const { t } = useI18n();
  const texts = t.staffTickets;
  const assignees = useResource((signal) => request(api.staffTickets.listAssignees, { signal }), 'assignees');
  const [choice, setChoice] = useState(props.detail.ticket.assignee?.userId ?? '');
  const action = useAction(props.onDone);
  const path = { ticketNumber: props.detail.ticket.ticketNumber };
  const assign = (assignee: string | null) => action.run(() => request(api.staffTickets.assignTicket, { path, body: { assignee } }));
  return (
    <form
      class="card"
      data-testid="ticket-assign"
      onSubmit={(event) => {
        event.preventDefault();
        void assign(choice === '' ? null : choice);
      }}
    >
      <h2>{texts.assign}</h2>
      <p>
        {texts.assignee}: <strong>{props.detail.ticket.assignee?.email ?? texts.nobody}</strong>
      </p>
      <div class="actions">
        <button type="button" class="button secondary" disabled={action.busy} onClick={() => void assign('me')}>
          {texts.assignToMe}
        </button>
      </div>
      <div class="field">
        <label for="ticket-assignee">{texts.assignTo}</label>
        <select id="ticket-assignee" value={choice} onChange={(event) => setChoice((event.target as HTMLSelectElement).value)}>
          <option value="">{texts.unassign}</option>
          {(assignees.data?.items ?? []).map((user) => (
            <option key={user.userId} value={user.userId}>
              {user.email}
            </option>
          ))}
        </select>
      </div>
      {action.error ? <ErrorAlert error={action.error} /> : null}
      <button type="submit" class="button primary" disabled={action.busy}>
        {texts.assignButton}
      </button>
    </form>
  );
}

function StatusForm(props: { detail: Detail; onDone: () => void }) {
  const { t } = useI18n();
  const texts = t.staffTickets;
  const [status, setStatus] = useState<TicketStatus>(props.detail.ticket.status);
  const [comment, setComment] = useState('');
  const action = useAction(props.onDone);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const ok = await action.run(() =>
      request(api.staffTickets.setTicketStatus, {
        path: { ticketNumber: props.detail.ticket.ticketNumber },
        body: { status, ...(comment.trim() ? { comment } : {}) },
      }),
    );
    if (ok) setComment('');
  };
  return (
    <form class="card" onSubmit={onSubmit} data-testid="ticket-status">
      <h2>{texts.setStatus}</h2>
      <div class="field">
        <label for="ticket-new-status">{texts.status}</label>
        <select
          id="ticket-new-status"
          value={status}
          onChange={(event) => setStatus((event.target as HTMLSelectElement).value as TicketStatus)}
        >
          {TICKET_STATUSES.map((value) => (
            <option key={value} value={value}>
              {texts.statuses[value]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="ticket-status-comment">{texts.comment}</label>
        <textarea
          id="ticket-status-comment"
          maxLength={2000}
          value={comment}
          onInput={(event) => setComment((event.target as HTMLTextAreaElement).value)}
        />
      </div>
      {action.error ? <ErrorAlert error={action.error} /> : null}
      <button type="submit" class="button primary" disabled={action.busy}>
        {texts.change}
      </button>
    </form>
  );
}

export function AdminTicketDetailPage(props: { ticketNumber: string }) {
  const { t, formatDateTime } = useI18n();
  const texts = t.staffTickets;
  const ticketNumber = Number(props.ticketNumber);
  const [version, setVersion] = useState(0);
  const detail = useResource(
    (signal) => request(api.staffTickets.getStaffTicket, { path: { ticketNumber }, query: {}, signal }),
    `${props.ticketNumber}/${version}`,
  );
  const reload = () => setVersion((count) => count + 1);
  const ticket = detail.data?.ticket;
  useTitle(ticket ? texts.ticketTitle(ticket.ticketNumber, ticket.subject) : texts.detailTitle);

  if (detail.error && !detail.data) {
    return (
      <Frame pool="staff" signedIn>
        <h1 tabIndex={-1}>{texts.detailTitle}</h1>
        {isNotFound(detail.error) ? (
          <NotOnAccount title={texts.notFound} help={texts.notFoundHelp} back={{ href: '/admin/tickets', label: texts.back }} />
        ) : (
          <ErrorAlert error={detail.error} onRetry={detail.retry} />
        )}
      </Frame>
    );
  }
  if (!detail.data || !ticket) {
    return (
      <Frame pool="staff" signedIn>
        <p class="muted" role="status">
          {t.app.loading}
        </p>
      </Frame>
    );
  }
  return (
    <Frame pool="staff" signedIn>
      <p>
        <Link href="/admin/tickets">{texts.back}</Link>
      </p>
      <div class="page-head">
        <h1 tabIndex={-1}>{texts.ticketTitle(ticket.ticketNumber, ticket.subject)}</h1>
      </div>
      <section class="card" aria-labelledby="ticket-facts">
        <h2 id="ticket-facts">{texts.facts}</h2>
        <dl class="facts">
          <div>
            <dt>{texts.company}</dt>
            <dd>
              <Link href={`/admin/customers/${encodeURIComponent(ticket.accountId)}`}>{ticket.accountName}</Link>
            </dd>
          </div>
          <div>
            <dt>{texts.requester}</dt>
            <dd>{ticket.requester.name ?? ticket.requester.email}</dd>
          </div>
          <div>
            <dt>{texts.kind}</dt>
            <dd>{texts.kinds[ticket.kind]}</dd>
          </div>
          <div>
            <dt>{texts.priority}</dt>
            <dd>{texts.priorities[ticket.priority]}</dd>
          </div>
          <div>
            <dt>{texts.status}</dt>
            <dd data-testid="ticket-status-value">{texts.statuses[ticket.status]}</dd>
          </div>
          <div>
            <dt>{texts.assignee}</dt>
            <dd>{ticket.assignee?.email ?? texts.nobody}</dd>
          </div>
          <div>
            <dt>{texts.created}</dt>
            <dd>
              <time dateTime={ticket.createdAt}>{formatDateTime(ticket.createdAt)}</time>
            </dd>
          </div>
          {ticket.assetLabel ? (
            <div>
              <dt>{texts.asset}</dt>
              <dd>{ticket.assetLabel}</dd>
            </div>
          ) : null}
          {ticket.contractNumber ? (
            <div>
              <dt>{texts.contract}</dt>
              <dd>{ticket.contractNumber}</dd>
            </div>
          ) : null}
          {ticket.firstResponseDueAt ? (
            <div>
              <dt>{texts.firstResponse}</dt>
              <dd>
                <time dateTime={ticket.firstResponseAt ?? ticket.firstResponseDueAt}>
                  {formatDateTime(ticket.firstResponseAt ?? ticket.firstResponseDueAt)}
                </time>
              </dd>
            </div>
          ) : null}
          {ticket.resolutionDueAt ? (
            <div>
              <dt>{texts.resolution}</dt>
              <dd>
                <time dateTime={ticket.resolutionDueAt}>{formatDateTime(ticket.resolutionDueAt)}</time>
              </dd>
            </div>
          ) : null}
        </dl>
        <h3>{texts.description}</h3>
        <Markdown class="entry-body" source={ticket.description} />
      </section>

      <section aria-labelledby="ticket-thread-heading" class="section">
        <h2 id="ticket-thread-heading">{texts.thread}</h2>
        {detail.data.thread.length === 0 ? (
          <p class="muted">{texts.threadEmpty}</p>
        ) : (
          <ol class="ticket-thread" data-testid="ticket-thread">
            {detail.data.thread.map((entry) => (
              <ThreadEntry key={entry.messageId} entry={entry} />
            ))}
          </ol>
        )}
      </section>

      <div class="ticket-work">
        <TicketAttachments ticketNumber={ticket.ticketNumber} staff />
        <WriteForm ticketNumber={ticket.ticketNumber} onDone={reload} />
        <AssignForm key={`assign-${ticket.updatedAt}`} detail={detail.data} onDone={reload} />
        <StatusForm key={`status-${ticket.updatedAt}`} detail={detail.data} onDone={reload} />
        <TicketStaffActions key={`actions-${ticket.updatedAt}`} ticket={ticket} onChanged={reload} />
      </div>
    </Frame>
  );
}
