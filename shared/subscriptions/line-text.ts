// What an action line (a renewal, a plan change, an upgrade) and a cancellation's refund say on invoices, in mails, on
// the cart and order pages and in the balance's ledger, in the reader's language: the quote (or the refund) records the
// facts (OrderLine.text, a ledger entry's note), and this is the one place that turns them into words. Pure, and run
// by the web app too (its imports are types and the small line-words catalogue).

import type { Locale } from '#shared/i18n/locale.ts';
import { lineWords } from '#shared/mail/shop-messages/line-words.ts';
import type { LineNote, LineText } from '#shared/orders/fields.ts';
import type { PlanChoice } from '#shared/subscriptions/plan-change.ts';
import type { Period } from '#shared/subscriptions/periods.ts';
import type { UpgradeOffer } from '#shared/upgrades/offers.ts';

export type { LineNote, LineText };

/** The facts of a renewal line: the plan renewed, its period, what it runs on. */
export function renewalText(plan: string, period: Period, identifier?: string): LineText {
  return { kind: 'renewal', plan, period: { unit: period.unit, count: period.count }, ...(identifier ? { identifier } : {}) };
}

/** The facts of a plan change: from and to, and the part of the period it is charged or credited for. */
export function planChangeText(from: string, choice: Pick<PlanChoice, 'plan' | 'preview'>): LineText {
  const { daysLeft, daysInPeriod, periodsAfter } = choice.preview;
  return { kind: 'plan-change', from, to: choice.plan, daysLeft, daysInPeriod, periodsAfter };
}

/** The facts of a licence upgrade: edition and seats before and after. */
export function upgradeText(offer: Pick<UpgradeOffer, 'fromEdition' | 'fromUsers' | 'toEdition' | 'toUsers'>): LineText {
  const { fromEdition, fromUsers, toEdition, toUsers } = offer;
  return { kind: 'upgrade', fromEdition, fromUsers, toEdition, toUsers };
}

/** The facts of a cancellation's refund: the plan and the whole days of the period left unused. */
export function cancellationText(
  plan: string,
  days: { daysLeft: number; daysInPeriod: number },
): Extract<LineText, { kind: 'cancellation' }> {
  return { kind: 'cancellation', plan, daysLeft: days.daysLeft, daysInPeriod: days.daysInPeriod };
}

/** The text in one language, after the product's name: "Business, renewal 1 month (203.0.113.10)". */
export function lineText(text: LineText, locale: Locale): string {
  const words = lineWords(locale);
  switch (text.kind) {
    case 'renewal': {
      const renewal = words.renewal(text.plan, words.period(text.period.count, text.period.unit));
      return text.identifier ? `${renewal} (${text.identifier})` : renewal;
    }
    case 'plan-change': {
      const change = words.planChange(text.from, text.to, text.daysLeft, text.daysInPeriod);
      return text.periodsAfter ? `${change} ${words.periodsAhead(text.periodsAfter)}` : change;
    }
    case 'upgrade':
      return words.upgrade(`${text.fromEdition} (${text.fromUsers})`, `${text.toEdition} (${text.toUsers})`);
    case 'cancellation':
      return words.cancellation(text.plan, text.daysLeft, text.daysInPeriod);
  }
}

/** A line with its product, in one language: "Managed Hosting Business, renewal 1 month" (invoices, mails, pages). */
export function productLineText(line: { product: string; text: LineText }, locale: Locale): string {
  return `${line.product} ${lineText(line.text, locale)}`;
}

/** A note (a ledger entry's, a correction's reason) in one language: the line, then the words someone added. */
export function noteText(note: LineNote, locale: Locale): string {
  const line = productLineText(note, locale);
  return note.reason ? `${line} - ${note.reason}` : line;
}
