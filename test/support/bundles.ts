// Builds one handler exactly as CDK bundles it (infra/bundling/handler-bundling.ts), in memory.

import { join } from 'node:path';
import { build } from 'esbuild';
import { routes } from '#functions/routes.ts';
import { workers } from '#functions/workers.ts';
import { handlerBuildOptions, PROJECT_ROOT } from '#infra/bundling/handler-bundling.ts';

/** Every Lambda handler: one per route, one per worker. */
export const allHandlers = [...new Set([...routes, ...workers].map((entry) => entry.handler))];

export async function buildHandler(handler: string): Promise<Uint8Array> {
  const result = await build({
    ...handlerBuildOptions(join(PROJECT_ROOT, 'functions', `${handler}.ts`)),
    outfile: join(PROJECT_ROOT, '.bench', 'out.mjs'),
    write: false,
  });
  const code = result.outputFiles.find((file) => file.path.endsWith('.mjs'));
  if (!code) throw new Error(`esbuild produced no bundle for ${handler}`);
  return code.contents;
}
