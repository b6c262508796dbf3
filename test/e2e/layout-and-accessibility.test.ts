// Every page of the portal, public and signed in, customer and staff, at a phone's width (390 px) and a laptop's
// (1280 px): no sideways page scroll, every table cell inside the window, no layout shift worth the name while the page
// loads (CLS < 0.1 at 390 px), and no serious or critical axe-core finding. Then the customer's pages again in Polish.

import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { awaitMailTo } from '../support/mailbox.ts';
import {
  cellsOutsideWindow,
  horizontalOverflow,
  launchBrowser,
  layoutShift,
  nextClientAddress,
  mailCount,
  seriousAxeViolations,
  signInWithPassword,
  waitForCode,
} from '../support/browser.ts';
import { customerWithCart } from '../support/shopper.ts';
import { putTestServicePlans } from '../support/service-plans.ts';
import { putTestSubscription } from '../support/subscriptions.ts';
import { addMember, createCustomer } from '../support/api.ts';
import { money } from '#shared/money.ts';
import { issueTestInvoice, putTestPayment } from '../support/invoices.ts';
import { TransactWriteCommand } from '#shared/db/commands.ts';
import { db } from '#shared/db/client.ts';
import { subscriptionEventPut } from '#shared/subscriptions/events.ts';

let browser: Browser;
const portalUrl = inject('portalUrl');
const mailUrl = inject('portalMailUrl');
const portal = { portalUrl, mailUrl };

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 900 };

beforeAll(async () => {
  browser = await launchBrowser();
  // A person with a long address and no name, as the people and e-mail browser tests leave in the demo account when
  // they run first: the pages that list the account's people show the address, which must wrap at 390 px.
  await addMember('demo-nordwind', 'read-only', { email: `accounts-payable.department.${Date.now()}@nordwind-systems.example` });
});
afterAll(() => browser?.close());

const inFlight = new WeakMap<Page, Set<Request>>();

/** Keeps count of the page's requests that have not finished, so a check can wait for the page's data to arrive. */
function trackRequests(page: Page): void {
  const pending = new Set<Request>();
  inFlight.set(page, pending);
  const done = (request: Request) => pending.delete(request);
  page.on('request', (request) => {
    // Vite's live-reload socket never finishes and is not the page's data.
    if (!request.url().includes('/@vite/') && request.resourceType() !== 'websocket') pending.add(request);
  });
  // A response is enough: the portal does not read the body of a failed refresh, so that request never "finishes".
  page.on('response', (response) => done(response.request()));
  page.on('requestfinished', done);
  page.on('requestfailed', done);
}

/** Loaded: the heading is there, no request of the page is pending, and nothing says it is still loading. */
async function settled(page: Page, path: string): Promise<void> {
  await page.locator('main h1').first().waitFor();
  const pending = inFlight.get(page)!;
  await expect
    .poll(() => [...pending].map((request) => `${request.method()} ${request.url()}`).join(' '), {
      message: `requests of ${path} still pending`,
      timeout: 15_000,
    })
    .toBe('');
  await page.waitForFunction(
    () =>
      !document.querySelector('main [aria-busy="true"]') &&
      !Array.from(document.querySelectorAll('main [role="status"]')).some((status) => /Loading|Wczytywanie/.test(status.textContent ?? '')),
  );
}

interface Findings {
  overflow: number;
  cellsOutside: string[];
  shift?: number;
  axe?: string[];
}

/** One page at both widths: fresh loads, so the layout shift covers the page's own loading. */
async function check(page: Page, path: string, options: { axe?: boolean } = {}): Promise<Record<string, Findings>> {
  const findings: Record<string, Findings> = {};
  for (const size of [PHONE, LAPTOP]) {
    await page.setViewportSize(size);
    await page.goto(`${portalUrl}${path}`);
    await settled(page, path);
    const found: Findings = { overflow: await horizontalOverflow(page), cellsOutside: await cellsOutsideWindow(page) };
    if (size === PHONE) found.shift = await layoutShift(page);
    if (size === LAPTOP && options.axe !== false) found.axe = await seriousAxeViolations(page);
    findings[`${path} at ${size.width} px`] = found;
  }
  return findings;
}

