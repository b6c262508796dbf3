// Debian's Chromium driven by playwright-core, with the flags this closed network needs (a fresh profile per launch).

import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { codeIn, mailsTo } from './mailbox.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    ],
  });
}

/** Waits for a new sign-in code for this address in the local mailbox (newer than `after` mails). */
export async function waitForCode(mailUrl: string, email: string, after: number): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const mine = await mailsTo(mailUrl, email);
    const code = mine.length > after ? codeIn(mine.at(-1)) : undefined;
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No sign-in code reached ${email}`);
}

export async function mailCount(mailUrl: string, email: string): Promise<number> {
  return (await mailsTo(mailUrl, email)).length;
}

/** A fresh browser context (English, British dates) for one test, closed afterwards whatever happens. */
export async function withPage(
  browser: Browser,
  test: (page: Page, context: BrowserContext) => Promise<void>,
  options: BrowserContextOptions = {},
): Promise<void> {
  const context = await browser.newContext({ locale: 'en-GB', ...options });
  try {
    await test(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

/** The code step of every sign-in: the code mailed after `before` mails, entered and verified. */
export async function enterMailedCode(page: Page, mailUrl: string, email: string, before: number): Promise<void> {
  await page.getByLabel('Code').fill(await waitForCode(mailUrl, email, before));
  await page.getByRole('button', { name: 'Verify' }).click();
}

/** Signs in on the sign-in page at `path` (customer `/sign-in`, staff `/admin`) with the password, then the code. */
export async function signInWithPassword(
  page: Page,
  portal: { portalUrl: string; mailUrl: string },
  path: string,
  login: { email: string; password: string },
): Promise<void> {
  const before = await mailCount(portal.mailUrl, login.email);
  await page.goto(`${portal.portalUrl}${path}`);
  await page.getByLabel('E-mail').fill(login.email);
  await page.getByLabel('Password', { exact: true }).fill(login.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await enterMailedCode(page, portal.mailUrl, login.email, before);
}
