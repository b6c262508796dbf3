// Money is an integer count of minor units (cents, grosze) with an ISO 4217 currency code; never a float.

import * as z from '#shared/validation.ts';

export const currencySchema = z.string().check(z.regex(/^[A-Z]{3}$/, 'An ISO 4217 code such as EUR.'));

/** The ISO 4217 currencies the catalogue may price in (the payment provider settles these). */
export const SUPPORTED_CURRENCIES = ['EUR', 'PLN', 'USD', 'GBP', 'CHF'] as const;
export type SupportedCurrency = (typeof SUPPORTED_CURRENCIES)[number];
/** The currency an order is placed in unless staff choose another. */
export const DEFAULT_CURRENCY: SupportedCurrency = 'EUR';

export interface Money {
  amountMinor: number;
  currency: string;
}

export function money(amountMinor: number, currency: string): Money {
  if (!Number.isSafeInteger(amountMinor)) throw new Error(`Money must be whole minor units, not ${amountMinor}`);
  return { amountMinor, currency };
}

export function sum(amounts: Money[], currency: string): Money {
  let total = 0;
  for (const amount of amounts) {
    if (amount.currency !== currency) throw new Error(`Cannot add ${amount.currency} to ${currency}`);
    total += amount.amountMinor;
  }
  return money(total, currency);
}
