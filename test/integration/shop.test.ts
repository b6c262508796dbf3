// The customer's shop through the local API Gateway: new programs priced in the account's currency (PLN for a Polish
// account, EUR for a German one), the folded search, product pages (404 for retired), and the cart: add, change, remove,
// a stale version (two tabs) refused with 409, the limits, a staff price change flagged until accepted, a retired SKU
// flagged and kept, and one account's cart never reached by another. Who may call each route: the generated auth matrix.

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpdateCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from '#shared/shop/cart.ts';
import { addMember, call, createCustomer, createStaff, signIn, startTestApi, type TestApi } from '../support/api.ts';

let api: TestApi;
let staffToken: string;
beforeAll(async () => {
  api = await startTestApi();
  staffToken = await signIn(api, 'staff', await createStaff(['billing']));
});
afterAll(() => api.stop());

/** A customer (owner) of a new account in `country`, signed in. */
async function customerIn(country: string) {
  const demo = await createCustomer([]);
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.account(demo.account.accountId),
      UpdateExpression: 'SET country = :country',
      ExpressionAttributeValues: { ':country': country },
    }),
  );
  return { ...demo, token: await signIn(api, 'customer', demo.login) };
}

const staffCall = (method: string, path: string, body: unknown) =>
  call(api, method, `/api/admin/catalogue${path}`, { token: staffToken, body });

/**
 * A product of its own (its name with Polish letters), one edition, and SKUs priced in PLN and EUR (`cheap` also has a
 * second edition that is PLN-less), so tests changing prices or status never meet.
 */
