// The tickets on the customer's home page: the open-tickets tile (a bounded count), the last few tickets, and the
// "Activities" feed, all from the account's tickets by last change (GSI1), as the caller may see them.

import type * as z from '#shared/validation.ts';
import type * as api from '#shared/api/ticket-thread.ts';
import { countOpenTickets, queryAccountTickets, viewerFilter } from '#shared/tickets/customer-tickets.ts';
import type { Ticket, TicketViewer } from '#shared/tickets/model.ts';

export type RecentTicket = z.input<typeof api.recentTicket>;
export type TicketActivity = z.input<typeof api.ticketActivity>;
/** An entry of the feed; other sources (e.g. new articles for the account's products) add their own kinds. */
export type ActivityEntry = TicketActivity;

/** The home page shows this many recent tickets. */
export const HOME_RECENT_TICKETS = 5;
/** The feed shows this many entries. */
export const HOME_ACTIVITIES = 8;
/** Tickets read for the recent list and the feed: one Query, enough for a billing person's own among others'. */
const RECENT_READ = 25;

/** What happened last on a ticket: its last public entry, or its opening when it has none yet. */
export function ticketActivityOf(ticket: Ticket): TicketActivity {
  const base = { kind: 'ticket' as const, ticketNumber: ticket.ticketNumber, subject: ticket.subject };
  if (!ticket.lastEntry) return { ...base, at: ticket.createdAt, event: 'opened', by: 'customer' };
  return {
    ...base,
    at: ticket.lastEntry.at,
    event: ticket.lastEntry.entry,
    by: ticket.lastEntry.by,
    ...(ticket.lastEntry.statusTo ? { statusTo: ticket.lastEntry.statusTo } : {}),
  };
}

/**
 * The feed: entries from every source, newest first, at most `limit`. Today the tickets' last entries; the knowledge
 * base adds its articles here (pass them in `others`).
 */
export function activityFeed(tickets: Ticket[], others: ActivityEntry[] = [], limit = HOME_ACTIVITIES): ActivityEntry[] {
  return [...tickets.map(ticketActivityOf), ...others].sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}

export interface HomeTickets {
  openTickets: { count: number; more: boolean };
  recentTickets: RecentTicket[];
  activities: ActivityEntry[];
}

/** Two Queries side by side: the bounded count of open tickets and the latest changed ones. */
export async function homeTickets(viewer: TicketViewer, countLimit: number): Promise<HomeTickets> {
  const [openTickets, recent] = await Promise.all([
    countOpenTickets(viewer, countLimit),
    queryAccountTickets(viewer.accountId, viewerFilter(viewer), { limit: RECENT_READ, newestFirst: true }),
  ]);
  return {
    openTickets,
    recentTickets: recent.items
      .slice(0, HOME_RECENT_TICKETS)
      .map(({ ticketNumber, subject, status, updatedAt }) => ({ ticketNumber, subject, status, updatedAt })),
    activities: activityFeed(recent.items),
  };
}
