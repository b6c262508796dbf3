// Contracts: The customer's home page (tiles, renewals, news, banner, recent activity) and the staff's news and banner.

import { moneySchema, pageOf, timestamp } from '#shared/api/common.ts';
import { contract, customer, json, staff } from '#shared/api/contract.ts';
import { pageQuery, ulidSchema } from '#shared/http/schemas.ts';
import { recentTicket, ticketActivity } from '#shared/api/ticket-thread.ts';
import { LOCALES } from '#shared/i18n/locale.ts';
import * as z from '#shared/validation.ts';

/** Who edits news and the banner. */
const editors = staff('admin', 'support');

const localeQuery = z.optional(z.enum(LOCALES));

/** A count read from at most HOME_READ_LIMIT items: `more` says there are further ones (the page shows "100+"). */
const boundedCount = z.strictObject({ count: z.number(), more: z.boolean() });

/** One news item in one language: the page's, or English when it has none in the page's. */
export const newsView = z.strictObject({
  newsId: z.string(),
  /** The day it is dated (ISO), shown with it and ordering the list. */
  date: z.iso.date(),
  title: z.string(),
  /** Plain text; blank lines part paragraphs, lines starting with "- " are list items. Never HTML. */
  body: z.string(),
  /** The language of title and body (for the `lang` attribute). */
  locale: z.enum(LOCALES),
});

export const getHome = contract({
  method: 'GET',
  path: '/api/me/home',
  summary:
    'The customer’s home page: tiles by role (licences, support expiring), upcoming renewals, news in the page’s language, the banner, recent activity and the last sign-in.',
  access: customer,
  request: { query: z.strictObject({ locale: localeQuery }) },
  response: json(
    z.strictObject({
      /** A tile is present only when the role may see its area and (for the later areas) the data exists. */
      tiles: z.strictObject({
        licences: z.optional(z.strictObject({ active: boundedCount, expiring: boundedCount })),
        support: z.optional(z.strictObject({ expiring: boundedCount })),
        /** Billing roles: the unpaid invoices among the newest 100, and what they ask for per currency (invoices area). */
        unpaidInvoices: z.optional(z.strictObject({ count: z.number(), more: z.boolean(), due: z.array(moneySchema) })),
        openTickets: z.optional(boundedCount),
        activeServices: z.optional(boundedCount),
        /** Services and subscriptions due for renewal or overdue among the newest 100 (services area). */
        renewalsDue: z.optional(boundedCount),
      }),
      /** Support subscriptions ending in the next 60 days, soonest first (roles that see licences). */
      renewals: z.optional(
        z.array(
          z.strictObject({
            subscriptionId: z.string(),
            licenceId: z.string(),
            product: z.string(),
            serial: z.string(),
            endsAt: timestamp,
          }),
        ),
      ),
      news: z.array(newsView),
      banner: z.optional(z.strictObject({ text: z.string(), link: z.optional(z.string()), locale: z.enum(LOCALES) })),
      activity: z.array(z.strictObject({ activityId: z.string(), at: timestamp, action: z.string(), team: z.string() })),
      lastSignIn: z.optional(z.strictObject({ at: timestamp, sourceIp: z.string() })),
      /** The caller's tickets with the latest change (issue #13), at most 5. */
      recentTickets: z.array(recentTicket),
      /** What happened lately on the caller's tickets, newest first (the "Activities" feed). */
      activities: z.array(z.union([ticketActivity])),
    }),
  ),
});

export const listNews = contract({
  method: 'GET',
  path: '/api/news',
  summary: 'Published news, newest first, each in the page’s language (English when it has none in it).',
  access: customer,
  request: { query: z.strictObject({ locale: localeQuery, limit: pageQuery.shape.limit, cursor: pageQuery.shape.cursor }) },
  response: json(pageOf(newsView)),
});

// --- Staff: news and the banner ------------------------------------------------------------------------------------

const title = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
const body = z.string().check(z.trim(), z.minLength(1), z.maxLength(5000));
const version = z.strictObject({ title, body });

/** A news item's versions: English always (the fallback), the other languages when written. */
export const newsTranslations = z.strictObject({
  en: version,
  pl: z.optional(version),
  de: z.optional(version),
  fr: z.optional(version),
  it: z.optional(version),
});

const staffNews = z.strictObject({
  newsId: z.string(),
  date: z.iso.date(),
  published: z.boolean(),
  translations: newsTranslations,
  updatedAt: timestamp,
});

const newsInput = z.strictObject({ date: z.iso.date(), translations: newsTranslations });
const newsPath = z.strictObject({ newsId: ulidSchema });

export const listStaffNews = contract({
  method: 'GET',
  path: '/api/admin/news',
  summary: 'Staff: every news item, published or not, newest written first.',
  access: editors,
  request: { query: pageQuery },
  response: json(pageOf(staffNews)),
});

export const createNews = contract({
  method: 'POST',
  path: '/api/admin/news',
  summary: 'Staff: writes a news item (unpublished until published).',
  access: editors,
  audit: { action: 'news.create', reason: 'none' },
  request: { body: newsInput },
  response: json(staffNews, 201),
});

export const editNews = contract({
  method: 'PUT',
  path: '/api/admin/news/{newsId}',
  summary: 'Staff: replaces a news item’s date and texts. 409 when it changed meanwhile.',
  access: editors,
  audit: { action: 'news.edit', reason: 'none' },
  request: { path: newsPath, body: z.strictObject({ ...newsInput.shape, updatedAt: timestamp }) },
  response: json(staffNews),
});

export const publishNews = contract({
  method: 'POST',
  path: '/api/admin/news/{newsId}/publish',
  summary: 'Staff: publishes a news item (customers see it) or takes it back.',
  access: editors,
  audit: { action: 'news.publish', reason: 'none' },
  request: { path: newsPath, body: z.strictObject({ published: z.boolean() }) },
  response: json(staffNews),
});

/** A link from the banner: a page of the portal (`/...`) or an https address. */
const bannerLink = z
  .string()
  .check(
    z.trim(),
    z.maxLength(500),
    z.regex(/^(\/(?!\/)[^\s]*|https:\/\/[^\s]+)$/, 'A page of the portal (/orders) or an https:// address.'),
  );
const bannerText = z.string().check(z.trim(), z.minLength(1), z.maxLength(300));

const bannerSchema = z.strictObject({
  enabled: z.boolean(),
  texts: z.strictObject({
    en: bannerText,
    pl: z.optional(bannerText),
    de: z.optional(bannerText),
    fr: z.optional(bannerText),
    it: z.optional(bannerText),
  }),
  link: z.optional(bannerLink),
});

export const getBanner = contract({
  method: 'GET',
  path: '/api/admin/banner',
  summary: 'Staff: the offer banner on the customers’ home page (absent until first set).',
  access: editors,
  request: {},
  response: json(z.strictObject({ banner: z.optional(z.strictObject({ ...bannerSchema.shape, updatedAt: timestamp })) })),
});

export const setBanner = contract({
  method: 'PUT',
  path: '/api/admin/banner',
  summary: 'Staff: sets the offer banner (texts per language, English required, a link, on or off).',
  access: editors,
  audit: { action: 'banner.set', reason: 'none' },
  request: { body: bannerSchema },
  response: json(z.strictObject({ ...bannerSchema.shape, updatedAt: timestamp })),
});
