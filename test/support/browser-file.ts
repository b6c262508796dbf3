// What every browser test file sets up, in one call at its top (`const e2e = browserTestFile()`): the local portal's
// addresses, and the one Chromium of the browser tests (test/support/portal.global-setup.ts), connected before the
// file's tests and closed after them (the file's own contexts only).

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from './browser.ts';

export interface BrowserTestFile {
  /** The local portal and its mail server. */
  portalUrl: string;
  mailUrl: string;
  portal: { portalUrl: string; mailUrl: string };
  /** The file's connection to the shared Chromium: there from the file's first hook to its last. */
  readonly browser: Browser;
}

export function browserTestFile(): BrowserTestFile {
  const portalUrl = inject('portalUrl');
  const mailUrl = inject('portalMailUrl');
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    portalUrl,
    mailUrl,
    portal: { portalUrl, mailUrl },
    get browser() {
      if (!browser) throw new Error('The browser is connected in beforeAll: use it inside a test or a hook.');
      return browser;
    },
  };
}
