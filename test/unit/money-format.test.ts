// The portal shows money in the page's language: integer minor units, exactly, in the currency's own format.

import { describe, expect, it } from 'vitest';
import { formatMoney, minorToDecimal } from '../../web/src/format.ts';

// Intl separates some parts with non-breaking spaces; compare with plain ones.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('money for people', () => {
  it('turns minor units into a decimal string without floating point', () => {
    expect(minorToDecimal(70_411, 2)).toBe('704.11');
    expect(minorToDecimal(5, 2)).toBe('0.05');
    expect(minorToDecimal(-1999, 2)).toBe('-19.99');
    expect(minorToDecimal(1500, 0)).toBe('1500');
    expect(minorToDecimal(9_007_199_254_740_991, 2)).toBe('90071992547409.91');
  });

  it('formats in the page language with the currency', () => {
    expect(formatMoney({ amountMinor: 179_880, currency: 'EUR' }, 'en-GB')).toBe('€1,798.80');
    expect(plain(formatMoney({ amountMinor: 179_880, currency: 'EUR' }, 'pl'))).toBe('1798,80 €');
    expect(plain(formatMoney({ amountMinor: 12_345_678, currency: 'PLN' }, 'pl'))).toBe('123 456,78 zł');
    expect(formatMoney({ amountMinor: 44_000, currency: 'USD' }, 'en-US')).toBe('$440.00');
  });

  it("uses the currency's own minor digits", () => {
    expect(formatMoney({ amountMinor: 1500, currency: 'JPY' }, 'en-GB')).toBe('JP¥1,500');
    expect(plain(formatMoney({ amountMinor: 1500, currency: 'KWD' }, 'en-GB'))).toBe('KWD 1.500');
  });
});
