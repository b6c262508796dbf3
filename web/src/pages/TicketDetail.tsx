// One of the customer's tickets: its header (status, priority, asset, dates), the public conversation with support,
// the reply form, close and reopen, and the star rating once it is closed.

import { useState } from 'preact/hooks';
import { api, type ReplyOf, request } from '../api.ts';
import { ErrorAlert, Frame, isNotFound, Link, NotOnAccount, useResource, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { StatusBadge } from './Tickets.tsx';
import './ticket-thread.css';
import { Markdown } from '../markdown.tsx';
import { TicketAttachments } from '../attachments.tsx';

type TicketDetail = ReplyOf<typeof api.ticketThread.getTicket>;
type ThreadEntry = TicketDetail['thread'][number];

/** Markdown as plain text until the shared renderer lands (the lead swaps in `<Markdown source />` here). */
function Body(props: { source: string; testId?: string }) {
  return (
    <div data-testid={props.testId}>
      <Markdown source={props.source} />
    </div>
  );
}

function Entry(props: { entry: ThreadEntry }) {
  const { t, formatDateTime } = useI18n();
  const tt = t.ticketThread;
  const { entry } = props;
  const author =
    entry.author.kind === 'staff' ? (entry.author.name ?? tt.support) : entry.author.kind === 'system' ? tt.system : entry.author.name;
  const change =
    entry.statusFrom && entry.statusTo ? tt.statusChange(tt.statuses[entry.statusFrom], tt.statuses[entry.statusTo]) : undefined;
  return (
    <li class={`thread-entry thread-${entry.author.kind} thread-${entry.entry}`} data-testid="thread-entry">
      <p class="muted small">
        <strong>{author ?? tt.support}</strong> · <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
        {entry.via === 'email' && <> · {tt.viaEmail}</>}
      </p>
      {entry.entry === 'reply' && <Body source={entry.body} testId="thread-body" />}
      {change && <p class="muted small">{change}</p>}
    </li>
  );
}

function Rating(props: { ticket: TicketDetail; onRated: (ticket: TicketDetail) => void }) {
  const { t } = useI18n();
  const tt = t.ticketThread;
  const { ticket } = props;
  const [score, setScore] = useState(ticket.rating?.score ?? 0);
  const [comment, setComment] = useState(ticket.rating?.comment ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);
  return (
    <section class="card" aria-labelledby="rating-heading" data-testid="ticket-rating">
      <h2 id="rating-heading">{tt.ratingHeading}</h2>
      {ticket.rating && <p class="muted">{tt.yourRating(ticket.rating.score)}</p>}
      {ticket.actions.rate && (
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            if (score < 1) return;
            setBusy(true);
            setError(undefined);
            try {
              const trimmed = comment.trim();
              props.onRated(
                await request(api.ticketThread.rateTicket, {
                  path: { ticketNumber: ticket.ticketNumber },
                  body: { score, ...(trimmed ? { comment: trimmed } : {}) },
                }),
              );
              setSaved(true);
            } catch (failure) {
              setError(failure);
            } finally {
              setBusy(false);
            }
          }}
        >
          <fieldset class="stars">
            <legend>{tt.ratingLegend}</legend>
            {[1, 2, 3, 4, 5].map((value) => (
              <label key={value} class={value <= score ? 'star on' : 'star'}>
                <input type="radio" name="rating" value={String(value)} checked={score === value} onChange={() => setScore(value)} />
                <span aria-hidden="true">★</span>
                <span class="visually-hidden">{tt.stars(value)}</span>
              </label>
            ))}
          </fieldset>
          <div class="field">
            <label for="rating-comment">{tt.ratingComment}</label>
            <textarea
              id="rating-comment"
              maxLength={1000}
              rows={3}
              value={comment}
              onInput={(event) => setComment(event.currentTarget.value)}
            />
          </div>
          {error !== undefined && <ErrorAlert error={error} />}
          <div class="actions-row">
            <button type="submit" class="button primary" disabled={busy || score < 1}>
              {tt.rate}
            </button>
            <p class="muted small" role="status">
              {saved ? tt.rated : ''}
            </p>
          </div>
        </form>
      )}
    </section>
  );
}

