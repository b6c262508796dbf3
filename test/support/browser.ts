// Debian's Chromium driven by playwright-core, with the flags this closed network needs (a fresh profile per launch).

import { chromium, type Browser } from 'playwright-core';
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
