// What a person agrees to when they join the mailing list, in each language. Pure: the web page shows exactly this
// text, and the server stores exactly this text (by version and language) with the consent, so what was shown is what
// is kept. A new wording is a new version; stored consents keep the text they were given.

import type { Locale } from '#shared/i18n/locale.ts';

export const MAILING_LISTS = ['news'] as const;
export type MailingList = (typeof MAILING_LISTS)[number];

export const CONSENT_VERSION = '2026-11';

const wording: Record<Locale, (brand: string) => string> = {
  en: (brand) =>
    `Yes, send me ${brand}'s news by e-mail: new versions, offers and events, at most a few times a month. I can unsubscribe at any time with the link in every message.`,
  pl: (brand) =>
    `Tak, chcę otrzymywać e-mailem aktualności ${brand}: nowe wersje, oferty i wydarzenia, najwyżej kilka razy w miesiącu. Mogę w każdej chwili zrezygnować linkiem z każdej wiadomości.`,
  de: (brand) =>
    `Ja, senden Sie mir Neuigkeiten von ${brand} per E-Mail: neue Versionen, Angebote und Veranstaltungen, höchstens einige Male im Monat. Ich kann mich jederzeit über den Link in jeder Nachricht abmelden.`,
  fr: (brand) =>
    `Oui, envoyez-moi les actualités de ${brand} par e-mail : nouvelles versions, offres et événements, quelques fois par mois au plus. Je peux me désabonner à tout moment grâce au lien présent dans chaque message.`,
  it: (brand) =>
    `Sì, inviatemi le novità di ${brand} via e-mail: nuove versioni, offerte ed eventi, al massimo qualche volta al mese. Posso annullare l'iscrizione in qualsiasi momento con il link presente in ogni messaggio.`,
};

/** The consent text of this version in this language, with the product name in it. */
export function consentWording(locale: Locale, brand: string): string {
  return wording[locale](brand);
}
