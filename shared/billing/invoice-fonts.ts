// The invoice PDF's fonts: DejaVu Sans (regular and bold), embedded so Polish, German and French letters print on any
// reader. Locally they are read from node_modules; a Lambda bundle has no node_modules, so esbuild's `file` loader
// copies the two TTFs beside the bundle (infra/bundling/handler-bundling.ts) and the import gives their file names.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

export interface InvoiceFonts {
  regular: Buffer;
  bold: Buffer;
}

let loaded: Promise<InvoiceFonts> | undefined;

async function bundledFonts(): Promise<InvoiceFonts> {
  const [regular, bold] = await Promise.all([
    import('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    import('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  ]);
  return {
    regular: await readFile(new URL(regular.default, import.meta.url)),
    bold: await readFile(new URL(bold.default, import.meta.url)),
  };
}

async function packageFonts(): Promise<InvoiceFonts> {
  const require = createRequire(import.meta.url);
  const [regular, bold] = await Promise.all([
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  ]);
  return { regular, bold };
}

/** Read once per process (1.4 MB); Lambda bundles define ATRIUM_BUNDLE_TARGET, so only one branch is built in. */
export function invoiceFonts(): Promise<InvoiceFonts> {
  loaded ??= process.env.ATRIUM_BUNDLE_TARGET === 'lambda' ? bundledFonts() : packageFonts();
  return loaded;
}
