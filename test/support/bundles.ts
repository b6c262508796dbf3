// Builds handlers exactly as CDK bundles them (infra/bundling/handler-bundling.ts), in memory.

import { join } from 'node:path';
import { build } from 'esbuild';
import { routes } from '#functions/routes.ts';
import { workers } from '#functions/workers.ts';
import { handlerBuildOptions, PROJECT_ROOT } from '#infra/bundling/handler-bundling.ts';

/** Every Lambda handler: one per route, one per worker. */
export const allHandlers = [...new Set([...routes, ...workers].map((entry) => entry.handler))];

/**
 * Several handlers in ONE esbuild call (one entry point each, no code splitting: every output is the same
 * self-contained bundle a build of that handler alone gives, byte for byte), so the parsing and resolving of the
 * modules they share is done once: all handlers in about half the time of one build each.
 */
export async function buildHandlers(handlers: readonly string[]): Promise<Map<string, Uint8Array>> {
  const outdir = join(PROJECT_ROOT, '.bench', 'out');
  const result = await build({
    ...handlerBuildOptions(''),
    entryPoints: Object.fromEntries(handlers.map((handler) => [handler, join(PROJECT_ROOT, 'functions', `${handler}.ts`)])),
    outdir,
    outExtension: { '.js': '.mjs' },
    write: false,
  });
  const bundles = new Map<string, Uint8Array>();
  for (const handler of handlers) {
    const code = result.outputFiles.find((file) => file.path === join(outdir, `${handler}.mjs`));
    if (!code) throw new Error(`esbuild produced no bundle for ${handler}`);
    bundles.set(handler, code.contents);
  }
  return bundles;
}

export async function buildHandler(handler: string): Promise<Uint8Array> {
  return (await buildHandlers([handler])).get(handler)!;
}