function expectClean(findings: Record<string, Findings>): void {
  for (const [where, found] of Object.entries(findings)) {
    expect(found.overflow, `${where}: wider than the window`).toBe(0);
    expect(found.cellsOutside, `${where}: cells outside the window`).toEqual([]);
    if (found.shift !== undefined) expect(found.shift, `${where}: layout shift`).toBeLessThan(0.1);
    if (found.axe !== undefined) expect(found.axe, `${where}: axe`).toEqual([]);
  }
}

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
type Login = { email: string; password: string };

const landing = { customer: '[data-testid="home-tiles"]', staff: '[data-testid="customers-table"]' } as const;
const sessions = new Map<string, Promise<StorageState>>();

function defaultLogin(pool: 'customer' | 'staff'): Login {
  return pool === 'customer' ? DEMO_LOGINS.customer : DEMO_LOGINS.staff;
}

/** Signs in once per pool and login for the whole file (password, then the mailed code) and keeps what the browser stored. */
function signedInState(pool: 'customer' | 'staff', login: Login): Promise<StorageState> {
  const key = `${pool}:${login.email}`;
  let session = sessions.get(key);
  if (!session) {
    session = (async () => {
      const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': nextClientAddress() }, locale: 'en-GB' });
      try {
        const page = await context.newPage();
        await signInWithPassword(page, portal, pool === 'customer' ? '/sign-in' : '/admin', login);
        // A customer lands on the home page, staff on the customers.
        await page.locator(landing[pool]).waitFor();
        return await context.storageState();
      } finally {
        await context.close();
      }
    })();
    sessions.set(key, session);
  }
  return session;
}

/**
 * A fresh context (its own source address; the cookies and storage the sign-in left) on the pool's landing page, signed
 * in: the refresh-token cookie of the file's one sign-in per pool and login restores the session on load, as a reload
 * does. Each test still starts from a clean page; signing in again for each would only repeat the sign-in page's work.
 */
async function signedInContext(
  pool: 'customer' | 'staff',
  login: Login = defaultLogin(pool),
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    extraHTTPHeaders: { 'x-forwarded-for': nextClientAddress() },
    locale: 'en-GB',
    timezoneId: 'UTC',
    storageState: await signedInState(pool, login),
  });
  const page = await context.newPage();
  trackRequests(page);
  await page.goto(`${portalUrl}${pool === 'customer' ? '/home' : '/admin/customers'}`);
  await page.locator(landing[pool]).waitFor();
  return { context, page };
}

