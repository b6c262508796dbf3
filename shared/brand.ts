// The deploying vendor's brand: product name, logo, colours, support address, legal footer and favicon. One object per
// stage, named in the stage configuration (infra/config.ts `brand`): the lambdas read it from ATRIUM_BRAND, the web
// from /brand.js (written next to config.json at deploy, answered by the dev server locally). Until a stage names its
// own, Atrium's. No dependencies, so the web imports it too.

export interface Brand {
  /** The product name in titles, mails and the header, e.g. "Atrium". */
  productName: string;
  /** Where customers write for help; shown in the footer of pages and mails. */
  supportEmail: string;
  /** The vendor's legal line (company, registration, address) under every mail and page. */
  legalFooter: string;
  /** The header's logo: a path on the portal's origin (web/public) or an https URL; shown beside the product name. */
  logoUrl: string;
  /** The browser tab's icon, like the logo. */
  faviconUrl: string;
  /** Colours of buttons, links and the current page's mark (CSS colours); the dark theme keeps its own. */
  colours: { accent: string; accentHover: string; accentText: string };
}

export const DEFAULT_BRAND: Brand = {
  productName: 'Atrium',
  supportEmail: 'support@atrium.example',
  legalFooter: 'Atrium demo · Example Software Ltd, 1 Example Street, Exampletown',
  logoUrl: '/logo.svg',
  faviconUrl: '/favicon.svg',
  colours: { accent: '#2454c5', accentHover: '#1b419c', accentText: '#ffffff' },
};

/** The environment variable carrying a stage's brand (JSON) to its lambdas. */
export const BRAND_VARIABLE = 'ATRIUM_BRAND';

const COLOUR = /^(#[0-9a-fA-F]{3,8}|rgb\([0-9 ,.%]+\)|hsl\([0-9 ,.%deg]+\))$/;
const URL_OR_PATH = /^(\/(?!\/)[A-Za-z0-9._~/-]*|https:\/\/[^\s"'<>]+)$/;

/**
 * A brand as a stage declares it, checked: a wrong colour or a script URL would reach every page's style and header,
 * so they fail the synth (and the cold start) instead. Missing fields are Atrium's.
 */
export function parseBrand(value: unknown): Brand {
  const given = (typeof value === 'object' && value !== null ? value : {}) as Partial<Brand>;
  const merged: Brand = {
    ...DEFAULT_BRAND,
    ...given,
    colours: { ...DEFAULT_BRAND.colours, ...(given.colours ?? {}) },
  };
  for (const text of [merged.productName, merged.supportEmail]) {
    if (typeof text !== 'string' || text.trim() === '' || text.length > 200)
      throw new Error('A brand needs a product name and a support address.');
  }
  if (typeof merged.legalFooter !== 'string' || merged.legalFooter.length > 500)
    throw new Error('The legal footer must be at most 500 characters.');
  for (const url of [merged.logoUrl, merged.faviconUrl]) {
    if (typeof url !== 'string' || !URL_OR_PATH.test(url)) throw new Error(`Not a brand image URL (a path or https): ${String(url)}`);
  }
  for (const colour of Object.values(merged.colours)) {
    if (typeof colour !== 'string' || !COLOUR.test(colour)) throw new Error(`Not a brand colour: ${String(colour)}`);
  }
  return merged;
}

let cached: Brand | undefined;

/** The brand of this stage: ATRIUM_BRAND when set (deployed lambdas), else Atrium's own (the local demo). */
export function brand(): Brand {
  if (cached) return cached;
  const raw = typeof process === 'undefined' ? undefined : process.env[BRAND_VARIABLE];
  cached = raw ? parseBrand(JSON.parse(raw)) : DEFAULT_BRAND;
  return cached;
}

/** Tests change the environment between suites; this forgets the cached brand. */
export function resetBrandForTests(): void {
  cached = undefined;
}

/** The script the web loads before the app (/brand.js): it names the stage's brand for the pages. */
export function brandScript(value: Brand): string {
  // JSON inside a script: `<` escaped so no value can close the script element.
  return `window.__ATRIUM_BRAND__=${JSON.stringify(value).replace(/</g, '\\u003c')};\n`;
}
