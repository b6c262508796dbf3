// The home page's ticket sections: the caller's recent tickets and the "Activities" feed (what happened last on each;
// the knowledge base adds its own kind of entry to the feed).

import type { api, ReplyOf } from './api.ts';
import { Link } from './components.tsx';
import { useI18n } from './i18n.ts';

type HomeData = ReplyOf<typeof api.home.getHome>;

export function RecentTickets(props: { tickets: HomeData['recentTickets'] }) {
  const { t, formatDateTime } = useI18n();
  const tt = t.ticketThread;
  return (
    <section class="card" aria-labelledby="recent-tickets-heading" data-testid="home-recent-tickets">
      <h2 id="recent-tickets-heading">{tt.recentTickets}</h2>
      {props.tickets.length === 0 ? (
        <p class="muted">{tt.noRecentTickets}</p>
      ) : (
        <ul class="plain-list">
          {props.tickets.map((ticket) => (
            <li key={ticket.ticketNumber}>
              <Link href={`/tickets/${ticket.ticketNumber}`}>
                {ticket.ticketNumber} · {ticket.subject}
              </Link>{' '}
              <span class="muted small">
                {tt.statuses[ticket.status]} · <time dateTime={ticket.updatedAt}>{formatDateTime(ticket.updatedAt)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="/tickets">{tt.allTickets}</Link>
      </p>
    </section>
  );
}

export function ActivitiesFeed(props: { entries: HomeData['activities'] }) {
  const { t, formatDateTime } = useI18n();
  const tt = t.ticketThread;
  const describe = (entry: HomeData['activities'][number]) => {
    if (entry.event === 'opened') return tt.activityOpened;
    if (entry.event === 'reply') return entry.by === 'staff' ? tt.activityStaffReply : tt.activityCustomerReply;
    return entry.statusTo ? tt.activityStatus(tt.statuses[entry.statusTo]) : tt.activityOpened;
  };
  return (
    <section class="card" aria-labelledby="activities-heading" data-testid="home-activities">
      <h2 id="activities-heading">{tt.activities}</h2>
      {props.entries.length === 0 ? (
        <p class="muted">{tt.noActivities}</p>
      ) : (
        <ul class="plain-list">
          {props.entries.map((entry) => (
            <li key={`${entry.kind}-${entry.ticketNumber}-${entry.at}`}>
              {describe(entry)}:{' '}
              <Link href={`/tickets/${entry.ticketNumber}`}>
                {entry.ticketNumber} · {entry.subject}
              </Link>{' '}
              <span class="muted small">
                · <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
