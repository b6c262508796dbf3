// The currency an account buys in: the catalogue prices every SKU per currency, and one cart, one order and one balance
// ledger each hold one currency. An account that never chose one buys in its country's currency where the catalogue
// sells it, else in the default. Pure: the web shows the same choice.

import { DEFAULT_CURRENCY, SUPPORTED_CURRENCIES, type SupportedCurrency } from '#shared/money.ts';

const COUNTRY_CURRENCIES: Record<string, SupportedCurrency> = { PL: 'PLN', GB: 'GBP', US: 'USD', CH: 'CHF', LI: 'CHF' };

export function accountCurrency(account: { country?: string }): SupportedCurrency {
  const byCountry = account.country ? COUNTRY_CURRENCIES[account.country] : undefined;
  return byCountry && SUPPORTED_CURRENCIES.includes(byCountry) ? byCountry : DEFAULT_CURRENCY;
}
