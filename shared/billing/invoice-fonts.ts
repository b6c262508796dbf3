// The invoice PDF's fonts: DejaVu Sans (regular and bold), embedded so Polish, German and French letters print on any
// reader. Locally they are read from node_modules; a Lambda bundle has no node_modules, so esbuild's `file` loader
// copies the two TTFs beside the bundle (infra/bundling/handler-bundling.ts) and the import gives their file names.
// pdfkit reads a font from its path (once per document: it keeps each font it opened by that path).

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The TTF files' paths. */
export interface InvoiceFonts {
  regular: string;
  bold: string;
}

let loaded: Promise<InvoiceFonts> | undefined;

async function bundledFonts(): Promise<InvoiceFonts> {
  const [regular, bold] = await Promise.all([
    import('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    import('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  ]);
  return {
    regular: fileURLToPath(new URL(regular.default, import.meta.url)),
    bold: fileURLToPath(new URL(bold.default, import.meta.url)),
  };
}

async function packageFonts(): Promise<InvoiceFonts> {
  const require = createRequire(import.meta.url);
  return {
    regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  };
}

/** Found once per process; Lambda bundles define ATRIUM_BUNDLE_TARGET, so only one branch is built in. */
export function invoiceFonts(): Promise<InvoiceFonts> {
  loaded ??= process.env.ATRIUM_BUNDLE_TARGET === 'lambda' ? bundledFonts() : packageFonts();
  return loaded;
}
