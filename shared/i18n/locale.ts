// The languages Atrium speaks; every page and every e-mail exists in each.

import * as z from '#shared/validation.ts';

export const LOCALES = ['en', 'pl', 'de', 'fr', 'it'] as const;
export type Locale = (typeof LOCALES)[number];
export const localeSchema = z.enum(LOCALES);
export const DEFAULT_LOCALE: Locale = 'en';