describe('layout and accessibility of every page in Chromium', () => {
  it('public pages, and the code step of sign-in', async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': nextClientAddress() }, locale: 'en-GB' });
    const page = await context.newPage();
    trackRequests(page);
    const findings = {};
    for (const path of [
      '/sign-in',
      '/sign-in?partner=1',
      '/sign-up',
      '/forgot-password',
      '/reset-password?email=someone%40example.test&code=123456',
      '/confirm-email',
      '/admin/sign-in',
      '/admin/forgot-password',
      '/admin/reset-password?email=someone%40example.test&code=123456',
      '/no-such-page',
    ]) {
      Object.assign(findings, await check(page, path));
    }
    // The code step: the countdown on "Send a new code" and the code field, checked by axe as well.
    const login = DEMO_LOGINS.secondCustomer;
    await page.goto(`${portalUrl}/sign-in`);
    await page.getByLabel('E-mail').fill(login.email);
    await page.getByLabel('Password', { exact: true }).fill(login.password);
    const before = await mailCount(mailUrl, login.email);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Code').waitFor();
    await waitForCode(mailUrl, login.email, before);
    Object.assign(findings, {
      'sign-in code step': { overflow: await horizontalOverflow(page), cellsOutside: [], axe: await seriousAxeViolations(page) },
    });
    await context.close();
    expectClean(findings);
  });

  it('the customer’s pages in English and in Polish', async () => {
    const { context, page } = await signedInContext('customer');
    await page.goto(`${portalUrl}/licences`);
    const licencePath = await page.getByRole('link', { name: /^Details Remote Access P24-9921/ }).getAttribute('href');
    // The sort button is named by its words only: the arrow is decoration.
    const sortButton = await page.getByRole('button', { name: /^Purchase date/ }).ariaSnapshot();
    expect(sortButton).toContain('newest first');
    expect(sortButton).not.toMatch(/[↓↑]/);
    await page.goto(`${portalUrl}/orders`);
    const orderPath = await page.getByRole('link', { name: 'Details JWT1018' }).getAttribute('href');
    const paths = ['/licences', '/support', '/orders', '/activity', orderPath!, licencePath!, '/no-such-page'];

    const findings = {};
    for (const path of paths) Object.assign(findings, await check(page, path));
    // Polish words are longer: the licences table once overflowed at 1280 px.
    await page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const path of ['/licences', '/support', '/orders', '/activity', orderPath!, licencePath!]) {
      for (const [where, found] of Object.entries(await check(page, path, { axe: false })))
        Object.assign(findings, { [`${where} (pl)`]: found });
    }
    await context.close();
    expectClean(findings);
  });

  it('the shop, a product page and the cart with a line, in English and in Polish', async () => {
    const { context, page } = await signedInContext('customer');
    await page.goto(`${portalUrl}/shop/remote-access`);
    await page.locator('tr[data-sku="RA-DSK-3"]').getByRole('button', { name: 'Add to cart Remote Access Desktop, 3 users' }).click();
    await page.getByTestId('cart-notice').getByRole('link').waitFor();
    const paths = ['/shop', '/shop/remote-access', '/cart'];
    const findings = {};
    for (const path of paths) Object.assign(findings, await check(page, path));
    await page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const path of paths) {
      for (const [where, found] of Object.entries(await check(page, path, { axe: false })))
        Object.assign(findings, { [`${where} (pl)`]: found });
    }
    await context.close();
    expectClean(findings);
  });

  it('checkout and an order awaiting payment, in English and in Polish', async () => {
    const customer = await customerWithCart([
      ['RA-DSK-3', 1],
      ['2FA-25', 2],
    ]);
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': nextClientAddress() }, locale: 'en-GB' });
    const page = await context.newPage();
    trackRequests(page);
    await signInWithPassword(page, portal, '/sign-in', customer.login);
    await page.getByTestId('home-tiles').waitFor({ state: 'attached' });
    const findings = await check(page, '/checkout');
    await page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const [where, found] of Object.entries(await check(page, '/checkout', { axe: false })))
      Object.assign(findings, { [`${where} (pl)`]: found });
    await page.getByTestId('place-order').click();
    await page.getByTestId('transfer-instructions').waitFor();
    const orderPath = new URL(page.url()).pathname;
    for (const [where, found] of Object.entries(await check(page, orderPath, { axe: false })))
      Object.assign(findings, { [`${where} (pl)`]: found });
    await page.evaluate(() => localStorage.setItem('atrium.locale', 'en'));
    Object.assign(findings, await check(page, orderPath));
    await context.close();
    expectClean(findings);
  });

  it('the new-ticket form (support desk), in English and in Polish', async () => {
    const { context, page } = await signedInContext('customer');
    const findings = await check(page, '/tickets/new');
    await page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const [where, found] of Object.entries(await check(page, '/tickets/new', { axe: false })))
      Object.assign(findings, { [`${where} (pl)`]: found });
    await context.close();
    expectClean(findings);
  });

  it('the balance page (area balance), in English and in Polish', async () => {
    const { context, page } = await signedInContext('customer');
    const findings = await check(page, '/balance');
    await page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const [where, found] of Object.entries(await check(page, '/balance', { axe: false })))
      Object.assign(findings, { [`${where} (pl)`]: found });
    await context.close();
    expectClean(findings);
  });

  it('the renewal page of a subscription (area renewals), in English and in Polish', async () => {
    const customer = await createCustomer([]);
    const subscription = await putTestSubscription(customer.account.accountId, { price: money(4900, 'EUR'), status: 'due' });
    const { context, page } = await signedInContext('customer', customer.login);
    const path = `/services/${subscription.subscriptionId}/renew`;
    const findings = await check(page, path);
    await page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const [where, found] of Object.entries(await check(page, path, { axe: false })))
      Object.assign(findings, { [`${where} (pl)`]: found });
    await context.close();
    expectClean(findings);
  });

  it('the cancellation page (area cancellations), its confirm step, in English and in Polish', async () => {
    const customer = await createCustomer([]);
    const subscription = await putTestSubscription(customer.account.accountId, { withInvoice: true });
    const path = `/services/${subscription.subscriptionId}/cancel`;
    const { context, page } = await signedInContext('customer', customer.login);
    const findings = await check(page, path);
    // The confirm step: what will happen, the optional reason, confirm or keep.
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: 'Cancel…' }).click();
    await page.getByTestId('cancel-what').waitFor();
    findings[`${path} confirm step at 390 px`] = {
      overflow: await horizontalOverflow(page),
      cellsOutside: [],
      axe: await seriousAxeViolations(page),
    };
    await page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const [where, found] of Object.entries(await check(page, path, { axe: false })))
      Object.assign(findings, { [`${where} (pl)`]: found });
    await context.close();
    expectClean(findings);
  });

  it('the people page, with a pending invitation, in English and in Polish', async () => {
    const { context, page } = await signedInContext('customer');
    const email = `layout.${Date.now()}@example.test`;
    await page.goto(`${portalUrl}/account/people`);
    await page.getByLabel('E-mail', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await page.getByTestId('pending-invitations').locator(`li[data-email="${email}"]`).waitFor();
    const findings = await check(page, '/account/people');
    await page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const [where, found] of Object.entries(await check(page, '/account/people', { axe: false })))
      Object.assign(findings, { [`${where} (pl)`]: found });
    await context.close();
    expectClean(findings);
  });

  it('the invitation page, with a valid link (password form) and an invalid one, in English and in Polish', async () => {
    const { context, page } = await signedInContext('customer');
    const email = `layout.invited.${Date.now()}@example.test`;
    await page.goto(`${portalUrl}/account/people`);
    await page.getByLabel('E-mail', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    const mail = await awaitMailTo(mailUrl, email, /You are invited to/);
    const link = /\/invitation\?token=[A-Za-z0-9_-]+/.exec(mail.body.text ?? '')?.[0];
    expect(link).toBeDefined();
    const paths = [link!, '/invitation?token=not-a-valid-token-at-all'];
    const findings = {};
    for (const path of paths) Object.assign(findings, await check(page, path));
    await page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const path of paths) {
      for (const [where, found] of Object.entries(await check(page, path, { axe: false })))
        Object.assign(findings, { [`${where} (pl)`]: found });
    }
    await context.close();
    expectClean(findings);
  });

  it('the staff pages', async () => {
    const { context, page } = await signedInContext('staff');
    await page.goto(`${portalUrl}/admin/orders`);
    const orderPath = await page
      .getByRole('link', { name: /^Details/ })
      .first()
      .getAttribute('href');
    const findings = {};
    // The customer search's results table has six columns: checked in English and in Polish (longer words).
    const search = `/admin/customers?q=${encodeURIComponent('p62 7731')}`;
    for (const path of [
      '/admin/dashboard',
      '/admin/customers',
      search,
      '/admin/customers/demo-nordwind',
      '/admin/orders',
      '/admin/orders/new',
      '/admin/audit',
      orderPath!,
      '/admin/staff',
      '/admin/me/sign-ins',
      '/admin/import',
    ])
      Object.assign(findings, await check(page, path));
    await page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const [where, found] of Object.entries(await check(page, search))) Object.assign(findings, { [`${where} (pl)`]: found });
    await context.close();
    expectClean(findings);
  });

  it('the invoices pages, customer and staff, in English and in Polish', async () => {
    // An invoice and a payment, so both tables have rows (the demo seed has none).
    await issueTestInvoice('demo-nordwind', { kind: 'proforma', dueAt: new Date(Date.now() + 14 * 86_400_000) });
    await putTestPayment('demo-nordwind', { bankReference: 'LAYOUT/BANK/1' });
    const findings = {};
    for (const [pool, path] of [
      ['customer', '/invoices'],
      ['staff', '/admin/invoices'],
    ] as const) {
      const { context, page } = await signedInContext(pool);
      Object.assign(findings, await check(page, path));
      await page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
      for (const [where, found] of Object.entries(await check(page, path))) Object.assign(findings, { [`${where} (pl)`]: found });
      await context.close();
    }
    expectClean(findings);
  });

  it('the staff contract pages, in English and in Polish', async () => {
    const { context, page } = await signedInContext('staff');
    const findings = {};
    const contractPath = '/admin/contracts/CTR-2026-0003';
    for (const path of ['/admin/contracts', '/admin/contracts/new', contractPath]) Object.assign(findings, await check(page, path));
    // The contract pages' Polish words (SLA levels with their response times) are longer.
    await page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const path of ['/admin/contracts', '/admin/contracts/new', contractPath]) {
      for (const [where, found] of Object.entries(await check(page, path, { axe: false })))
        Object.assign(findings, { [`${where} (pl)`]: found });
    }
    await context.close();
    expectClean(findings);
  });

  it('the contracts and assets pages, in English and in Polish', async () => {
    const { context, page } = await signedInContext('customer');
    await page.goto(`${portalUrl}/contracts`);
    await page.getByRole('heading', { name: 'Register a contract' }).waitFor();
    // A contract of the account when it has one (the contracts browser test registers one), else the not-found state.
    const firstContract = await page
      .getByTestId('my-contracts-table')
      .locator('a')
      .first()
      .getAttribute('href', { timeout: 2000 })
      .catch(() => null);
    const paths = ['/contracts', '/assets', firstContract ?? '/contracts/CTR-NOT-ON-ACCOUNT'];
    const findings = {};
    for (const path of paths) Object.assign(findings, await check(page, path));
    await page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const path of paths) {
      for (const [where, found] of Object.entries(await check(page, path, { axe: false })))
        Object.assign(findings, { [`${where} (pl)`]: found });
    }
    await context.close();
    expectClean(findings);
  });

  it('the notifications page (recipients and newsletter), in English and Polish', async () => {
    const { context, page } = await signedInContext('customer');
    const findings = await check(page, '/account/notifications');
    await page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const [where, found] of Object.entries(await check(page, '/account/notifications', { axe: false })))
      Object.assign(findings, { [`${where} (pl)`]: found });
    await context.close();
    expectClean(findings);
  });

  it('the change of e-mail page, in English and Polish', async () => {
    const { context, page } = await signedInContext('customer');
    const findings = await check(page, '/account/email');
    await page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const [where, found] of Object.entries(await check(page, '/account/email', { axe: false })))
      Object.assign(findings, { [`${where} (pl)`]: found });
    await context.close();
    expectClean(findings);
  });

  it('the security code page, in English and Polish', async () => {
    const { context, page } = await signedInContext('customer');
    const findings = await check(page, '/account/security/code');
    await page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const [where, found] of Object.entries(await check(page, '/account/security/code', { axe: false })))
      Object.assign(findings, { [`${where} (pl)`]: found });
    await context.close();
    expectClean(findings);
  });

  it('the security page (allow-list, security code link, sign-in history), in English and Polish', async () => {
    const { context, page } = await signedInContext('customer');
    const findings = await check(page, '/account/security');
    await page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const [where, found] of Object.entries(await check(page, '/account/security', { axe: false })))
      Object.assign(findings, { [`${where} (pl)`]: found });
    await context.close();
    expectClean(findings);
  });

  it('the public unsubscribe page (a forged and an incomplete link) and the staff mailing-list page', async () => {
    const visitor = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': nextClientAddress() }, locale: 'en-GB' });
    const page = await visitor.newPage();
    trackRequests(page);
    const findings = {};
    // A forged link: the page shows the API's refusal; an incomplete one: the page's own message.
    for (const path of [`/unsubscribe?u=nobody&l=news&s=${'A'.repeat(43)}`, '/unsubscribe'])
      Object.assign(findings, await check(page, path));
    await visitor.close();
    const staff = await signedInContext('staff');
    Object.assign(findings, await check(staff.page, '/admin/mailing'));
    await staff.context.close();
    expectClean(findings);
  });

  it('the home area: the customer’s home and news, the staff’s news and banner, in English and in Polish', async () => {
    const customer = await signedInContext('customer');
    const findings = {};
    for (const path of ['/home', '/news']) Object.assign(findings, await check(customer.page, path));
    await customer.page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const path of ['/home', '/news']) {
      for (const [where, found] of Object.entries(await check(customer.page, path, { axe: false })))
        Object.assign(findings, { [`${where} (pl)`]: found });
    }
    await customer.context.close();
    const staff = await signedInContext('staff');
    Object.assign(findings, await check(staff.page, '/admin/news'));
    await staff.context.close();
    expectClean(findings);
  });

  it('the customer’s tickets: the list and a ticket’s page, in English and in Polish', async () => {
    const customer = await signedInContext('customer');
    await customer.page.goto(`${portalUrl}/tickets?showClosed=true`);
    const ticketPath = await customer.page.getByTestId('tickets-table').getByRole('link').first().getAttribute('href');
    const paths = ['/tickets', '/tickets?showClosed=true', ticketPath!];
    const findings = {};
    for (const path of paths) Object.assign(findings, await check(customer.page, path));
    await customer.page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const path of paths) {
      for (const [where, found] of Object.entries(await check(customer.page, path, { axe: false })))
        Object.assign(findings, { [`${where} (pl)`]: found });
    }
    await customer.context.close();
    expectClean(findings);
  });

  // -- sla --
  it('the SLA report and the canned replies (staff), in English and in Polish', async () => {
    const staff = await signedInContext('staff');
    const findings = {};
    for (const path of ['/admin/sla', '/admin/canned-replies']) Object.assign(findings, await check(staff.page, path));
    await staff.page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const path of ['/admin/sla', '/admin/canned-replies']) {
      for (const [where, found] of Object.entries(await check(staff.page, path, { axe: false })))
        Object.assign(findings, { [`${where} (pl)`]: found });
    }
    await staff.context.close();
    expectClean(findings);
  });

  it('the knowledge base: the customer’s search and an article, the staff’s editor, in English and in Polish', async () => {
    const customer = await signedInContext('customer');
    const findings = {};
    const article = '/knowledge/01JH0KB0000000000000000001';
    for (const path of ['/knowledge', article]) Object.assign(findings, await check(customer.page, path));
    await customer.page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const path of ['/knowledge', article]) {
      for (const [where, found] of Object.entries(await check(customer.page, path, { axe: false })))
        Object.assign(findings, { [`${where} (pl)`]: found });
    }
    await customer.context.close();
    const staff = await signedInContext('staff');
    Object.assign(findings, await check(staff.page, '/admin/knowledge'));
    await staff.context.close();
    expectClean(findings);
  });

  it('the profile and company verification pages, in English and in Polish', async () => {
    const customer = await signedInContext('customer');
    const findings = await check(customer.page, '/account/profile');
    await customer.page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const [where, found] of Object.entries(await check(customer.page, '/account/profile', { axe: false })))
      Object.assign(findings, { [`${where} (pl)`]: found });
    await customer.context.close();
    const staff = await signedInContext('staff');
    // The detail of an account with nothing submitted shows its "nothing submitted" state.
    for (const path of ['/admin/verifications', '/admin/verifications/demo-nordwind'])
      Object.assign(findings, await check(staff.page, path));
    await staff.page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const [where, found] of Object.entries(await check(staff.page, '/admin/verifications', { axe: false })))
      Object.assign(findings, { [`${where} (pl)`]: found });
    await staff.context.close();
    expectClean(findings);
  });

  // -- staff-tickets --
  it('the staff ticket queue and a ticket (thread, reply, assign and status forms), in English and in Polish', async () => {
    const { context, page } = await signedInContext('staff');
    // Ticket 2 is a demo ticket (infra/local/seed-tickets.ts).
    const paths = ['/admin/tickets', '/admin/tickets/2'];
    const findings = {};
    for (const path of paths) Object.assign(findings, await check(page, path));
    await page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const path of paths) {
      for (const [where, found] of Object.entries(await check(page, path, { axe: false })))
        Object.assign(findings, { [`${where} (pl)`]: found });
    }
    await context.close();
    expectClean(findings);
  });

  // Its own test: a dozen tables, checked in English and (longest labels) in Polish.
  it('the staff catalogue page', async () => {
    const { context, page } = await signedInContext('staff');
    const findings = await check(page, '/admin/catalogue');
    await page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const [where, found] of Object.entries(await check(page, '/admin/catalogue', { axe: false })))
      Object.assign(findings, { [`${where} (pl)`]: found });
    await context.close();
    expectClean(findings);
  });
  // -- payments --
  it('the staff payments page (form and recent payments), in English and in Polish', async () => {
    const { context, page } = await signedInContext('staff');
    const findings = await check(page, '/admin/payments');
    await page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const [where, found] of Object.entries(await check(page, '/admin/payments', { axe: false })))
      Object.assign(findings, { [`${where} (pl)`]: found });
    await context.close();
    expectClean(findings);
  });

  // -- upgrades --
  it('the upgrades page (offered upgrades and a path the seat rule closes), in English and in Polish', async () => {
    const customer = await createCustomer([
      {
        reference: `LAYUPG${Date.now().toString(36).toUpperCase()}`,
        date: new Date().toISOString().slice(0, 10),
        product: 'Remote Access',
        edition: 'Desktop',
        users: 1,
        serial: 'LAY-DSK-1',
        unitPriceMinor: 8_900,
        supportYears: 1,
      },
    ]);
    const { context, page } = await signedInContext('customer', customer.login);
    const findings = await check(page, '/upgrades');
    await page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const [where, found] of Object.entries(await check(page, '/upgrades', { axe: false })))
      Object.assign(findings, { [`${where} (pl)`]: found });
    await context.close();
    expectClean(findings);
  });

  // -- services --
  it('the services list, one service’s manage page and the staff’s subscriptions section, in English and in Polish', async () => {
    const customer = await createCustomer([]);
    const { accountId } = customer.account;
    const due = await putTestSubscription(accountId, { status: 'due', paidUntil: new Date(Date.now() + 5 * 86_400_000).toISOString() });
    await putTestSubscription(accountId, {
      kind: 'support',
      product: 'Remote Access',
      plan: 'Enterprise',
      identifier: { kind: 'serial', value: 'S-LAYOUT-1' },
    });
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          subscriptionEventPut(accountId, {
            subscriptionId: due.subscriptionId,
            kind: 'renewed',
            at: new Date().toISOString(),
            by: 'payment',
            paidUntil: { from: due.startedAt, to: due.paidUntil },
            order: { orderId: due.subscriptionId, reference: 'ORD-LAYOUT-1' },
            amount: due.price,
            periods: 1,
          }),
        ],
      }),
    );
    const { context, page } = await signedInContext('customer', customer.login);
    const paths = ['/services', `/services/${due.subscriptionId}`];
    const findings = {};
    for (const path of paths) Object.assign(findings, await check(page, path));
    await page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const path of paths) {
      for (const [where, found] of Object.entries(await check(page, path, { axe: false })))
        Object.assign(findings, { [`${where} (pl)`]: found });
    }
    await context.close();
    const staff = await signedInContext('staff');
    Object.assign(findings, await check(staff.page, `/admin/customers/${accountId}`));
    await staff.context.close();
    expectClean(findings);
  });

  // -- distributors --
  it('the distributor’s clients, a client’s licences and one of them, and the staff’s distributor section, in English and in Polish', async () => {
    const partner = await signedInContext('customer', DEMO_LOGINS.partner);
    await partner.page.goto(`${portalUrl}/distributor/licences?clientId=demo-orchard`);
    const details = partner.page.getByTestId('client-licences-table').getByRole('link').first();
    await details.waitFor();
    const paths = ['/distributor/clients', '/distributor/licences?clientId=demo-orchard', (await details.getAttribute('href'))!];
    const findings = {};
    for (const path of paths) Object.assign(findings, await check(partner.page, path));
    await partner.page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const path of paths) {
      for (const [where, found] of Object.entries(await check(partner.page, path, { axe: false })))
        Object.assign(findings, { [`${where} (pl)`]: found });
    }
    await partner.context.close();
    const staff = await signedInContext('staff');
    Object.assign(findings, await check(staff.page, '/admin/customers/demo-reseller'));
    await staff.context.close();
    expectClean(findings);
  });

  // -- plan-changes --
  it('the plan page of a service (area plan-changes), in English and in Polish', async () => {
    const plans = await putTestServicePlans(['EUR']);
    const customer = await customerWithCart([], { country: 'DE' });
    const subscription = await putTestSubscription(customer.account.accountId, {
      productId: plans.productId,
      product: plans.product,
      sku: plans.mid,
      plan: 'Medium',
      price: money(4_900, 'EUR'),
    });
    const { context, page } = await signedInContext('customer', customer.login);
    const path = `/services/${subscription.subscriptionId}/plan`;
    const findings = await check(page, path);
    await page.evaluate(() => localStorage.setItem('atrium.locale', 'pl'));
    for (const [where, found] of Object.entries(await check(page, path, { axe: false })))
      Object.assign(findings, { [`${where} (pl)`]: found });
    await context.close();
    expectClean(findings);
  });
});
