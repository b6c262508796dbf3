// For the browser tests of the shop: the demo catalogue is priced in EUR only, and the demo customer is Polish (PLN), so
// a test first gives some SKUs a PLN price, as staff would, through the staff API of the running portal.

import { DEMO_STAFF } from '#infra/local/seed.ts';
import { mailCount, nextClientAddress, waitForCode } from './browser.ts';

async function post(portalUrl: string, path: string, body: unknown, headers: Record<string, string>, unchanged = false) {
  const response = await fetch(`${portalUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  // Another test of the same portal may have set that very price already: that is what this one wants too.
  if (unchanged && response.status === 409 && text.includes('PRICE_UNCHANGED')) return {};
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** Signs the demo billing staff user in through the API (password, then the mailed code) and sets each SKU's PLN price. */
export async function pricePln(portal: { portalUrl: string; mailUrl: string }, prices: Record<string, number>): Promise<void> {
  const staff = DEMO_STAFF.find((user) => (user.groups as readonly string[]).includes('billing'))!;
  const address = { 'x-forwarded-for': nextClientAddress() };
  const before = await mailCount(portal.mailUrl, staff.email);
  const started = await post(portal.portalUrl, '/api/auth/staff/sign-in', { email: staff.email, password: staff.password }, address);
  const code = await waitForCode(portal.mailUrl, staff.email, before);
  const verified = await post(
    portal.portalUrl,
    '/api/auth/staff/verify-code',
    { email: staff.email, session: started.session, code },
    address,
  );
  const authorization = `Bearer ${String(verified.accessToken)}`;
  for (const [sku, amountMinor] of Object.entries(prices)) {
    await post(
      portal.portalUrl,
      `/api/admin/catalogue/skus/${sku}/prices`,
      { amountMinor, currency: 'PLN' },
      { ...address, authorization },
      true,
    );
  }
}
