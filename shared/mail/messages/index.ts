// The mail catalogue of each language Atrium speaks. A Record over Locale: a language added to LOCALES fails the type
// check here until its catalogue exists.

import type { Locale } from '#shared/i18n/locale.ts';
import { mailEn, type MailMessages } from '#shared/mail/messages/en.ts';
import { mailPl } from '#shared/mail/messages/pl.ts';
import { mailDe } from '#shared/mail/messages/de.ts';
import { mailFr } from '#shared/mail/messages/fr.ts';
import { mailIt } from '#shared/mail/messages/it.ts';

export type { MailMessages };

const catalogues: Record<Locale, MailMessages> = { en: mailEn, pl: mailPl, de: mailDe, fr: mailFr, it: mailIt };

export function mailMessages(locale: Locale): MailMessages {
  return catalogues[locale];
}
