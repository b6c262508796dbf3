// Browser tests: the whole local portal (engines, API, web through Vite, demo data) on free ports, as `npm start` runs it.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalRuntime } from '#infra/local/runtime.ts';
import { chromium } from 'playwright-core';
import { CHROMIUM_LAUNCH } from './browser.ts';
import { E2E_CODE_COOLDOWN_SECONDS } from './e2e-settings.ts';
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
  // Read into the portal's config while it starts (the seed reads the config), then removed, so that the test workers
  // started later (the integration tests) keep the real 30 s.
  process.env.SIGN_IN_CODE_COOLDOWN_SECONDS = String(E2E_CODE_COOLDOWN_SECONDS);
  const runtime = await startLocalRuntime({
    // Each browser context sends its own X-Forwarded-For (test/support/browser.ts): one client per test.
    trustForwardedFor: true,
    dataDir,
    persist: false,
    ports: { portal: await freePort(), dynamodb: await freePort(), mail: await freePort(), s3: await freePort() },
    web: true,
    seed: true,
  });
  delete process.env.SIGN_IN_CODE_COOLDOWN_SECONDS;
  // One Chromium for every browser test file: each connects to it (launchBrowser) and closes only its own contexts.
  const browser = await chromium.launchServer(CHROMIUM_LAUNCH);
  process.env.ATRIUM_BROWSER_ENDPOINT = browser.wsEndpoint();
  process.env.LOG_LEVEL = 'WARN';
  project.provide('portalUrl', runtime.portalUrl);
  project.provide('portalMailUrl', runtime.mailUrl);
  return async () => {
    await browser.close();
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
