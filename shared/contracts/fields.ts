// What a support contract is made of, declared once for the API contracts (shared/api/contracts.ts), the entity
// (contract.ts) and the staff pages: the SLA levels with their response times, and the shapes of a contract number and
// a contract's dates. Pure zod and constants, so the web imports it without server code.

import * as z from '#shared/validation.ts';

/** The service levels a contract is sold at, lowest first. */
export const SLA_LEVELS = ['standard', 'priority', 'critical'] as const;
export type SlaLevel = (typeof SLA_LEVELS)[number];

/**
 * The first-response time each level promises (docs/operations.md): standard within one business day (8 business
 * hours), priority within 4 business hours, critical within 1 hour around the clock.
 */
export const SLA_RESPONSE = {
  standard: { hours: 8, businessHoursOnly: true },
  priority: { hours: 4, businessHoursOnly: true },
  critical: { hours: 1, businessHoursOnly: false },
} as const satisfies Record<SlaLevel, { hours: number; businessHoursOnly: boolean }>;

/** Upper case letters and digits with inner dashes, e.g. `CTR-2026-0001`; stored and compared upper case. */
export const CONTRACT_NUMBER_PATTERN = /^[A-Z0-9](?:[A-Z0-9-]{0,38}[A-Z0-9])?$/;

/** A contract number as people type it: trimmed and upper-cased, then checked. */
export const contractNumberSchema = z
  .string()
  .check(
    z.trim(),
    z.toUpperCase(),
    z.maxLength(40),
    z.regex(CONTRACT_NUMBER_PATTERN, 'A contract number of letters, digits and dashes, such as CTR-2026-0001.'),
  );

/** The start of a contract number, for the staff search: the same characters, any length up to a whole number. */
export const contractNumberPrefixSchema = z
  .string()
  .check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z0-9-]{1,40}$/, 'The start of a contract number, such as CTR-2026.'));

function isCalendarDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** A day of the term (YYYY-MM-DD, a real calendar date); the last day of a term is included in it. */
export const contractDateSchema = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'A date such as 2026-01-31.'), z.refine(isCalendarDate, 'Not a date in the calendar.'));

/** The term's two dates in order; the same day for both is a one-day term. */
export function termIsOrdered(startsOn: string, endsOn: string): boolean {
  return startsOn <= endsOn;
}
