// Numbers, money, dates and plurals in one language, through Intl: the pages and the mails format the same way.

import type { Locale } from '#shared/i18n/locale.ts';

/** The forms of one phrase by plural category (Intl.PluralRules); `other` is always there. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const pluralRules = new Map<string, Intl.PluralRules>();

/** The form of a phrase for this count in this language, e.g. Polish 1 kod, 2 kody, 5 kodów. */
export function plural(locale: Locale | string, count: number, forms: PluralForms): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return forms[rules.select(count)] ?? forms.other;
}

/** Integer minor units with their currency, e.g. €1,798.80 or 1798,80 €. */
export function formatMoney(amount: { amountMinor: number; currency: string }, locale: Locale | string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: amount.currency });
  const minorDigits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount.amountMinor / 10 ** minorDigits);
}

/** A day (an ISO date or time) as the language writes it, e.g. 29 Nov 2026 or 29 lis 2026. */
export function formatDay(iso: string, locale: Locale | string, timeZone = 'UTC'): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(date);
}
