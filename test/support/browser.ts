// Debian's Chromium driven by playwright-core, with the flags this closed network needs (a fresh profile per launch).

import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { codeIn, mailsTo } from './mailbox.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** How Chromium is started: Debian's binary, with the flags this closed network needs. */
export const CHROMIUM_LAUNCH = {
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
};

/**
 * The browser of a test file: a connection to the one Chromium the browser tests' global setup started
 * (test/support/portal.global-setup.ts), so the files share one browser instead of launching one each. Closing it
 * closes only this file's contexts. Outside that setup (a script), a Chromium of its own.
 */
export function launchBrowser(): Promise<Browser> {
  const endpoint = process.env.ATRIUM_BROWSER_ENDPOINT;
  return endpoint ? chromium.connect(endpoint) : chromium.launch(CHROMIUM_LAUNCH);
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

let clients = 0;

/**
 * A source address of its own for each browser context (TEST-NET-2, 198.51.100.0/24, and on into 203.0.113.0/24):
 * the browser tests' portal trusts X-Forwarded-For, so one test's failures and mails never count against another's
 * per-address limits, as two people on two machines would not.
 */
export function nextClientAddress(): string {
  clients += 1;
  return clients < 255 ? `198.51.100.${clients}` : `203.0.113.${clients % 255}`;
}

/** A fresh browser context (English, British dates, its own source address) for one test, closed afterwards whatever happens. */
export async function withPage(
  browser: Browser,
  test: (page: Page, context: BrowserContext) => Promise<void>,
  options: BrowserContextOptions = {},
): Promise<void> {
  const context = await browser.newContext({
    locale: 'en-GB',
    ...options,
    extraHTTPHeaders: { 'x-forwarded-for': nextClientAddress(), ...options.extraHTTPHeaders },
  });
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

/** Signs a customer in on `/sign-in` and waits for the page every sign-in lands on: the home page with its tiles. */
export async function signInToHome(
  page: Page,
  portal: { portalUrl: string; mailUrl: string },
  login: { email: string; password: string },
): Promise<void> {
  await signInWithPassword(page, portal, '/sign-in', login);
  // Attached, not visible: a role with no tile yet (billing before invoices exist) has an empty list.
  await page.getByTestId('home-tiles').waitFor({ state: 'attached' });
}

/**
 * The page's cumulative layout shift so far (every shift not caused by input, summed: an upper bound of the CLS
 * metric, which takes the worst session window). A layout metric read from the browser, not a timing.
 */
export function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        });
        observer.observe({ type: 'layout-shift', buffered: true });
        // Buffered entries arrive in a task of their own: two frames later they have all been delivered.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            for (const entry of observer.takeRecords() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
              if (!entry.hadRecentInput) total += entry.value;
            }
            observer.disconnect();
            resolve(total);
          }),
        );
      }),
  );
}

/** How much wider than the window the page is (0 when there is no horizontal page scroll). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth));
}

/** Table cells (and other elements matching `selector`) that are not wholly inside the window's width. */
export function cellsOutsideWindow(page: Page, selector = 'main td, main th'): Promise<string[]> {
  return page.evaluate((selector) => {
    const width = window.innerWidth;
    return Array.from(document.querySelectorAll<HTMLElement>(selector))
      .filter((cell) => cell.getClientRects().length > 0)
      .filter((cell) => {
        const box = cell.getBoundingClientRect();
        return box.left < -0.5 || box.right > width + 0.5;
      })
      .map((cell) => (cell.textContent ?? '').trim().slice(0, 40));
  }, selector);
}

/** axe-core's serious and critical findings on the page as it is now (WCAG 2.1 A/AA and best practices). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
