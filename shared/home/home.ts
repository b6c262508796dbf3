// The customer's home page: tiles for the areas their role may use, upcoming renewals, news in their language, the
// banner and the account's latest staff actions. Each section is one Query or GetItem, read side by side; counts are
// taken from at most HOME_READ_LIMIT items (one page), so a large account costs the same and shows "100+".

import { ROLE_AREAS } from '#shared/accounts/roles.ts';
import type { CustomerCaller } from '#shared/accounts/caller.ts';
import { listAccountAudit } from '#shared/audit/audit.ts';
import { unpaidInvoicesSummary } from '#shared/billing/invoice-list.ts';
import { bannerIn, getBanner } from '#shared/home/banner.ts';
import { listPublishedNews, type NewsView } from '#shared/home/news.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import { listLicences } from '#shared/licences/list-licences.ts';
import type { LicenceView } from '#shared/licences/model.ts';
import { listSupportSubscriptions } from '#shared/support/list-support.ts';
import { listSubscriptions } from '#shared/subscriptions/list.ts';
import type { SupportSubscriptionView } from '#shared/support/model.ts';
import { MAX_PAGE_SIZE, type Page } from '#shared/paging.ts';
import { now } from '#shared/time.ts';
import { type ActivityEntry, homeTickets, type RecentTicket } from '#shared/tickets/activity.ts';

/** The most items one section reads: one page. Beyond it a count says "100+" instead of reading on. */
export const HOME_READ_LIMIT = MAX_PAGE_SIZE;
/** A licence or a support subscription ending within this many days is "expiring". */
export const EXPIRING_DAYS = 30;
/** Renewals list the support subscriptions ending within this many days. */
export const RENEWAL_DAYS = 60;
export const HOME_NEWS = 3;
export const HOME_ACTIVITY = 5;

const DAY_MS = 24 * 60 * 60 * 1000;
/** The services tile counts what still runs: paid, or due or overdue but not yet suspended; cancelled ones run to paid-until. */
const RUNNING: ReadonlySet<string> = new Set(['active', 'due', 'overdue', 'cancelled']);

interface BoundedCount {
  count: number;
  more: boolean;
}

function counted<T>(page: Page<T>, test: (item: T) => boolean): BoundedCount {
  return { count: page.items.filter(test).length, more: page.nextCursor !== undefined };
}

/** When a time-limited licence stops working (purchase + its days); perpetual ones never do. */
function licenceEndsAt(licence: LicenceView): number | undefined {
  return licence.days === undefined ? undefined : new Date(licence.purchasedAt).getTime() + licence.days * DAY_MS;
}

export function licenceTile(page: Page<LicenceView>, at: Date) {
  const time = at.getTime();
  const running = (licence: LicenceView) => {
    const end = licenceEndsAt(licence);
    return licence.revokedAt === undefined && (end === undefined || end > time);
  };
  return {
    active: counted(page, running),
    expiring: counted(page, (licence) => {
      const end = licenceEndsAt(licence);
      return running(licence) && end !== undefined && end <= time + EXPIRING_DAYS * DAY_MS;
    }),
  };
}

function endingWithin(subscription: SupportSubscriptionView, at: Date, days: number): boolean {
  const end = new Date(subscription.endsAt).getTime();
  return end > at.getTime() && end <= at.getTime() + days * DAY_MS;
}

export interface Home {
  tiles: {
    licences?: { active: BoundedCount; expiring: BoundedCount };
    support?: { expiring: BoundedCount };
    openTickets?: BoundedCount;
    unpaidInvoices?: BoundedCount & { due: Array<{ amountMinor: number; currency: string }> };
    activeServices?: BoundedCount;
    renewalsDue?: BoundedCount;
  };
  renewals?: Array<{ subscriptionId: string; licenceId: string; product: string; serial: string; endsAt: string }>;
  news: NewsView[];
  banner?: { text: string; link?: string; locale: Locale };
  activity: Array<{ activityId: string; at: string; action: string; team: string }>;
  lastSignIn?: { at: string; sourceIp: string };
  recentTickets: RecentTicket[];
  activities: ActivityEntry[];
}

export async function readHome(caller: CustomerCaller, locale: Locale): Promise<Home> {
  const at = now();
  const technical = (ROLE_AREAS.technicalRead as readonly string[]).includes(caller.role);
  const billing = (ROLE_AREAS.billingRead as readonly string[]).includes(caller.role);
  const [licences, support, news, banner, activity, tickets, unpaid, services] = await Promise.all([
    technical ? listLicences(caller.accountId, { limit: HOME_READ_LIMIT }) : undefined,
    technical ? listSupportSubscriptions(caller.accountId, { limit: HOME_READ_LIMIT }) : undefined,
    listPublishedNews(locale, { limit: HOME_NEWS }),
    getBanner(),
    listAccountAudit(caller.accountId, { limit: HOME_ACTIVITY }),
    homeTickets(caller, HOME_READ_LIMIT),
    billing ? unpaidInvoicesSummary(caller.accountId, at) : undefined,
    // Every role sees the services (ROLE_AREAS.servicesRead).
    listSubscriptions(caller.accountId, { limit: HOME_READ_LIMIT }),
  ]);
  const activeServices = counted(services, (each) => RUNNING.has(each.status));
  const renewalsDue = counted(services, (each) => each.status === 'due' || each.status === 'overdue');
  const shownBanner = bannerIn(banner, locale);
  return {
    tiles: {
      ...(licences ? { licences: licenceTile(licences, at) } : {}),
      ...(support ? { support: { expiring: counted(support, (each) => endingWithin(each, at, EXPIRING_DAYS)) } } : {}),
      // Like the later areas' tiles: shown when there is something to show.
      ...(tickets.openTickets.count > 0 || tickets.openTickets.more ? { openTickets: tickets.openTickets } : {}),
      ...(unpaid && (unpaid.count > 0 || unpaid.more)
        ? { unpaidInvoices: { count: unpaid.count, more: unpaid.more, due: unpaid.due } }
        : {}),
      ...(activeServices.count > 0 || activeServices.more ? { activeServices } : {}),
      ...(renewalsDue.count > 0 ? { renewalsDue } : {}),
    },
    ...(support
      ? {
          renewals: support.items
            .filter((each) => endingWithin(each, at, RENEWAL_DAYS))
            .sort((a, b) => a.endsAt.localeCompare(b.endsAt))
            .map(({ subscriptionId, licenceId, product, serial, endsAt }) => ({ subscriptionId, licenceId, product, serial, endsAt })),
        }
      : {}),
    news: news.items,
    ...(shownBanner ? { banner: shownBanner } : {}),
    activity: activity.items.map((entry) => ({
      activityId: entry.auditId,
      at: entry.at,
      action: entry.action,
      team: entry.actor.groups[0] ?? 'staff',
    })),
    ...(caller.person.lastSignIn ? { lastSignIn: caller.person.lastSignIn } : {}),
    recentTickets: tickets.recentTickets,
    activities: tickets.activities,
  };
}
