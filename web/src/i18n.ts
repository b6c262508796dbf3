// Which language the portal speaks: chosen in the header, remembered in localStorage, first guessed from the browser.

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale } from '#shared/i18n/locale.ts';
import type { Money } from '#shared/money.ts';
import { ApiError } from './api.ts';
import { formatMoney } from './format.ts';
import { en, type Messages } from './messages/en.ts';
import { pl } from './messages/pl.ts';
import { de } from './messages/de.ts';
import { fr } from './messages/fr.ts';
import { it } from './messages/it.ts';

export type { Locale, Messages };

// A Record over Locale: a language added on the server fails the type check here until it has a catalogue.
const catalogues: Record<Locale, Messages> = { en, pl, de, fr, it };
export const locales = Object.keys(catalogues) as Locale[];

const STORAGE_KEY = 'atrium.locale';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && value in catalogues;
}

function browserLanguages(): readonly string[] {
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

export function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be blocked (private mode, policies); the browser's language still works.
  }
  for (const tag of browserLanguages()) {
    const language = tag.toLowerCase().split('-')[0];
    if (isLocale(language)) return language;
  }
  return 'en';
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered, but still switched for this visit.
  }
}

export interface I18n {
  locale: Locale;
  t: Messages;
  setLocale: (locale: Locale) => void;
  formatDate: (iso: string) => string;
  /** Date and time of day, in the browser's time zone. */
  formatDateTime: (iso: string) => string;
  /** Integer minor units with their currency, e.g. €1,798.80 or 1798,80 €. */
  formatMoney: (amount: Money) => string;
  /** An ISO 3166 country code as the country's name in this language (PL: Poland, Polska). */
  formatCountry: (code: string) => string;
  /** The message to show for an error: ours for a known code, else the server's own words. */
  errorMessage: (error: unknown) => string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Keep the browser's region when it speaks this language (en-US vs en-GB date order), else the language alone. */
function formattingTag(locale: Locale): string {
  return browserLanguages().find((tag) => tag.toLowerCase().split('-')[0] === locale) ?? locale;
}

function dateFormatter(locale: Locale, withTime = false): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(
      formattingTag(locale),
      withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' },
    );
    formatters.set(key, formatter);
  }
  return formatter;
}

function countryName(locale: Locale, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function makeI18n(locale: Locale, setLocale: (locale: Locale) => void): I18n {
  const t = catalogues[locale];
  const known = t.errors as Record<string, string | undefined>;
  return {
    locale,
    t,
    setLocale,
    formatDate: (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : dateFormatter(locale).format(date);
    },
    formatDateTime: (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : dateFormatter(locale, true).format(date);
    },
    formatMoney: (amount) => formatMoney(amount, formattingTag(locale)),
    formatCountry: (code) => countryName(locale, code),
    errorMessage: (error) => {
      if (error instanceof ApiError) {
        return known[error.code] ?? (error.status >= 500 ? t.errors.INTERNAL : error.message || t.errors.UNKNOWN);
      }
      return t.errors.UNKNOWN;
    },
  };
}

export const I18nContext = createContext<I18n>(makeI18n('en', () => undefined));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