function Ticket(props: { ticket: TicketDetail; onChange: (ticket: TicketDetail) => void }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const tt = t.ticketThread;
  const { ticket } = props;
  const [reply, setReply] = useState('');
  const [busy, setBusy] = useState<'reply' | 'close' | 'reopen' | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [sent, setSent] = useState(false);

  const act = async (kind: 'reply' | 'close' | 'reopen', call: () => Promise<TicketDetail>) => {
    setBusy(kind);
    setError(undefined);
    setSent(false);
    try {
      props.onChange(await call());
      if (kind === 'reply') {
        setReply('');
        setSent(true);
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(undefined);
    }
  };
  const path = { ticketNumber: ticket.ticketNumber };

  return (
    <>
      <div class="page-head">
        <p class="eyebrow">{tt.detailTitle(ticket.ticketNumber)}</p>
        <h1 tabIndex={-1}>{ticket.subject}</h1>
        <p>
          <StatusBadge status={ticket.status} /> <span class="muted">{tt.priorities[ticket.priority]}</span> ·{' '}
          <span class="muted">{tt.kinds[ticket.kind]}</span>
        </p>
      </div>

      <dl class="ticket-facts" data-testid="ticket-facts">
        <div>
          <dt>{tt.opened}</dt>
          <dd>
            <time dateTime={ticket.createdAt}>{formatDateTime(ticket.createdAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{tt.lastChange}</dt>
          <dd>
            <time dateTime={ticket.updatedAt}>{formatDateTime(ticket.updatedAt)}</time>
          </dd>
        </div>
        {ticket.closedAt && (
          <div>
            <dt>{tt.closedAt}</dt>
            <dd>
              <time dateTime={ticket.closedAt}>{formatDateTime(ticket.closedAt)}</time>
            </dd>
          </div>
        )}
        <div>
          <dt>{tt.requester}</dt>
          <dd>{ticket.requester.name ?? ticket.requester.email}</dd>
        </div>
        {ticket.assetLabel && (
          <div>
            <dt>{tt.asset}</dt>
            <dd>{ticket.assetLabel}</dd>
          </div>
        )}
        {ticket.contractNumber && (
          <div>
            <dt>{tt.contract}</dt>
            <dd>{ticket.contractNumber}</dd>
          </div>
        )}
        {ticket.relation && (
          <div>
            <dt>{tt.relation}</dt>
            <dd>{tt.relations[ticket.relation]}</dd>
          </div>
        )}
      </dl>

      <section class="card" aria-labelledby="description-heading">
        <h2 id="description-heading">{tt.description}</h2>
        <Body source={ticket.description} />
      </section>

      <section class="section" aria-labelledby="conversation-heading">
        <h2 id="conversation-heading">{tt.conversation}</h2>
        {ticket.thread.length === 0 ? (
          <p class="muted">{tt.noReplies}</p>
        ) : (
          <ol class="thread" data-testid="ticket-thread">
            {ticket.thread.map((entry) => (
              <Entry key={entry.messageId} entry={entry} />
            ))}
          </ol>
        )}
      </section>

      {error !== undefined && <ErrorAlert error={error} />}
      <p class="visually-hidden" role="status">
        {sent ? tt.sent : ''}
      </p>

      {ticket.status === 'closed' && (
        <div class="card" data-testid="ticket-closed">
          <p>{tt.closedNotice}</p>
          {ticket.mergedInto !== undefined ? (
            <p>
              <Link href={`/tickets/${ticket.mergedInto}`}>{tt.mergedInto(ticket.mergedInto)}</Link>
            </p>
          ) : ticket.actions.reopen && ticket.reopenUntil ? (
            <p class="muted">{tt.reopenUntil(formatDate(ticket.reopenUntil))}</p>
          ) : (
            <p class="muted">{tt.reopenExpired}</p>
          )}
          {ticket.actions.reopen && (
            <button
              type="button"
              class="button secondary"
              disabled={busy !== undefined}
              onClick={() => act('reopen', () => request(api.ticketThread.reopenTicket, { path }))}
            >
              {tt.reopen}
            </button>
          )}
        </div>
      )}

      {ticket.actions.reply && (
        <section class="card" aria-labelledby="reply-heading">
          <h2 id="reply-heading">{tt.reply}</h2>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (!reply.trim()) return;
              act('reply', () => request(api.ticketThread.replyToTicket, { path, body: { body: reply } }));
            }}
          >
            <div class="field">
              <label for="ticket-reply">{tt.replyLabel}</label>
              <textarea
                id="ticket-reply"
                rows={6}
                maxLength={20_000}
                required
                aria-describedby="ticket-reply-help"
                value={reply}
                onInput={(event) => setReply(event.currentTarget.value)}
              />
              <p id="ticket-reply-help" class="muted small field-hint">
                {tt.replyHelp}
              </p>
            </div>
            <div class="actions-row">
              <button type="submit" class="button primary" disabled={busy !== undefined} aria-busy={busy === 'reply'}>
                {busy === 'reply' ? tt.sending : tt.send}
              </button>
              {ticket.actions.close && (
                <button
                  type="button"
                  class="button secondary"
                  disabled={busy !== undefined}
                  onClick={() => act('close', () => request(api.ticketThread.closeTicket, { path }))}
                >
                  {tt.close}
                </button>
              )}
            </div>
          </form>
        </section>
      )}

      {ticket.status === 'closed' && (ticket.actions.rate || ticket.rating) && <Rating ticket={ticket} onRated={props.onChange} />}
      <TicketAttachments ticketNumber={ticket.ticketNumber} mayAttach={ticket.actions.reply} />
    </>
  );
}

export function TicketDetailPage(props: { ticketNumber: string }) {
  const { t } = useI18n();
  const tt = t.ticketThread;
  const valid = /^[1-9][0-9]{0,9}$/.test(props.ticketNumber);
  const loaded = useResource(
    (signal) => request(api.ticketThread.getTicket, { path: { ticketNumber: Number(props.ticketNumber) }, signal }),
    props.ticketNumber,
  );
  const [changed, setChanged] = useState<TicketDetail | undefined>(undefined);
  const ticket = changed ?? loaded.data;
  useTitle(ticket ? tt.detailTitle(ticket.ticketNumber) : tt.title);
  const notFound = !valid || isNotFound(loaded.error);

  return (
    <Frame pool="customer" signedIn>
      <p>
        <Link href="/tickets">{tt.back}</Link>
      </p>
      {notFound ? (
        <NotOnAccount title={tt.notFound} help={tt.notFoundHelp} back={{ href: '/tickets', label: tt.back }} />
      ) : loaded.error !== undefined && !ticket ? (
        <ErrorAlert error={loaded.error} onRetry={loaded.retry} />
      ) : !ticket ? (
        <p class="muted" role="status">
          {t.app.loading}
        </p>
      ) : (
        <Ticket ticket={ticket} onChange={setChanged} />
      )}
    </Frame>
  );
}
