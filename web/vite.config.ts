// Builds the portal: a Preact single-page app, served from the same origin as /api.
// Preact's automatic JSX runtime comes from Vite's own oxc transform, so no plugin is needed.
//
// The dev server (`npm start`, the browser tests) serves only web/, shared/ (the modules the app imports) and
// node_modules, and never .local/ (sign-in and licence keys, the database, running.json). Its root is the repository,
// so every module has a root-relative URL (/web/src/main.tsx, /shared/..., /node_modules/...) instead of
// /@fs/<absolute path>, which would tell any page the absolute path of the checkout.

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { brand, brandScript } from '../shared/brand.ts';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repository = join(webRoot, '..');
/** The app's entry as index.html names it for the build (root web/), and its URL when the repository is the root. */
const ENTRY = '/src/main.tsx';
const DEV_ENTRY = '/web/src/main.tsx';

/** URL prefixes the dev server answers besides pages: the app, the modules it imports, Vite's own client. */
const SERVED_PREFIXES = ['/web/', '/shared/', '/node_modules/', '/@vite/', '/@id/'];
/** Files of web/public, served at the root (the favicon and logo). */
const PUBLIC_FILES = ['/favicon.svg', '/logo.svg'];

/**
 * Dev only. Client-side routes (no file extension) get web/index.html, whose entry script is then named from the
 * repository root; a URL outside SERVED_PREFIXES (/@fs/..., /infra/..., /.local/...) is a bare 404 before Vite sees it,
 * because Vite's own 403 page names the absolute paths of its allow list. The build keeps web/ as its root.
 */
function servePortalFromRepositoryRoot(): Plugin {
  return {
    name: 'atrium:portal-from-repository-root',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = (request.url ?? '/').split('?')[0]!;
        if (!/\.[^/]*$/.test(path) && !path.startsWith('/@')) {
          if (request.method === 'GET' || request.method === 'HEAD') request.url = '/web/index.html';
          return next();
        }
        // The stage's brand: deployed stages get /brand.js from the web stack; here, ATRIUM_BRAND or Atrium's own.
        if (path === '/brand.js') {
          response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
          response.end(brandScript(brand()));
          return;
        }
        if (PUBLIC_FILES.includes(path)) return next();
        if (SERVED_PREFIXES.some((prefix) => path.startsWith(prefix))) return next();
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('Not Found');
      });
    },
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace(`src="${ENTRY}"`, `src="${DEV_ENTRY}"`),
    },
    // Vite keys each imported stylesheet's <style> element by the file's absolute path; the root-relative one is as unique.
    transform: {
      order: 'post',
      handler(code, id) {
        if (!id.startsWith(`${repository}/`) || !code.includes('__vite__id')) return undefined;
        return {
          code: code.replace(
            /(const __vite__id = )"([^"]*)"/,
            (_, declaration: string, file: string) => `${declaration}${JSON.stringify(file.slice(repository.length))}`,
          ),
          map: null,
        };
      },
    },
  };
}

export default defineConfig(({ command }) => ({
  root: command === 'serve' ? repository : webRoot,
  base: '/',
  // The favicon and logo; at the root of the build and of the dev server.
  publicDir: join(webRoot, 'public'),
  // The production JSX runtime in dev too: the development one writes each module's absolute file name into it.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact', development: false } },
  plugins: [servePortalFromRepositoryRoot()],
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
    fs: {
      strict: true,
      allow: [webRoot, join(repository, 'shared'), join(repository, 'node_modules')],
      // Vite's own defaults (.env, certificates) plus the local runtime's data wherever it is kept.
      deny: ['.env', '.env.*', '*.{crt,pem,key}', '**/.local/**', '**/*.jwk.json', '**/*.db', '**/.git/**'],
    },
  },
}));
