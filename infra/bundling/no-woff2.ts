// Stands in for `brotli/decompress.js` in Lambda bundles (infra/bundling/handler-bundling.ts). fontkit needs brotli only
// to open WOFF2 fonts; the invoice PDF embeds TTF files (shared/billing/invoice-fonts.ts), and the real decoder is 486 KB.

export default function decompress(): never {
  throw new Error('WOFF2 fonts are not supported in Lambda bundles: embed a TTF instead');
}
