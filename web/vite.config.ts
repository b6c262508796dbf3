// Builds the portal: a Preact single-page app, served from the same origin as /api.
// Preact's automatic JSX runtime comes from Vite's own oxc transform, so no plugin is needed.

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // One entry chunk and evergreen browsers: the modulepreload polyfill would be dead weight.
    modulePreload: { polyfill: false },
  },
  server: {
    // `vite --config web/vite.config.ts` during development: /api goes to the local runtime.
    proxy: { '/api': process.env.ATRIUM_API_URL ?? 'http://127.0.0.1:3000' },
  },
});
