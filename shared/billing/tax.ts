// VAT on an invoice: which rule applies to a buyer, and the amounts of its lines. Pure integer arithmetic in minor units.
//
// Rules (docs/data-model.md "Tax rules"), with the seller in `seller.country`:
// - domestic: the buyer is in the seller's country (company or consumer) -> the seller's rate;
// - reverse charge: an EU company in another member state with a verified VAT id -> 0, "reverse charge" printed;
// - export: the buyer is outside the EU -> 0, "not subject to VAT" printed;
// - consumer: anyone else in the EU (a person, or a company without a verified VAT id) -> the seller's rate.
//
// Rounding: VAT is computed per line (net x rate, rounded half away from zero to a whole minor unit), then the lines'
// nets, VATs and grosses are summed. So the invoice's VAT is the sum of its printed line VATs, never recomputed from the
// total (which could differ by a unit).

import { isEuCountry } from '#shared/accounts/vat.ts';

export type TaxTreatment = 'domestic' | 'reverse-charge' | 'export' | 'consumer';

export interface TaxBuyer {
  /** ISO 3166 code; absent when the account never gave one (treated as a consumer in the seller's country). */
  country?: string;
  profileType: 'individual' | 'company';
  /** The verified VAT id, for a company whose legal data staff verified. */
  vatId?: string;
}

export interface TaxRule {
  treatment: TaxTreatment;
  /** Basis points: 2300 = 23 %. */
  rateBasisPoints: number;
}

export function taxRule(seller: { country: string; vatRateBasisPoints: number }, buyer: TaxBuyer): TaxRule {
  const country = buyer.country ?? seller.country;
  if (country === seller.country) return { treatment: 'domestic', rateBasisPoints: seller.vatRateBasisPoints };
  if (!isEuCountry(country)) return { treatment: 'export', rateBasisPoints: 0 };
  if (buyer.profileType === 'company' && buyer.vatId) return { treatment: 'reverse-charge', rateBasisPoints: 0 };
  return { treatment: 'consumer', rateBasisPoints: seller.vatRateBasisPoints };
}

/** `numerator / denominator` rounded half away from zero (1.5 -> 2, -1.5 -> -2), in integers only. */
export function divideRounded(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`Cannot divide ${numerator} by ${denominator} in whole units`);
  }
  const sign = numerator < 0 ? -1 : 1;
  const magnitude = Math.abs(numerator);
  const quotient = Math.floor(magnitude / denominator);
  const remainder = magnitude - quotient * denominator;
  return sign * (remainder * 2 >= denominator ? quotient + 1 : quotient);
}

export interface TaxedLine {
  /** Net amount of the line (unit price x quantity), minor units; negative on a correction. */
  netMinor: number;
  vatMinor: number;
  grossMinor: number;
}

export interface TaxTotals {
  netMinor: number;
  vatMinor: number;
  grossMinor: number;
}

/** One line's VAT and gross from its net. */
export function taxLine(netMinor: number, rule: TaxRule): TaxedLine {
  const vatMinor = divideRounded(netMinor * rule.rateBasisPoints, 10_000);
  return { netMinor, vatMinor, grossMinor: netMinor + vatMinor };
}

/** The lines taxed one by one, and their sums (the rounding rule above). */
export function taxLines(netAmounts: readonly number[], rule: TaxRule): { lines: TaxedLine[]; totals: TaxTotals } {
  const lines = netAmounts.map((net) => taxLine(net, rule));
  const totals = lines.reduce<TaxTotals>(
    (sum, line) => ({
      netMinor: sum.netMinor + line.netMinor,
      vatMinor: sum.vatMinor + line.vatMinor,
      grossMinor: sum.grossMinor + line.grossMinor,
    }),
    { netMinor: 0, vatMinor: 0, grossMinor: 0 },
  );
  return { lines, totals };
}
