// EU VAT identification numbers: the format of each of the 27 member states (as VIES checks it) and whether an id
// belongs to the account's country. Pure, so the web form checks with the same table as the server.

/** ISO 3166 country code → the VAT id's prefix (Greece writes EL) and its format after the prefix. */
export const EU_VAT_FORMATS = {
  AT: { prefix: 'AT', pattern: /^U\d{8}$/, example: 'ATU12345678' },
  BE: { prefix: 'BE', pattern: /^[01]\d{9}$/, example: 'BE0123456789' },
  BG: { prefix: 'BG', pattern: /^\d{9,10}$/, example: 'BG123456789' },
  CY: { prefix: 'CY', pattern: /^\d{8}[A-Z]$/, example: 'CY12345678X' },
  CZ: { prefix: 'CZ', pattern: /^\d{8,10}$/, example: 'CZ12345678' },
  DE: { prefix: 'DE', pattern: /^\d{9}$/, example: 'DE123456789' },
  DK: { prefix: 'DK', pattern: /^\d{8}$/, example: 'DK12345678' },
  EE: { prefix: 'EE', pattern: /^\d{9}$/, example: 'EE123456789' },
  ES: { prefix: 'ES', pattern: /^[0-9A-Z]\d{7}[0-9A-Z]$/, example: 'ESX1234567X' },
  FI: { prefix: 'FI', pattern: /^\d{8}$/, example: 'FI12345678' },
  FR: { prefix: 'FR', pattern: /^[0-9A-Z]{2}\d{9}$/, example: 'FRXX123456789' },
  GR: { prefix: 'EL', pattern: /^\d{9}$/, example: 'EL123456789' },
  HR: { prefix: 'HR', pattern: /^\d{11}$/, example: 'HR12345678901' },
  HU: { prefix: 'HU', pattern: /^\d{8}$/, example: 'HU12345678' },
  IE: { prefix: 'IE', pattern: /^(\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W])$/, example: 'IE1234567WA' },
  IT: { prefix: 'IT', pattern: /^\d{11}$/, example: 'IT12345678901' },
  LT: { prefix: 'LT', pattern: /^(\d{9}|\d{12})$/, example: 'LT123456789' },
  LU: { prefix: 'LU', pattern: /^\d{8}$/, example: 'LU12345678' },
  LV: { prefix: 'LV', pattern: /^\d{11}$/, example: 'LV12345678901' },
  MT: { prefix: 'MT', pattern: /^\d{8}$/, example: 'MT12345678' },
  NL: { prefix: 'NL', pattern: /^\d{9}B\d{2}$/, example: 'NL123456789B01' },
  PL: { prefix: 'PL', pattern: /^\d{10}$/, example: 'PL1234567890' },
  PT: { prefix: 'PT', pattern: /^\d{9}$/, example: 'PT123456789' },
  RO: { prefix: 'RO', pattern: /^\d{2,10}$/, example: 'RO1234567890' },
  SE: { prefix: 'SE', pattern: /^\d{10}01$/, example: 'SE123456789001' },
  SI: { prefix: 'SI', pattern: /^\d{8}$/, example: 'SI12345678' },
  SK: { prefix: 'SK', pattern: /^\d{10}$/, example: 'SK1234567890' },
} as const satisfies Record<string, { prefix: string; pattern: RegExp; example: string }>;

export type EuCountry = keyof typeof EU_VAT_FORMATS;

export function isEuCountry(country: string | undefined): country is EuCountry {
  return country !== undefined && Object.hasOwn(EU_VAT_FORMATS, country);
}

/** A VAT id as stored and printed on invoices: upper case, without spaces, dots, dashes or slashes. */
export function normaliseVatId(vatId: string): string {
  return vatId.toUpperCase().replace(/[\s.\-/]/g, '');
}

/** The EU country whose format this (normalised) id has, if any. */
export function vatIdCountry(vatId: string): EuCountry | undefined {
  for (const [country, format] of Object.entries(EU_VAT_FORMATS)) {
    if (vatId.startsWith(format.prefix) && format.pattern.test(vatId.slice(format.prefix.length))) return country as EuCountry;
  }
  return undefined;
}

/** Outside the EU there is no table to check against: letters and digits, as the customer's tax office wrote them. */
const OTHER_VAT_ID = /^[A-Z0-9]{4,20}$/;

export type VatIdCheck =
  | { ok: true; vatId: string }
  | { ok: false; code: 'VAT_ID_INVALID' | 'VAT_ID_COUNTRY_MISMATCH'; expected?: string; example?: string };

/**
 * Checks a VAT id against the account's country: an EU country's id must have that country's prefix (EL for Greece)
 * and format; an id that is valid for another EU country is a mismatch, anything else invalid. Answers the normalised
 * id when it is good.
 */
export function checkVatId(input: string, country: string): VatIdCheck {
  const vatId = normaliseVatId(input);
  if (!isEuCountry(country)) return OTHER_VAT_ID.test(vatId) ? { ok: true, vatId } : { ok: false, code: 'VAT_ID_INVALID' };
  const format = EU_VAT_FORMATS[country];
  if (vatId.startsWith(format.prefix) && format.pattern.test(vatId.slice(format.prefix.length))) return { ok: true, vatId };
  // Another member state's prefix (with or without a valid number after it): the id is not this country's.
  const otherPrefix = Object.values(EU_VAT_FORMATS).some((other) => other.prefix !== format.prefix && vatId.startsWith(other.prefix));
  return {
    ok: false,
    code: otherPrefix ? 'VAT_ID_COUNTRY_MISMATCH' : 'VAT_ID_INVALID',
    expected: format.prefix,
    example: format.example,
  };
}
