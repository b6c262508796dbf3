// Browser tests: the whole local portal (engines, API, web through Vite, demo data) on free ports, as `npm start` runs it.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalRuntime } from '#infra/local/runtime.ts';
import { freePort } from './ports.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    portalUrl: string;
    portalMailUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'atrium-e2e-'));
  // "Send a new code" waits out the code-mail cooldown (30 s in every stage): a short one keeps the browser tests quick.
  process.env.SIGN_IN_CODE_COOLDOWN_SECONDS = '2';
  const runtime = await startLocalRuntime({
    dataDir,
    persist: false,
    ports: { portal: await freePort(), dynamodb: await freePort(), mail: await freePort() },
    web: true,
    seed: true,
  });
  process.env.LOG_LEVEL = 'WARN';
  project.provide('portalUrl', runtime.portalUrl);
  project.provide('portalMailUrl', runtime.mailUrl);
  return async () => {
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
