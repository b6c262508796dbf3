// The words of a line's text in each language (shared/subscriptions/line-text.ts puts them together): what invoices,
// mails, the cart and order pages and the balance's ledger print after the product for a renewal, a plan change, an
// upgrade or a cancellation's refund. A module of their own, small and pure, so the web app renders the same words
// without carrying the shop's mail catalogues.

import { plural } from '#shared/i18n/format.ts';
import type { Locale } from '#shared/i18n/locale.ts';

type Unit = 'month' | 'year';

const en = {
  period: (count: number, unit: Unit) =>
    `${count} ${unit === 'month' ? plural('en', count, { one: 'month', other: 'months' }) : plural('en', count, { one: 'year', other: 'years' })}`,
  renewal: (plan: string, period: string) => `${plan}, renewal ${period}`,
  planChange: (from: string, to: string, daysLeft: number, daysInPeriod: number) =>
    `${from} → ${to}, plan change for ${daysLeft} of ${daysInPeriod} days`,
  periodsAhead: (count: number) => `+ ${count} ${plural('en', count, { one: 'period', other: 'periods' })}`,
  upgrade: (from: string, to: string) => `upgrade ${from} → ${to}`,
  cancellation: (plan: string, daysLeft: number, daysInPeriod: number) =>
    `${plan}, cancellation: ${daysLeft} of ${daysInPeriod} days unused`,
};

export type LineWords = typeof en;

const pl: LineWords = {
  period: (count, unit) =>
    `${count} ${unit === 'month' ? plural('pl', count, { one: 'miesiąc', few: 'miesiące', other: 'miesięcy' }) : plural('pl', count, { one: 'rok', few: 'lata', other: 'lat' })}`,
  renewal: (plan, period) => `${plan}, odnowienie ${period}`,
  planChange: (from, to, daysLeft, daysInPeriod) => `${from} → ${to}, zmiana planu za ${daysLeft} z ${daysInPeriod} dni`,
  periodsAhead: (count) => `+ ${count} ${plural('pl', count, { one: 'okres', few: 'okresy', other: 'okresów' })}`,
  upgrade: (from, to) => `aktualizacja ${from} → ${to}`,
  cancellation: (plan, daysLeft, daysInPeriod) => `${plan}, rezygnacja: niewykorzystane ${daysLeft} z ${daysInPeriod} dni`,
};

const de: LineWords = {
  period: (count, unit) =>
    `${count} ${unit === 'month' ? plural('de', count, { one: 'Monat', other: 'Monate' }) : plural('de', count, { one: 'Jahr', other: 'Jahre' })}`,
  renewal: (plan, period) => `${plan}, Verlängerung um ${period}`,
  planChange: (from, to, daysLeft, daysInPeriod) => `${from} → ${to}, Tarifwechsel für ${daysLeft} von ${daysInPeriod} Tagen`,
  periodsAhead: (count) => `+ ${count} ${plural('de', count, { one: 'Zeitraum', other: 'Zeiträume' })}`,
  upgrade: (from, to) => `Upgrade ${from} → ${to}`,
  cancellation: (plan, daysLeft, daysInPeriod) => `${plan}, Kündigung: ${daysLeft} von ${daysInPeriod} Tagen ungenutzt`,
};

const fr: LineWords = {
  period: (count, unit) => `${count} ${unit === 'month' ? 'mois' : plural('fr', count, { one: 'an', other: 'ans' })}`,
  renewal: (plan, period) => `${plan}, renouvellement ${period}`,
  planChange: (from, to, daysLeft, daysInPeriod) =>
    `${from} → ${to}, changement de formule pour ${daysLeft} ${plural('fr', daysLeft, { one: 'jour', other: 'jours' })} sur ${daysInPeriod}`,
  periodsAhead: (count) => `+ ${count} ${plural('fr', count, { one: 'période', other: 'périodes' })}`,
  upgrade: (from, to) => `mise à niveau ${from} → ${to}`,
  cancellation: (plan, daysLeft, daysInPeriod) =>
    `${plan}, résiliation : ${daysLeft} ${plural('fr', daysLeft, { one: 'jour non utilisé', other: 'jours non utilisés' })} sur ${daysInPeriod}`,
};

const it: LineWords = {
  period: (count, unit) =>
    `${count} ${unit === 'month' ? plural('it', count, { one: 'mese', other: 'mesi' }) : plural('it', count, { one: 'anno', other: 'anni' })}`,
  renewal: (plan, period) => `${plan}, rinnovo ${period}`,
  planChange: (from, to, daysLeft, daysInPeriod) =>
    `${from} → ${to}, cambio piano per ${daysLeft} ${plural('it', daysLeft, { one: 'giorno', other: 'giorni' })} su ${daysInPeriod}`,
  periodsAhead: (count) => `+ ${count} ${plural('it', count, { one: 'periodo', other: 'periodi' })}`,
  upgrade: (from, to) => `aggiornamento ${from} → ${to}`,
  cancellation: (plan, daysLeft, daysInPeriod) =>
    `${plan}, disdetta: ${daysLeft} ${plural('it', daysLeft, { one: 'giorno non utilizzato', other: 'giorni non utilizzati' })} su ${daysInPeriod}`,
};

const words: Record<Locale, LineWords> = { en, pl, de, fr, it };

export function lineWords(locale: Locale): LineWords {
  return words[locale];
}
