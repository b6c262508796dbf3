// Money for people: integer minor units turned into the locale's currency format, exactly (no floating point).

import type { Money } from '#shared/money.ts';

const formatters = new Map<string, Intl.NumberFormat>();

function moneyFormatter(tag: string, currency: string): Intl.NumberFormat {
  const key = `${tag}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(tag, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** 70411 with 2 minor digits is "704.11"; Intl formats such a decimal string without passing through a float. */
export function minorToDecimal(amountMinor: number, minorDigits: number): `${number}` {
  const sign = amountMinor < 0 ? '-' : '';
  const digits = String(Math.abs(amountMinor)).padStart(minorDigits + 1, '0');
  const whole = digits.slice(0, digits.length - minorDigits);
  const fraction = digits.slice(digits.length - minorDigits);
  return `${sign}${whole}${minorDigits > 0 ? `.${fraction}` : ''}` as `${number}`;
}

/** Formats money in a language tag such as `pl` or `en-GB`; the currency's own minor digits come from Intl. */
export function formatMoney(amount: Money, tag: string): string {
  const formatter = moneyFormatter(tag, amount.currency);
  const minorDigits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(minorToDecimal(amount.amountMinor, minorDigits));
}
