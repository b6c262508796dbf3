// The banner entity: the offer staff put on every customer's home page, a text per language (English always, the
// fallback), an optional link, on or off. One item; each change is written with its audit entry in one transaction.

import type { AuditTrail } from '#shared/audit/audit.ts';
import { changesBetween } from '#shared/audit/audit.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { DEFAULT_LOCALE, type Locale } from '#shared/i18n/locale.ts';
import { nowIso } from '#shared/time.ts';
import * as z from '#shared/validation.ts';

export interface Banner {
  enabled: boolean;
  texts: { en: string } & Partial<Record<Exclude<Locale, 'en'>, string>>;
  /** A page of the portal (`/orders`) or an https address. */
  link?: string;
  updatedAt: string;
}

export const bannerKey = keys.banner;

const bannerSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    enabled: z.boolean(),
    texts: z.object({
      en: z.string(),
      pl: z.optional(z.string()),
      de: z.optional(z.string()),
      fr: z.optional(z.string()),
      it: z.optional(z.string()),
    }),
    link: z.optional(z.string()),
    updatedAt: z.string(),
  }),
);

export function bannerItem(banner: Banner): Item {
  return { ...bannerKey(), type: 'Banner', ...banner };
}

export function bannerFromItem(item: Item): Banner {
  return parseItem('Banner', bannerSchema, item) as Banner;
}

/** The banner as stored (one GetItem), or undefined before staff first set it. */
export async function getBanner(): Promise<Banner | undefined> {
  const result = await db().send(new GetCommand({ TableName: tableName(), Key: bannerKey() }));
  return result.Item ? bannerFromItem(result.Item) : undefined;
}

/** What a customer sees: the text in the page's language (else English), when the banner is on. */
export function bannerIn(banner: Banner | undefined, locale: Locale): { text: string; link?: string; locale: Locale } | undefined {
  if (!banner?.enabled) return undefined;
  const text = banner.texts[locale];
  return {
    text: text ?? banner.texts.en,
    locale: text ? locale : DEFAULT_LOCALE,
    ...(banner.link ? { link: banner.link } : {}),
  };
}

export async function setBanner(input: Omit<Banner, 'updatedAt'>, commit: AuditTrail['commit']): Promise<Banner> {
  const before = await getBanner();
  const after: Banner = { enabled: input.enabled, texts: input.texts, ...(input.link ? { link: input.link } : {}), updatedAt: nowIso() };
  await commit({
    target: { kind: 'banner', id: 'banner', label: after.texts.en.slice(0, 80) },
    changes: changesBetween(before, after, ['enabled', 'texts', 'link']),
    items: [{ Put: { TableName: tableName(), Item: bannerItem(after) } }],
  });
  return after;
}
