// The EU VAT id table: each member state's format, the Greek EL prefix, and a prefix that names another country.

import { describe, expect, it } from 'vitest';
import { checkVatId, EU_VAT_FORMATS, normaliseVatId, vatIdCountry } from '#shared/accounts/vat.ts';

describe('EU VAT ids', () => {
  it('has the 27 member states, each with an example its own format accepts', () => {
    // Assess
    expect(Object.keys(EU_VAT_FORMATS)).toHaveLength(27);
    for (const [country, format] of Object.entries(EU_VAT_FORMATS)) {
      expect(checkVatId(format.example, country), country).toEqual({ ok: true, vatId: format.example });
      expect(vatIdCountry(format.example), country).toBe(country);
    }
  });

  it('accepts the formats of Poland, Germany, France, Italy and Austria as written on invoices', () => {
    // Assess
    expect(checkVatId('PL 521-345-67-89', 'PL')).toEqual({ ok: true, vatId: 'PL5213456789' });
    expect(checkVatId('de 123.456.789', 'DE')).toEqual({ ok: true, vatId: 'DE123456789' });
    expect(checkVatId('FR 4A 123456789', 'FR')).toEqual({ ok: true, vatId: 'FR4A123456789' });
    expect(checkVatId('IT12345678901', 'IT')).toEqual({ ok: true, vatId: 'IT12345678901' });
    expect(checkVatId('ATU12345678', 'AT')).toEqual({ ok: true, vatId: 'ATU12345678' });
  });

  it('wants EL for Greece, not GR', () => {
    // Assess
    expect(checkVatId('EL123456789', 'GR')).toEqual({ ok: true, vatId: 'EL123456789' });
    expect(checkVatId('GR123456789', 'GR')).toMatchObject({ ok: false, code: 'VAT_ID_INVALID', expected: 'EL' });
  });

  it('refuses a valid id of another member state as a country mismatch', () => {
    // Assess
    expect(checkVatId('DE123456789', 'PL')).toMatchObject({ ok: false, code: 'VAT_ID_COUNTRY_MISMATCH', expected: 'PL' });
    expect(checkVatId('PL5213456789', 'DE')).toMatchObject({ ok: false, code: 'VAT_ID_COUNTRY_MISMATCH', expected: 'DE' });
  });

  it('refuses a wrong length or wrong characters for the country', () => {
    // Assess
    expect(checkVatId('PL521345678', 'PL')).toMatchObject({ ok: false, code: 'VAT_ID_INVALID' });
    expect(checkVatId('AT12345678', 'AT')).toMatchObject({ ok: false, code: 'VAT_ID_INVALID' });
    expect(checkVatId('NL123456789A01', 'NL')).toMatchObject({ ok: false, code: 'VAT_ID_INVALID' });
    expect(checkVatId('5213456789', 'PL')).toMatchObject({ ok: false, code: 'VAT_ID_INVALID' });
  });

  it('outside the EU takes letters and digits without a table', () => {
    // Assess
    expect(checkVatId('GB 123 4567 89', 'GB')).toEqual({ ok: true, vatId: 'GB123456789' });
    expect(checkVatId('??', 'GB')).toMatchObject({ ok: false, code: 'VAT_ID_INVALID' });
    expect(normaliseVatId(' pl-52/13.45 ')).toBe('PL521345');
  });
});
