// What an action line (a renewal, a plan change, an upgrade) says on invoices and in mails, in the reader's language:
// the quote records the facts (OrderLine.text), and this is the one place that turns them into words. Pure.

import type { Locale } from '#shared/i18n/locale.ts';
import { shopMailMessages } from '#shared/mail/shop-messages/index.ts';
import type { LineText } from '#shared/orders/fields.ts';
import type { PlanChoice } from '#shared/subscriptions/plan-change.ts';
import type { Period } from '#shared/subscriptions/periods.ts';
import type { UpgradeOffer } from '#shared/upgrades/offers.ts';

export type { LineText };

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

/** The text in one language, after the product's name: "Business, renewal 1 month (203.0.113.10)". */
export function lineText(text: LineText, locale: Locale): string {
  const words = shopMailMessages(locale).lineText;
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
  }
}