async function newProduct(prices: Array<{ pln?: number; eur: number; users: number }>) {
  const tag = randomUUID().slice(0, 6);
  const productId = `lodz-${tag}`;
  expect((await staffCall('POST', '/products', { productId, name: `Łódź Backup ${tag}` })).status).toBe(201);
  expect((await staffCall('POST', `/products/${productId}/editions`, { editionId: 'pro', name: 'Profesjonalna' })).status).toBe(201);
  const skus: string[] = [];
  for (const [index, price] of prices.entries()) {
    const sku = `LB-${tag.toUpperCase()}-${index}`;
    const created = await staffCall('POST', '/skus', {
      sku,
      productId,
      editionId: 'pro',
      users: price.users,
      supportYears: 1,
      prices: [{ amountMinor: price.eur, currency: 'EUR' }, ...(price.pln ? [{ amountMinor: price.pln, currency: 'PLN' }] : [])],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    skus.push(sku);
  }
  return { productId, name: `Łódź Backup ${tag}`, skus };
}

const cart = (token: string) => call(api, 'GET', '/api/cart', { token });
const add = (token: string, sku: string, quantity: number, version: number) =>
  call(api, 'POST', '/api/cart/lines', { token, body: { sku, quantity, version } });
const setQuantity = (token: string, sku: string, quantity: number, version: number) =>
  call(api, 'PUT', `/api/cart/lines/${sku}`, { token, body: { quantity, version } });
const remove = (token: string, sku: string, version: number) => call(api, 'DELETE', `/api/cart/lines/${sku}?version=${version}`, { token });

describe('new programs', () => {
  it('offers a Polish account only what is priced in PLN, with a from price per product and edition', async () => {
    // Prepare
    const product = await newProduct([
      { pln: 120_000, eur: 30_000, users: 5 },
      { pln: 99_900, eur: 25_000, users: 3 },
      { eur: 10_000, users: 1 },
    ]);
    const polish = await customerIn('PL');

    // Act
    const listed = await call(api, 'GET', '/api/shop/products', { token: polish.token });

    // Assess
    expect(listed.status).toBe(200);
    expect(listed.body.currency).toBe('PLN');
    const ours = listed.body.products.find((each: { productId: string }) => each.productId === product.productId);
    expect(ours.fromPrice).toEqual({ amountMinor: 99_900, currency: 'PLN' });
    expect(ours.editions).toHaveLength(1);
    // The EUR-only SKU is not offered; the rest by seats.
    expect(ours.editions[0].skus.map((sku: { sku: string; users: number }) => [sku.sku, sku.users])).toEqual([
      [product.skus[1], 3],
      [product.skus[0], 5],
    ]);
    // The seed's products are priced in PLN too, the service plans per month.
    const remote = listed.body.products.find((each: { productId: string }) => each.productId === 'remote-access');
    // The lowest: the single-seat Desktop of the seat rule (issue #15).
    expect(remote.fromPrice).toEqual({ amountMinor: 38_900, currency: 'PLN' });
    const hosting = listed.body.products.find((each: { productId: string }) => each.productId === 'managed-hosting');
    expect(hosting.editions[0].skus[0]).toMatchObject({
      sku: 'MH-STA-1M',
      period: { unit: 'month', count: 1 },
      price: { amountMinor: 7_900 },
    });
  });

  it('offers a British account the whole seed catalogue in GBP', async () => {
    const british = await customerIn('GB');

    const listed = await call(api, 'GET', '/api/shop/products', { token: british.token });

    expect(listed.status).toBe(200);
    expect(listed.body.currency).toBe('GBP');
    const names = listed.body.products.map((each: { name: string }) => each.name);
    expect(names).toEqual(expect.arrayContaining(['Advanced Security', 'Managed Hosting', 'Remote Access', 'Server Monitoring']));
    const remote = listed.body.products.find((each: { productId: string }) => each.productId === 'remote-access');
    expect(remote.fromPrice).toEqual({ amountMinor: 7_700, currency: 'GBP' });
  });

  it('offers a German account the catalogue in EUR, with each product’s lowest price as its from price', async () => {
    const german = await customerIn('DE');

    const listed = await call(api, 'GET', '/api/shop/products', { token: german.token });

    expect(listed.status).toBe(200);
    expect(listed.body.currency).toBe('EUR');
    const remote = listed.body.products.find((each: { productId: string }) => each.productId === 'remote-access');
    expect(remote.fromPrice).toEqual({ amountMinor: 8_900, currency: 'EUR' });
    expect(remote.editions.map((edition: { name: string }) => edition.name)).toEqual(['Desktop', 'Mobile Web', 'Enterprise']);
    const monitoring = listed.body.products.find((each: { productId: string }) => each.productId === 'server-monitoring');
    expect(monitoring.editions[0].skus[0]).toMatchObject({ days: 365, supportYears: 1 });
  });

  it('searches product and edition names regardless of case and diacritics', async () => {
    const product = await newProduct([{ pln: 5_000, eur: 1_000, users: 1 }]);
    const german = await customerIn('DE');
    const search = async (q: string) =>
      (await call(api, 'GET', `/api/shop/products?q=${encodeURIComponent(q)}`, { token: german.token })).body.products.map(
        (each: { productId: string }) => each.productId,
      );

    expect(await search('LODZ backup')).toContain(product.productId);
    expect(await search('séCURITY')).toEqual(['advanced-security']);
    // An edition's name finds its product.
    expect(await search('mobile web')).toEqual(['remote-access']);
    expect(await search('nothing like it')).toEqual([]);
  });

  it('shows a product page, and answers 404 for an unknown or retired product', async () => {
    const product = await newProduct([{ pln: 5_000, eur: 1_000, users: 2 }]);
    const polish = await customerIn('PL');

    const page = await call(api, 'GET', `/api/shop/products/${product.productId}`, { token: polish.token });
    expect(page.status).toBe(200);
    expect(page.body.product).toMatchObject({ name: product.name, editions: [{ name: 'Profesjonalna', skus: [{ users: 2 }] }] });

    expect((await staffCall('PATCH', `/products/${product.productId}`, { status: 'retired' })).status).toBe(200);
    const retired = await call(api, 'GET', `/api/shop/products/${product.productId}`, { token: polish.token });
    expect(retired.status).toBe(404);
    expect(retired.body.error.code).toBe('NOT_FOUND');
    expect((await call(api, 'GET', '/api/shop/products/no-such-thing', { token: polish.token })).status).toBe(404);
    // An active product with nothing priced in PLN: its page says so (no editions), the list leaves it out.
    const euroOnly = await newProduct([{ eur: 1_000, users: 1 }]);
    const unpriced = await call(api, 'GET', `/api/shop/products/${euroOnly.productId}`, { token: polish.token });
    expect(unpriced.status).toBe(200);
    expect(unpriced.body.product).toEqual({ productId: euroOnly.productId, name: euroOnly.name, editions: [] });
    const listed = await call(api, 'GET', '/api/shop/products', { token: polish.token });
    expect(listed.body.products.map((each: { productId: string }) => each.productId)).not.toContain(euroOnly.productId);
  });
});

describe('the cart', () => {
  it('adds, increases, changes and removes lines with line totals and the net total in PLN, and survives signing in again', async () => {
    const product = await newProduct([
      { pln: 10_000, eur: 3_000, users: 1 },
      { pln: 2_550, eur: 700, users: 5 },
    ]);
    const [a, b] = product.skus as [string, string];
    const polish = await customerIn('PL');

    const empty = await cart(polish.token);
    expect(empty.body).toMatchObject({ currency: 'PLN', version: 0, lines: [], netTotal: { amountMinor: 0, currency: 'PLN' } });

    const first = await add(polish.token, a, 1, 0);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const second = await add(polish.token, b, 2, first.body.version);
    const more = await add(polish.token, a, 2, second.body.version);
    expect(more.body.lines.map((line: { sku: string; quantity: number }) => [line.sku, line.quantity])).toEqual([
      [a, 3],
      [b, 2],
    ]);
    expect(more.body.netTotal).toEqual({ amountMinor: 3 * 10_000 + 2 * 2_550, currency: 'PLN' });

    const changed = await setQuantity(polish.token, b, 4, more.body.version);
    expect(changed.body.lines[1]).toMatchObject({ quantity: 4, unitPrice: { amountMinor: 2_550 }, lineTotal: { amountMinor: 10_200 } });
    const removed = await remove(polish.token, a, changed.body.version);
    expect(removed.status).toBe(200);
    expect(removed.body.lines.map((line: { sku: string }) => line.sku)).toEqual([b]);
    // Without a version, a removal applies to whatever the cart holds; a line no longer there is 404.
    expect((await call(api, 'DELETE', `/api/cart/lines/${a}`, { token: polish.token })).status).toBe(404);

    const again = await signIn(api, 'customer', polish.login);
    const kept = await cart(again);
    expect(kept.body).toMatchObject({ version: removed.body.version, netTotal: { amountMinor: 10_200, currency: 'PLN' } });
  });

  it('refuses a write on a stale version with 409 CART_CHANGED, and of 10 tabs adding at once exactly one wins', async () => {
    const product = await newProduct([{ pln: 1_000, eur: 300, users: 1 }]);
    const sku = product.skus[0]!;
    const polish = await customerIn('PL');
    const added = await add(polish.token, sku, 1, 0);

    const stale = await setQuantity(polish.token, sku, 5, 0);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CART_CHANGED');

    const racing = await Promise.all(Array.from({ length: 10 }, () => add(polish.token, sku, 1, added.body.version)));
    expect(racing.map((answer) => answer.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    const after = await cart(polish.token);
    expect(after.body.lines[0].quantity).toBe(2);
    expect(after.body.version).toBe(added.body.version + 1);
  });

  it('holds at most MAX_LINE_QUANTITY units per line and MAX_CART_LINES lines, with clear codes', async () => {
    const product = await newProduct(
      Array.from({ length: MAX_CART_LINES + 1 }, (_, index) => ({ pln: 100 + index, eur: 100, users: index + 1 })),
    );
    const polish = await customerIn('PL');
    let version = 0;
    for (const sku of product.skus.slice(0, MAX_CART_LINES)) {
      const added = await add(polish.token, sku, 1, version);
      expect(added.status, JSON.stringify(added.body)).toBe(200);
      version = added.body.version;
    }

    const full = await add(polish.token, product.skus[MAX_CART_LINES]!, 1, version);
    expect(full.status).toBe(400);
    expect(full.body.error).toMatchObject({ code: 'CART_FULL', details: { max: MAX_CART_LINES } });
    const tooMany = await add(polish.token, product.skus[0]!, MAX_LINE_QUANTITY, version);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe('QUANTITY_LIMIT');
    const tooManySet = await setQuantity(polish.token, product.skus[0]!, MAX_LINE_QUANTITY + 1, version);
    expect(tooManySet.body.error.code).toBe('QUANTITY_LIMIT');
    expect((await setQuantity(polish.token, product.skus[0]!, 0, version)).status).toBe(400);
    expect((await cart(polish.token)).body.version).toBe(version);
  });

  it('refuses a SKU with no price in the account’s currency, or one the catalogue does not have', async () => {
    const product = await newProduct([{ eur: 100, users: 1 }]);
    const polish = await customerIn('PL');
    const unpriced = await add(polish.token, product.skus[0]!, 1, 0);
    expect(unpriced.status).toBe(400);
    expect(unpriced.body.error.code).toBe('NO_PRICE');
    const unknown = await add(polish.token, 'NO-SUCH-SKU', 1, 0);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('VALIDATION_FAILED');
    expect((await cart(polish.token)).body.version).toBe(0);
  });

  it('flags a line whose price staff changed until the customer accepts it, and keeps a retired line flagged', async () => {
    const product = await newProduct([
      { pln: 10_000, eur: 3_000, users: 1 },
      { pln: 5_000, eur: 1_500, users: 2 },
    ]);
    const [moving, retiring] = product.skus as [string, string];
    const polish = await customerIn('PL');
    const first = await add(polish.token, moving, 2, 0);
    const filled = await add(polish.token, retiring, 1, first.body.version);

    // Act: staff set a new price through the catalogue's set-price use case and retire the other SKU
    expect((await staffCall('POST', `/skus/${moving}/prices`, { amountMinor: 12_000, currency: 'PLN' })).status).toBe(201);
    expect((await staffCall('PATCH', `/skus/${retiring}`, { status: 'retired' })).status).toBe(200);

    // Assess
    const flagged = await cart(polish.token);
    expect(flagged.body.pricesChanged).toBe(true);
    expect(flagged.body.hasUnavailable).toBe(true);
    expect(flagged.body.lines[0]).toMatchObject({
      sku: moving,
      priceChanged: { was: { amountMinor: 10_000, currency: 'PLN' }, now: { amountMinor: 12_000, currency: 'PLN' } },
      lineTotal: { amountMinor: 24_000 },
    });
    expect(flagged.body.lines[1]).toMatchObject({ sku: retiring, unavailable: 'retired', product: product.name });
    expect(flagged.body.lines[1].lineTotal).toBeUndefined();
    expect(flagged.body.netTotal).toEqual({ amountMinor: 24_000, currency: 'PLN' });
    expect(flagged.body.version).toBe(filled.body.version);

    const accepted = await call(api, 'POST', '/api/cart/accept-prices', { token: polish.token, body: { version: flagged.body.version } });
    expect(accepted.status).toBe(200);
    expect(accepted.body.pricesChanged).toBe(false);
    expect(accepted.body.lines[0].priceChanged).toBeUndefined();
    expect(accepted.body.lines[1].unavailable).toBe('retired');
  });

  it('is always the caller’s account’s cart: another account’s lines are never read or changed', async () => {
    const product = await newProduct([{ pln: 1_000, eur: 300, users: 1 }]);
    const sku = product.skus[0]!;
    const [mine, theirs] = await Promise.all([customerIn('PL'), customerIn('PL')]);
    const theirCart = await add(theirs.token, sku, 3, 0);

    expect((await cart(mine.token)).body.lines).toEqual([]);
    const change = await setQuantity(mine.token, sku, 1, theirCart.body.version);
    expect(change.status).toBe(404);
    expect((await remove(mine.token, sku, theirCart.body.version)).status).toBe(404);
    expect((await cart(theirs.token)).body.lines[0].quantity).toBe(3);
  });

  it('lets a read-only person see the cart but not change it, and a billing person change it', async () => {
    const product = await newProduct([{ pln: 1_000, eur: 300, users: 1 }]);
    const owner = await customerIn('PL');
    const [reader, billing] = await Promise.all([
      addMember(owner.account.accountId, 'read-only').then((login) => signIn(api, 'customer', login)),
      addMember(owner.account.accountId, 'billing').then((login) => signIn(api, 'customer', login)),
    ]);
    const added = await add(billing, product.skus[0]!, 2, 0);
    expect(added.status).toBe(200);
    expect((await cart(reader)).body.lines[0].quantity).toBe(2);
    expect((await add(reader, product.skus[0]!, 1, added.body.version)).status).toBe(403);
  });
});
