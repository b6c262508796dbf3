// The stage's billing settings: who sells (printed on every invoice), the bank account transfers go to, the VAT rate,
// how long a prepayment order waits for its money, the invoice series. Declared per stage in infra/config.ts and passed
// to the lambdas as ATRIUM_BILLING (JSON); the defaults are the demo vendor's. Pure: the web may import the types.

import type { Address } from '#shared/accounts/account.ts';

export interface BillingParty {
  name: string;
  address: Address;
  /** ISO 3166 code. */
  country: string;
  vatId?: string;
}

export interface BillingSettings {
  seller: BillingParty;
  /** Where bank transfers go: printed on the order page, in the order mail and on proformas. */
  bank: { holder: string; bankName: string; iban: string; swift: string };
  /** The seller's VAT rate in basis points (2300 = 23 %): domestic sales and EU consumers (shared/billing/tax.ts). */
  vatRateBasisPoints: number;
  /** Days a prepayment order waits for its payment before it expires (the expiry job cancels it). */
  orderExpiryDays: number;
  /** Days between an invoice's date and its due date. */
  paymentTermDays: number;
  /** Invoice series: each numbered gap-free per calendar year (`FV/2026/000123`). */
  series: { proforma: string; vat: string; correction: string };
  /** The terms of services sold by period (issue #15: subscriptions, renewals, plan changes, cancellations, the daily job). */
  services: ServiceTerms;
}

/**
 * How subscriptions behave on this stage (docs/data-model.md "Subscriptions"). A subscription is `due` from
 * `dueWithinDays` before its paid-until, `overdue` from paid-until, `suspended` `suspendAfterDays` after it.
 */
export interface ServiceTerms {
  /** A downgrade mid-period: credit the prorated difference to the balance now, or switch at the period's end. */
  downgrade: 'credit-now' | 'at-period-end';
  /** A cancellation: at the period's end, or now with the prorated rest refunded to the balance (and a correction invoice). */
  cancel: 'at-period-end' | 'immediate-refund';
  /** Reminder mails this many days before paid-until (each once per period), largest first. */
  reminderDays: number[];
  /** Days before paid-until from which a subscription is due (renewable with "renew all due", auto-renewed). */
  dueWithinDays: number;
  /** Days after paid-until an unpaid subscription is suspended (overdue until then). */
  suspendAfterDays: number;
  /** The yearly price of support & updates, in basis points of the licence's price when it was bought. */
  supportRenewalBasisPoints: number;
}

export const BILLING_VARIABLE = 'ATRIUM_BILLING';

export const DEFAULT_BILLING: BillingSettings = {
  seller: {
    name: 'Atrium Software sp. z o.o.',
    address: { line1: 'ul. Prosta 51', postalCode: '00-838', city: 'Warszawa' },
    country: 'PL',
    vatId: 'PL5252248481',
  },
  bank: { holder: 'Atrium Software sp. z o.o.', bankName: 'mBank S.A.', iban: 'PL61109010140000071219812874', swift: 'BREXPLPWXXX' },
  vatRateBasisPoints: 2300,
  orderExpiryDays: 14,
  paymentTermDays: 14,
  series: { proforma: 'PF', vat: 'FV', correction: 'FK' },
  services: {
    downgrade: 'credit-now',
    cancel: 'immediate-refund',
    reminderDays: [30, 7, 1],
    dueWithinDays: 7,
    suspendAfterDays: 14,
    supportRenewalBasisPoints: 2000,
  },
};

const SERIES = /^[A-Z]{1,6}$/;

/** Checks a stage's settings (infra/config.ts runs it at synth time, the lambdas at cold start). */
export function parseBillingSettings(given: Partial<BillingSettings>): BillingSettings {
  const settings: BillingSettings = { ...DEFAULT_BILLING, ...given, services: { ...DEFAULT_BILLING.services, ...given.services } };
  const { vatRateBasisPoints, orderExpiryDays, paymentTermDays, series } = settings;
  if (!Number.isInteger(vatRateBasisPoints) || vatRateBasisPoints < 0 || vatRateBasisPoints > 10_000) {
    throw new Error(`billing.vatRateBasisPoints must be a whole number from 0 to 10000, not ${vatRateBasisPoints}`);
  }
  for (const [name, days] of Object.entries({ orderExpiryDays, paymentTermDays })) {
    if (!Number.isInteger(days) || days < 1 || days > 365) throw new Error(`billing.${name} must be 1 to 365 days, not ${days}`);
  }
  for (const [name, prefix] of Object.entries(series)) {
    if (!SERIES.test(prefix)) throw new Error(`billing.series.${name} must be 1 to 6 letters A-Z, not ${prefix}`);
  }
  if (new Set(Object.values(series)).size !== 3) throw new Error('billing.series must name three different series');
  if (!/^[A-Z]{2}$/.test(settings.seller.country)) throw new Error('billing.seller.country must be an ISO 3166 code');
  return { ...settings, services: parseServiceTerms(settings.services) };
}

function parseServiceTerms(terms: ServiceTerms): ServiceTerms {
  if (!['credit-now', 'at-period-end'].includes(terms.downgrade)) throw new Error(`billing.services.downgrade: ${terms.downgrade}?`);
  if (!['at-period-end', 'immediate-refund'].includes(terms.cancel)) throw new Error(`billing.services.cancel: ${terms.cancel}?`);
  const days = (value: number, max: number) => Number.isInteger(value) && value >= 0 && value <= max;
  if (!terms.reminderDays.every((day) => days(day, 365) && day > 0)) throw new Error('billing.services.reminderDays: 1 to 365 each');
  if (!days(terms.dueWithinDays, 90)) throw new Error('billing.services.dueWithinDays must be 0 to 90');
  if (!days(terms.suspendAfterDays, 365)) throw new Error('billing.services.suspendAfterDays must be 0 to 365');
  if (!days(terms.supportRenewalBasisPoints, 10_000)) throw new Error('billing.services.supportRenewalBasisPoints must be 0 to 10000');
  return { ...terms, reminderDays: [...new Set(terms.reminderDays)].sort((a, b) => b - a) };
}

let cached: BillingSettings | undefined;

/** This stage's settings: ATRIUM_BILLING when set (deployed lambdas), else the defaults. Read once. */
export function billingSettings(): BillingSettings {
  if (cached) return cached;
  const raw = typeof process === 'undefined' ? undefined : process.env[BILLING_VARIABLE];
  cached = raw ? parseBillingSettings(JSON.parse(raw)) : DEFAULT_BILLING;
  return cached;
}

/** Tests change the environment between suites; this forgets the cached settings. */
export function resetBillingSettingsForTests(): void {
  cached = undefined;
}
