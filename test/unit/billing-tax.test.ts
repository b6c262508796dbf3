// Golden tests of the tax rules and the per-line rounding (shared/billing/tax.ts). The same table is written out in
// docs/data-model.md "Tax rules": a change here is a change of what invoices print, so both change together.

import { describe, expect, it } from 'vitest';
import { divideRounded, type TaxBuyer, taxLine, taxLines, taxRule } from '#shared/billing/tax.ts';

const seller = { country: 'PL', vatRateBasisPoints: 2300 };
const domestic = { treatment: 'domestic', rateBasisPoints: 2300 } as const;

describe('which tax rule applies to a buyer (seller in Poland, 23 %)', () => {
  const cases: Array<[string, TaxBuyer, ReturnType<typeof taxRule>]> = [
    ['a Polish company with a VAT id', { country: 'PL', profileType: 'company', vatId: 'PL5213456789' }, domestic],
    ['a Polish consumer', { country: 'PL', profileType: 'individual' }, domestic],
    ['an account that never gave a country', { profileType: 'individual' }, domestic],
    [
      'a German company with a verified VAT id',
      { country: 'DE', profileType: 'company', vatId: 'DE123456789' },
      { treatment: 'reverse-charge', rateBasisPoints: 0 },
    ],
    [
      'a French consumer (the seller’s rate)',
      { country: 'FR', profileType: 'individual' },
      { treatment: 'consumer', rateBasisPoints: 2300 },
    ],
    [
      'an Italian company without a verified VAT id (taxed like a consumer)',
      { country: 'IT', profileType: 'company' },
      { treatment: 'consumer', rateBasisPoints: 2300 },
    ],
    [
      'a British company (outside the EU)',
      { country: 'GB', profileType: 'company', vatId: 'GB123456789' },
      { treatment: 'export', rateBasisPoints: 0 },
    ],
    ['an American consumer', { country: 'US', profileType: 'individual' }, { treatment: 'export', rateBasisPoints: 0 }],
  ];
  it.each(cases)('%s', (_name, buyer, expected) => {
    // Assess
    expect(taxRule(seller, buyer)).toEqual(expected);
  });

  it('follows the seller’s country and rate, not Poland’s', () => {
    // Assess
    expect(taxRule({ country: 'DE', vatRateBasisPoints: 1900 }, { country: 'DE', profileType: 'individual' })).toEqual({
      treatment: 'domestic',
      rateBasisPoints: 1900,
    });
    expect(taxRule({ country: 'DE', vatRateBasisPoints: 1900 }, { country: 'PL', profileType: 'company', vatId: 'PL5213456789' })).toEqual({
      treatment: 'reverse-charge',
      rateBasisPoints: 0,
    });
  });
});

describe('rounding half away from zero in whole minor units', () => {
  it.each([
    [15, 10, 2],
    [14, 10, 1],
    [25, 10, 3],
    [-15, 10, -2],
    [-14, 10, -1],
    [-25, 10, -3],
    [0, 10, 0],
    [1_150_000, 10_000, 115],
  ])('%i / %i = %i', (numerator, denominator, expected) => {
    // Assess
    expect(divideRounded(numerator, denominator)).toBe(expected);
  });

  it('refuses fractions and a zero or negative divisor', () => {
    // Assess
    expect(() => divideRounded(1.5, 10)).toThrow(RangeError);
    expect(() => divideRounded(10, 0)).toThrow(RangeError);
    expect(() => divideRounded(10, -10)).toThrow(RangeError);
  });
});

describe('VAT per line, then summed (23 %)', () => {
  it('3 x 33.33 on one line: net 99.99, VAT 23.00 (22.9977 rounded), gross 122.99', () => {
    // Assess
    expect(taxLine(9999, domestic)).toEqual({ netMinor: 9999, vatMinor: 2300, grossMinor: 12299 });
  });

  it('33.33 on three lines: each VAT 7.67 (7.6659), so the invoice says 23.01, not the total’s 23.00', () => {
    // Act
    const taxed = taxLines([3333, 3333, 3333], domestic);

    // Assess
    expect(taxed.lines).toEqual([
      { netMinor: 3333, vatMinor: 767, grossMinor: 4100 },
      { netMinor: 3333, vatMinor: 767, grossMinor: 4100 },
      { netMinor: 3333, vatMinor: 767, grossMinor: 4100 },
    ]);
    expect(taxed.totals).toEqual({ netMinor: 9999, vatMinor: 2301, grossMinor: 12300 });
  });

  it('half-unit VATs round up: 0.50 -> 0.115 -> 0.12; 1.50 -> 0.345 -> 0.35; 0.10 -> 0.023 -> 0.02', () => {
    // Assess
    expect(taxLine(50, domestic)).toEqual({ netMinor: 50, vatMinor: 12, grossMinor: 62 });
    expect(taxLine(150, domestic)).toEqual({ netMinor: 150, vatMinor: 35, grossMinor: 185 });
    expect(taxLine(10, domestic)).toEqual({ netMinor: 10, vatMinor: 2, grossMinor: 12 });
  });

  it('negative correction lines mirror the positive ones exactly (half away from zero)', () => {
    // Act
    const taxed = taxLines([-9999, -50, -3333], domestic);

    // Assess
    expect(taxed.lines).toEqual([
      { netMinor: -9999, vatMinor: -2300, grossMinor: -12299 },
      { netMinor: -50, vatMinor: -12, grossMinor: -62 },
      { netMinor: -3333, vatMinor: -767, grossMinor: -4100 },
    ]);
    expect(taxed.totals).toEqual({ netMinor: -13382, vatMinor: -3079, grossMinor: -16461 });
  });

  it('a correction of a whole invoice cancels it to zero', () => {
    // Act
    const original = taxLines([1999, 4999, 12345], domestic);
    const correction = taxLines([-1999, -4999, -12345], domestic);

    // Assess
    expect(original.totals).toEqual({ netMinor: 19343, vatMinor: 4449, grossMinor: 23792 });
    expect(original.totals.grossMinor + correction.totals.grossMinor).toBe(0);
    expect(original.totals.vatMinor + correction.totals.vatMinor).toBe(0);
  });

  it('reverse charge and export lines carry no VAT: gross is net', () => {
    // Assess
    expect(taxLines([9999, 50], { treatment: 'reverse-charge', rateBasisPoints: 0 }).totals).toEqual({
      netMinor: 10049,
      vatMinor: 0,
      grossMinor: 10049,
    });
    expect(taxLine(-3333, { treatment: 'export', rateBasisPoints: 0 })).toEqual({ netMinor: -3333, vatMinor: 0, grossMinor: -3333 });
  });

  it('a German seller at 19 % rounds the same way: 33.33 -> 6.3327 -> 6.33; 0.50 -> 0.095 -> 0.10', () => {
    // Assess
    const german = { treatment: 'domestic', rateBasisPoints: 1900 } as const;
    expect(taxLine(3333, german)).toEqual({ netMinor: 3333, vatMinor: 633, grossMinor: 3966 });
    expect(taxLine(50, german)).toEqual({ netMinor: 50, vatMinor: 10, grossMinor: 60 });
  });

  it('an empty invoice sums to zero', () => {
    // Assess
    expect(taxLines([], domestic)).toEqual({ lines: [], totals: { netMinor: 0, vatMinor: 0, grossMinor: 0 } });
  });
});
