// How every handler is bundled, declared once: CDK's NodejsFunction and `npm run bench` both build from this.

import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Node.js version the bundles target; matches the Lambda runtime (infra/constructs/handler-function.ts). */
export const HANDLER_TARGET = 'node24';

// ESM output still meets CommonJS dependencies that call require(); esbuild leaves those calls, so give them one.
export const CREATE_REQUIRE_BANNER =
  "import { createRequire as __atriumCreateRequire } from 'node:module'; const require = __atriumCreateRequire(import.meta.url);";

/** Replaced at bundle time: Lambda reads credentials from its environment only (see lambda-credentials.ts). */
export const HANDLER_ALIASES: Record<string, string> = {
  '@aws-sdk/credential-provider-node': fileURLToPath(new URL('./lambda-credentials.ts', import.meta.url)),
  // fontkit (pdfkit's font reader) decodes WOFF2 with brotli, 486 KB; the invoice PDF embeds TTF only.
  'brotli/decompress.js': fileURLToPath(new URL('./no-woff2.ts', import.meta.url)),
};

/**
 * Left out of the bundle. The SDK loads event-stream support with a lazy `import()` only for event-stream
 * operations (e.g. Bedrock streaming, S3 Select); DynamoDB, SES, SQS, Secrets Manager and Cognito have none, so it
 * never runs: 15 KB saved.
 */
export const HANDLER_EXTERNALS = ['@smithy/core/event-streams'];

/** Constants folded in at bundle time: local-only adapters drop out of Lambda bundles (shared/identity/index.ts). */
export const HANDLER_DEFINES: Record<string, string> = {
  'process.env.ATRIUM_BUNDLE_TARGET': JSON.stringify('lambda'),
};

/**
 * Fonts (the invoice PDF's DejaVu Sans) are copied beside the bundle and imported as their file names, instead of
 * inlined as 1 MB of base64 per font; only handlers that import a .ttf get one (shared/billing/invoice-fonts.ts).
 */
export const FONT_LOADER = { '.ttf': 'file' } as const;

/** The same build as esbuild API options, for the benchmark and the bundle-size test. */
export function handlerBuildOptions(entry: string): BuildOptions {
  return {
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: HANDLER_TARGET,
    minify: true,
    sourcemap: 'external',
    sourcesContent: false,
    mainFields: ['module', 'main'],
    banner: { js: CREATE_REQUIRE_BANNER },
    alias: HANDLER_ALIASES,
    define: HANDLER_DEFINES,
    loader: FONT_LOADER,
    // The AWS SDK is bundled too: a pinned, tree-shaken copy instead of the runtime's.
    external: HANDLER_EXTERNALS,
    logLevel: 'error',
  };
}
