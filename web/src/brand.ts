// The stage's brand in the pages: /brand.js (loaded by index.html before the app) names it; without it, Atrium's.
// Colours become CSS custom properties and the favicon follows the brand, once, before the first render.

import { type Brand, DEFAULT_BRAND, parseBrand } from '#shared/brand.ts';

declare global {
  interface Window {
    __ATRIUM_BRAND__?: unknown;
  }
}

function readBrand(): Brand {
  try {
    return parseBrand(typeof window === 'undefined' ? undefined : window.__ATRIUM_BRAND__);
  } catch {
    // A broken brand must not break the portal: Atrium's own keeps it usable.
    return DEFAULT_BRAND;
  }
}

export const webBrand: Brand = readBrand();

/** Puts the brand's colours (light theme; the dark theme keeps its own) and favicon on the document. */
export function applyBrand(brand: Brand = webBrand): void {
  const style = document.createElement('style');
  style.dataset.brand = '';
  const { accent, accentHover, accentText } = brand.colours;
  style.textContent = `@media (prefers-color-scheme: light) { :root { --accent: ${accent}; --accent-hover: ${accentHover}; --accent-text: ${accentText}; } }`;
  document.head.append(style);
  let icon = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (!icon) {
    icon = document.createElement('link');
    icon.rel = 'icon';
    document.head.append(icon);
  }
  icon.href = brand.faviconUrl;
  document.title = brand.productName;
}
