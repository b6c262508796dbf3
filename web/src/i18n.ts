// Which language the portal speaks: chosen in the header, remembered in localStorage, first guessed from the browser.

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale } from '#shared/i18n/locale.ts';
import { ApiError } from './api.ts';
import { en, type Messages } from './messages/en.ts';
import { pl } from './messages/pl.ts';

export type { Locale, Messages };

// A Record over Locale: a language added on the server fails the type check here until it has a catalogue.
const catalogues: Record<Locale, Messages> = { en, pl };
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
  /** The message to show for an error: ours for a known code, else the server's own words. */
  errorMessage: (error: unknown) => string;
}

const formatters = new Map<Locale, Intl.DateTimeFormat>();

function dateFormatter(locale: Locale): Intl.DateTimeFormat {
  let formatter = formatters.get(locale);
  if (!formatter) {
    // Keep the browser's region when it speaks this language (en-US vs en-GB date order), else the language alone.
    const region = browserLanguages().find((tag) => tag.toLowerCase().split('-')[0] === locale);
    formatter = new Intl.DateTimeFormat(region ?? locale, { dateStyle: 'medium' });
    formatters.set(locale, formatter);
  }
  return formatter;
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
