// The printed text of renewal, plan-change, upgrade and cancellation lines in each language, with plural forms by
// Intl.PluralRules (Polish 1 miesiąc, 3 miesiące, 5 miesięcy, 22 lata), an invoice line of an older order without
// `text`, and a ledger note with the reason someone added.

import { describe, expect, it } from 'vitest';
import { lineDescription } from '#shared/shop/line-key.ts';
import { cancellationText, type LineText, lineText, noteText, renewalText } from '#shared/subscriptions/line-text.ts';

const renewal = (count: number, unit: 'month' | 'year' = 'month') => renewalText('Business', { unit, count }, '203.0.113.10');
const change: LineText = { kind: 'plan-change', from: 'Business', to: 'Pro', daysLeft: 12, daysInPeriod: 30, periodsAfter: 0 };
const upgrade: LineText = { kind: 'upgrade', fromEdition: 'Desktop', fromUsers: 1, toEdition: 'Mobile Web', toUsers: 5 };

describe('renewal lines', () => {
  it('name the plan, the renewal and its period in each language', () => {
    expect(lineText(renewal(1), 'en')).toBe('Business, renewal 1 month (203.0.113.10)');
    expect(lineText(renewal(1), 'pl')).toBe('Business, odnowienie 1 miesiąc (203.0.113.10)');
    expect(lineText(renewal(1), 'de')).toBe('Business, Verlängerung um 1 Monat (203.0.113.10)');
    expect(lineText(renewal(1), 'fr')).toBe('Business, renouvellement 1 mois (203.0.113.10)');
    expect(lineText(renewal(1), 'it')).toBe('Business, rinnovo 1 mese (203.0.113.10)');
  });

  it('take the plural form of the count', () => {
    const periods = (locale: 'en' | 'pl' | 'de' | 'fr' | 'it', unit: 'month' | 'year') =>
      [1, 3, 5, 12, 22].map((count) => lineText(renewalText('S', { unit, count }), locale).replace(/^S, \S+ (um )?/, ''));
    expect(periods('en', 'month')).toEqual(['1 month', '3 months', '5 months', '12 months', '22 months']);
    expect(periods('pl', 'month')).toEqual(['1 miesiąc', '3 miesiące', '5 miesięcy', '12 miesięcy', '22 miesiące']);
    expect(periods('pl', 'year')).toEqual(['1 rok', '3 lata', '5 lat', '12 lat', '22 lata']);
    expect(periods('de', 'year')).toEqual(['1 Jahr', '3 Jahre', '5 Jahre', '12 Jahre', '22 Jahre']);
    expect(periods('fr', 'year')).toEqual(['1 an', '3 ans', '5 ans', '12 ans', '22 ans']);
    expect(periods('it', 'month')).toEqual(['1 mese', '3 mesi', '5 mesi', '12 mesi', '22 mesi']);
  });

  it('leave out the address when the service has none', () => {
    expect(lineText(renewalText('Pro', { unit: 'year', count: 1 }), 'pl')).toBe('Pro, odnowienie 1 rok');
  });
});

describe('plan-change lines', () => {
  it('name both plans and the days charged, and the periods paid ahead', () => {
    expect(lineText(change, 'en')).toBe('Business → Pro, plan change for 12 of 30 days');
    expect(lineText(change, 'pl')).toBe('Business → Pro, zmiana planu za 12 z 30 dni');
    expect(lineText(change, 'de')).toBe('Business → Pro, Tarifwechsel für 12 von 30 Tagen');
    expect(lineText(change, 'fr')).toBe('Business → Pro, changement de formule pour 12 jours sur 30');
    expect(lineText(change, 'it')).toBe('Business → Pro, cambio piano per 12 giorni su 30');
    expect(lineText({ ...change, periodsAfter: 1 }, 'en')).toBe('Business → Pro, plan change for 12 of 30 days + 1 period');
    expect(lineText({ ...change, periodsAfter: 2 }, 'pl')).toBe('Business → Pro, zmiana planu za 12 z 30 dni + 2 okresy');
    expect(lineText({ ...change, periodsAfter: 5 }, 'pl')).toBe('Business → Pro, zmiana planu za 12 z 30 dni + 5 okresów');
    expect(lineText({ ...change, daysLeft: 1 }, 'fr')).toBe('Business → Pro, changement de formule pour 1 jour sur 30');
  });
});

describe('upgrade lines', () => {
  it('name the edition and seats before and after', () => {
    expect(lineText(upgrade, 'en')).toBe('upgrade Desktop (1) → Mobile Web (5)');
    expect(lineText(upgrade, 'pl')).toBe('aktualizacja Desktop (1) → Mobile Web (5)');
    expect(lineText(upgrade, 'de')).toBe('Upgrade Desktop (1) → Mobile Web (5)');
    expect(lineText(upgrade, 'fr')).toBe('mise à niveau Desktop (1) → Mobile Web (5)');
    expect(lineText(upgrade, 'it')).toBe('aggiornamento Desktop (1) → Mobile Web (5)');
  });
});

describe('cancellation lines and notes', () => {
  const cancelled = cancellationText('Business', { daysLeft: 20, daysInPeriod: 31 });
  it('name the plan and the whole days of the period left unused', () => {
    expect(lineText(cancelled, 'en')).toBe('Business, cancellation: 20 of 31 days unused');
    expect(lineText(cancelled, 'pl')).toBe('Business, rezygnacja: niewykorzystane 20 z 31 dni');
    expect(lineText(cancelled, 'de')).toBe('Business, Kündigung: 20 von 31 Tagen ungenutzt');
    expect(lineText(cancelled, 'fr')).toBe('Business, résiliation : 20 jours non utilisés sur 31');
    expect(lineText({ ...cancelled, daysLeft: 1 }, 'fr')).toBe('Business, résiliation : 1 jour non utilisé sur 31');
    expect(lineText(cancelled, 'it')).toBe('Business, disdetta: 20 giorni non utilizzati su 31');
  });

  it('a note reads as the product and its line, then the reason given, in the reader’s language', () => {
    const note = { product: 'Managed Hosting', text: cancelled, reason: 'moving' };
    expect(noteText(note, 'pl')).toBe('Managed Hosting Business, rezygnacja: niewykorzystane 20 z 31 dni - moving');
    expect(noteText({ product: 'Managed Hosting', text: cancelled }, 'en')).toBe(
      'Managed Hosting Business, cancellation: 20 of 31 days unused',
    );
  });
});

describe('what an invoice prints for a line', () => {
  const action = { kind: 'renewal' as const, subscriptionId: 's', periods: 1, licenseeAccountId: 'a' };
  it('an action line with its facts in the reader’s language, after the product', () => {
    const line = { product: 'Managed Hosting', edition: 'Business, renewal 1 month', users: 1, action, text: renewal(1) };
    expect(lineDescription(line, 'pl')).toBe('Managed Hosting Business, odnowienie 1 miesiąc (203.0.113.10)');
    expect(lineDescription(line)).toBe('Managed Hosting Business, renewal 1 month (203.0.113.10)');
  });

  it('an older action line without facts as its quote named it, and a licence line with its seats', () => {
    expect(lineDescription({ product: 'Hosting', edition: 'Business, renewal 1 month', users: 1, action }, 'pl')).toBe(
      'Hosting Business, renewal 1 month',
    );
    expect(lineDescription({ product: 'Desk', edition: 'Pro', users: 5 }, 'pl')).toBe('Desk Pro, 5 users');
  });
});
