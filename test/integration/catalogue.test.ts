// The catalogue in the table, through the local API Gateway: the seed, versioned prices (an order keeps the price it was
// placed at; a new order gets the new one), retired SKUs refused, products, editions, SKUs and upgrade paths created and
// changed with their 4xx codes, and the price history. Who may call each route is the generated auth matrix's job.

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutCommand, QueryCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { priceVersionItem } from '#shared/catalogue/model.ts';
import { CATALOGUE } from '#shared/catalogue/products.ts';
import { catalogueSeedItems, seedCatalogue } from '#shared/catalogue/seed.ts';
import { call, createStaff, signIn, startTestApi, uniqueEmail, type TestApi } from '../support/api.ts';

let api: TestApi;
let admin: string;
let billing: string;
beforeAll(async () => {
  api = await startTestApi();
  [admin, billing] = await Promise.all([
    createStaff(['admin']).then((login) => signIn(api, 'staff', login)),
    createStaff(['billing']).then((login) => signIn(api, 'staff', login)),
  ]);
});
afterAll(() => api.stop());

function order(sku: string, extra: Record<string, unknown> = {}) {
  return call(api, 'POST', '/api/admin/orders', {
    token: billing,
    body: {
      email: uniqueEmail('catalogue'),
      contact: { name: 'Ewa Zielińska', country: 'PL', city: 'Łódź' },
      lines: [{ sku, quantity: 2 }],
      idempotencyKey: randomUUID(),
      ...extra,
    },
  });
}

const setPrice = (sku: string, body: unknown, token = billing) =>
  call(api, 'POST', `/api/admin/catalogue/skus/${sku}/prices`, { token, body });
const catalogue = () => call(api, 'GET', '/api/admin/catalogue/products', { token: admin });
const skuOf = async (sku: string) => (await catalogue()).body.skus.find((each: { sku: string }) => each.sku === sku);

/** A SKU of its own per test, so that tests changing prices or status never meet. */
async function newSku(prices = [{ amountMinor: 10_000, currency: 'EUR' }]): Promise<string> {
  const sku = `T-${randomUUID().slice(0, 8).toUpperCase()}`;
  const created = await call(api, 'POST', '/api/admin/catalogue/skus', {
    token: admin,
    body: { sku, productId: 'remote-access', editionId: 'enterprise', users: 5, supportYears: 1, prices },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return sku;
}

describe('the seed', () => {
  it('writes the code catalogue into the table once, with a first price version per SKU, and never over staff edits', async () => {
    // Prepare: the setup seeded this file's table; a staff edit after it
    const sku = CATALOGUE[0]!.sku;
    const edited = await setPrice(sku, { amountMinor: CATALOGUE[0]!.unitPrice.amountMinor + 100, currency: 'EUR' }, admin);
    expect(edited.status).toBe(201);

    // Act
    const seededAgain = await seedCatalogue();

    // Assess
    expect(seededAgain).toBe(false);
    const view = await catalogue();
    expect(view.body.skus.map((each: { sku: string }) => each.sku)).toEqual(
      expect.arrayContaining(CATALOGUE.map((product) => product.sku)),
    );
    // Every seed SKU is priced in EUR, GBP and PLN (version 1 each); the staff edit stands.
    expect((await skuOf(sku)).prices).toEqual([
      expect.objectContaining({ currency: 'EUR', version: 2 }),
      expect.objectContaining({ currency: 'GBP', version: 1 }),
      expect.objectContaining({ currency: 'PLN', version: 1 }),
    ]);
    for (const product of CATALOGUE) {
      expect([product.unitPrice, ...(product.otherPrices ?? [])].map((price) => price.currency).sort()).toEqual(['EUR', 'GBP', 'PLN']);
    }
    expect(view.body.products.map((product: { productId: string }) => product.productId).sort()).toEqual([
      'advanced-security',
      'managed-hosting',
      'remote-access',
      'server-monitoring',
      'two-factor-authentication',
    ]);
    expect(view.body.upgrades).toContainEqual(
      expect.objectContaining({ productId: 'remote-access', fromEditionId: 'desktop', toEditionId: 'enterprise' }),
    );
    // Every SKU has its seats and support term; the seed's items are all in the one catalogue partition.
    const items = catalogueSeedItems(new Date().toISOString());
    expect(new Set(items.map((item) => item.PK))).toEqual(new Set(['CATALOGUE']));
  });

  it('reads the whole catalogue in one Query of its partition', async () => {
    // Assess: the current state sorts under CAT#, the price history outside it
    const current = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': 'CATALOGUE', ':prefix': 'CAT#' },
      }),
    );
    expect(current.LastEvaluatedKey).toBeUndefined();
    expect(current.Items!.filter((item) => item.type === 'CatalogueSku').length).toBeGreaterThanOrEqual(CATALOGUE.length);
    expect(current.Items!.some((item) => item.type === 'CataloguePrice')).toBe(false);
  });
});

describe('versioned prices', () => {
  it('keeps the price an order was placed at when the price changes, and gives a new order the new price', async () => {
    // Prepare
    const sku = await newSku();
    const before = await order(sku);
    expect(before.status, JSON.stringify(before.body)).toBe(201);

    // Act
    const changed = await setPrice(sku, { amountMinor: 12_500, currency: 'EUR' });
    const after = await order(sku);

    // Assess
    expect(changed.status).toBe(201);
    expect(changed.body.version).toBe(2);
    const old = await call(api, 'GET', `/api/admin/orders/${before.body.order.accountId}/${before.body.order.orderId}`, { token: admin });
    expect(old.body.lines[0]).toMatchObject({ sku, unitPrice: { amountMinor: 10_000, currency: 'EUR' }, priceVersion: 1 });
    expect(old.body.total).toEqual({ amountMinor: 20_000, currency: 'EUR' });
    expect(after.body.order.lines[0]).toMatchObject({ unitPrice: { amountMinor: 12_500, currency: 'EUR' }, priceVersion: 2 });
    expect(after.body.order.total).toEqual({ amountMinor: 25_000, currency: 'EUR' });
  });

  it('records each price change in the audit trail with who, the reason and the amount before and after', async () => {
    // Prepare
    const sku = await newSku();

    // Act
    const changed = await setPrice(sku, { amountMinor: 10_900, currency: 'EUR', reason: 'Price list 2027' });
    const audit = await call(api, 'GET', `/api/admin/audit?targetKind=catalogue&targetId=${encodeURIComponent(`sku:${sku}`)}`, {
      token: admin,
    });

    // Assess
    expect(changed.status).toBe(201);
    expect(audit.status).toBe(200);
    const entries = audit.body.items.filter((entry: { action: string }) => entry.action === 'catalogue.set-price');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      target: { kind: 'catalogue', id: `sku:${sku}` },
      changes: [{ field: 'price.EUR', before: 10_000, after: 10_900 }],
      reason: 'Price list 2027',
    });
    expect(entries[0].actor.groups).toEqual(['billing']);
  });

  it('writes neither the price, its version nor an audit entry when the transaction fails', async () => {
    // Prepare: version 2 already taken (as by a writer that died half-way), so the new version's Put must fail
    const sku = await newSku();
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: priceVersionItem({ sku, currency: 'EUR', version: 2, amountMinor: 1, validFrom: new Date().toISOString() }),
      }),
    );

    // Act
    const refused = await setPrice(sku, { amountMinor: 15_000, currency: 'EUR', reason: 'Should not stick' });

    // Assess
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('PRICE_CHANGED');
    expect((await skuOf(sku)).prices).toEqual([expect.objectContaining({ currency: 'EUR', amountMinor: 10_000, version: 1 })]);
    const audit = await call(api, 'GET', `/api/admin/audit?targetKind=catalogue&targetId=${encodeURIComponent(`sku:${sku}`)}`, {
      token: admin,
    });
    expect(audit.body.items.map((entry: { action: string }) => entry.action)).toEqual(['catalogue.create-sku']);
  });

  it('appends each price as a new version and lists the history newest first, per currency', async () => {
    // Prepare
    const sku = await newSku();

    // Act
    for (const amountMinor of [11_000, 12_000]) expect((await setPrice(sku, { amountMinor, currency: 'EUR' })).status).toBe(201);
    expect((await setPrice(sku, { amountMinor: 49_900, currency: 'PLN' })).status).toBe(201);

    // Assess
    const history = await call(api, 'GET', `/api/admin/catalogue/skus/${sku}/prices?currency=EUR`, { token: billing });
    expect(history.status).toBe(200);
    expect(history.body.items.map((version: { version: number; amountMinor: number }) => [version.version, version.amountMinor])).toEqual([
      [3, 12_000],
      [2, 11_000],
      [1, 10_000],
    ]);
    const all = await call(api, 'GET', `/api/admin/catalogue/skus/${sku}/prices`, { token: billing });
    expect(all.body.items).toHaveLength(4);
    expect((await skuOf(sku)).prices).toEqual([
      expect.objectContaining({ currency: 'EUR', amountMinor: 12_000, version: 3 }),
      expect.objectContaining({ currency: 'PLN', amountMinor: 49_900, version: 1 }),
    ]);
  });

  it('prices an order in the currency asked for, and refuses one the SKU has no price in', async () => {
    // Prepare
    const sku = await newSku([
      { amountMinor: 10_000, currency: 'EUR' },
      { amountMinor: 43_000, currency: 'PLN' },
    ]);

    // Act
    const inPln = await order(sku, { currency: 'PLN' });
    const inUsd = await order(sku, { currency: 'USD' });
    const listed = await call(api, 'GET', '/api/admin/catalogue?currency=PLN', { token: billing });

    // Assess
    expect(inPln.status).toBe(201);
    expect(inPln.body.order.total).toEqual({ amountMinor: 86_000, currency: 'PLN' });
    expect(inUsd.status).toBe(400);
    expect(inUsd.body.error.code).toBe('NO_PRICE');
    expect(listed.body.items).toContainEqual(expect.objectContaining({ sku, unitPrice: { amountMinor: 43_000, currency: 'PLN' } }));
  });

  it('refuses the current amount again (409 PRICE_UNCHANGED) and lets one of two simultaneous changes win', async () => {
    // Prepare
    const sku = await newSku();

    // Act
    const same = await setPrice(sku, { amountMinor: 10_000, currency: 'EUR' });
    const racing = await Promise.all([11_000, 12_000, 13_000].map((amountMinor) => setPrice(sku, { amountMinor, currency: 'EUR' })));

    // Assess
    expect(same.status).toBe(409);
    expect(same.body.error.code).toBe('PRICE_UNCHANGED');
    const won = racing.filter((response) => response.status === 201);
    expect(won.length).toBeGreaterThanOrEqual(1);
    for (const lost of racing.filter((response) => response.status !== 201)) {
      expect(lost.status).toBe(409);
      expect(['PRICE_CHANGED', 'CATALOGUE_BUSY']).toContain(lost.body.error.code);
    }
    const history = await call(api, 'GET', `/api/admin/catalogue/skus/${sku}/prices`, { token: admin });
    // Versions are 1..n with no gap and no duplicate: no change overwrote another.
    expect(history.body.items.map((version: { version: number }) => version.version)).toEqual(
      Array.from({ length: won.length + 1 }, (_, index) => won.length + 1 - index),
    );
  });

  it.each([
    ['a negative amount', { amountMinor: -1, currency: 'EUR' }, 'body.amountMinor'],
    ['a fractional amount', { amountMinor: 10.5, currency: 'EUR' }, 'body.amountMinor'],
    ['an amount as text', { amountMinor: '100', currency: 'EUR' }, 'body.amountMinor'],
    ['an unsupported currency', { amountMinor: 100, currency: 'JPY' }, 'body.currency'],
    ['a currency that is not ISO 4217', { amountMinor: 100, currency: 'euro' }, 'body.currency'],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_, body, path) => {
    const response = await setPrice('RA-DSK-3', body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details).toContainEqual(expect.objectContaining({ path }));
  });

  it('answers 404 for the price or history of an unknown SKU', async () => {
    expect((await setPrice('NO-SUCH-SKU', { amountMinor: 100, currency: 'EUR' })).status).toBe(404);
    expect((await call(api, 'GET', '/api/admin/catalogue/skus/NO-SUCH-SKU/prices', { token: admin })).status).toBe(404);
  });
});

describe('retiring', () => {
  it('refuses to order a retired SKU with 400 SKU_RETIRED, hides it from the order catalogue, and sells it again when reactivated', async () => {
    // Prepare
    const sku = await newSku();
    const placed = await order(sku);

    // Act
    const retired = await call(api, 'PATCH', `/api/admin/catalogue/skus/${sku}`, { token: billing, body: { status: 'retired' } });
    const refused = await order(sku);
    const listed = await call(api, 'GET', '/api/admin/catalogue', { token: billing });
    const reactivated = await call(api, 'PATCH', `/api/admin/catalogue/skus/${sku}`, { token: billing, body: { status: 'active' } });
    const again = await order(sku);

    // Assess
    expect(retired.status).toBe(200);
    expect(retired.body.status).toBe('retired');
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'SKU_RETIRED', details: [expect.objectContaining({ path: 'body.lines.0.sku' })] });
    expect(listed.body.items.map((item: { sku: string }) => item.sku)).not.toContain(sku);
    expect(reactivated.body.status).toBe('active');
    expect(again.status).toBe(201);
    // The order placed before still reads as it was.
    const old = await call(api, 'GET', `/api/admin/orders/${placed.body.order.accountId}/${placed.body.order.orderId}`, { token: admin });
    expect(old.body.lines[0].sku).toBe(sku);
  });

  it('refuses the SKUs of a retired edition or product', async () => {
    // Prepare: a product of its own, with an edition and a SKU
    const productId = `p-${randomUUID().slice(0, 8)}`;
    expect(
      (await call(api, 'POST', '/api/admin/catalogue/products', { token: admin, body: { productId, name: 'Test Product' } })).status,
    ).toBe(201);
    const edition = await call(api, 'POST', `/api/admin/catalogue/products/${productId}/editions`, {
      token: admin,
      body: { editionId: 'pro', name: 'Pro' },
    });
    expect(edition.status).toBe(201);
    const sku = `TP-${randomUUID().slice(0, 6).toUpperCase()}`;
    const created = await call(api, 'POST', '/api/admin/catalogue/skus', {
      token: admin,
      body: { sku, productId, editionId: 'pro', users: 1, supportYears: 0, prices: [{ amountMinor: 0, currency: 'EUR' }] },
    });
    expect(created.status).toBe(201);
    expect((await order(sku)).status).toBe(201);

    // Act / Assess: the edition retired
    const editionRetired = await call(api, 'PATCH', `/api/admin/catalogue/products/${productId}/editions/pro`, {
      token: admin,
      body: { status: 'retired' },
    });
    expect(editionRetired.status).toBe(200);
    expect((await order(sku)).body.error.code).toBe('SKU_RETIRED');

    // Act / Assess: the edition back, the product retired
    await call(api, 'PATCH', `/api/admin/catalogue/products/${productId}/editions/pro`, { token: admin, body: { status: 'active' } });
    const productRetired = await call(api, 'PATCH', `/api/admin/catalogue/products/${productId}`, {
      token: admin,
      body: { status: 'retired' },
    });
    expect(productRetired.body).toMatchObject({ productId, status: 'retired' });
    expect((await order(sku)).body.error.code).toBe('SKU_RETIRED');
  });
});

describe('products, editions and SKUs', () => {
  it('renames a product, and new orders quote the new name while old ones keep theirs', async () => {
    // Prepare
    const productId = `p-${randomUUID().slice(0, 8)}`;
    await call(api, 'POST', '/api/admin/catalogue/products', { token: admin, body: { productId, name: 'Old Name' } });
    await call(api, 'POST', `/api/admin/catalogue/products/${productId}/editions`, {
      token: admin,
      body: { editionId: 'std', name: 'Standard' },
    });
    const sku = `RN-${randomUUID().slice(0, 6).toUpperCase()}`;
    await call(api, 'POST', '/api/admin/catalogue/skus', {
      token: admin,
      body: { sku, productId, editionId: 'std', users: 3, supportYears: 0, prices: [{ amountMinor: 500, currency: 'EUR' }] },
    });
    const before = await order(sku);

    // Act
    const renamed = await call(api, 'PATCH', `/api/admin/catalogue/products/${productId}`, { token: admin, body: { name: '  New Name ' } });
    const after = await order(sku);

    // Assess
    expect(renamed.body.name).toBe('New Name');
    expect(before.body.order.lines[0].product).toBe('Old Name');
    expect(after.body.order.lines[0].product).toBe('New Name');
  });

  it('refuses duplicates with 409 and their own codes', async () => {
    const duplicateProduct = await call(api, 'POST', '/api/admin/catalogue/products', {
      token: admin,
      body: { productId: 'remote-access', name: 'Again' },
    });
    const duplicateEdition = await call(api, 'POST', '/api/admin/catalogue/products/remote-access/editions', {
      token: admin,
      body: { editionId: 'enterprise', name: 'Again' },
    });
    const duplicateSku = await call(api, 'POST', '/api/admin/catalogue/skus', {
      token: admin,
      body: {
        sku: 'ra-dsk-3',
        productId: 'remote-access',
        editionId: 'desktop',
        users: 3,
        supportYears: 0,
        prices: [{ amountMinor: 1, currency: 'EUR' }],
      },
    });
    const duplicateUpgrade = await call(api, 'POST', '/api/admin/catalogue/products/remote-access/upgrades', {
      token: admin,
      body: { fromEditionId: 'desktop', toEditionId: 'enterprise' },
    });
    expect(
      [duplicateProduct, duplicateEdition, duplicateSku, duplicateUpgrade].map((response) => [response.status, response.body.error.code]),
    ).toEqual([
      [409, 'PRODUCT_EXISTS'],
      [409, 'EDITION_EXISTS'],
      [409, 'SKU_EXISTS'],
      [409, 'UPGRADE_EXISTS'],
    ]);
  });

  it.each([
    ['no seats', { users: 0 }, 'body.users'],
    ['fractional seats', { users: 1.5 }, 'body.users'],
    ['negative support years', { supportYears: -1 }, 'body.supportYears'],
    ['no price', { prices: [] }, 'body.prices'],
    ['a negative price', { prices: [{ amountMinor: -5, currency: 'EUR' }] }, 'body.prices.0.amountMinor'],
    ['an unsupported currency', { prices: [{ amountMinor: 5, currency: 'XXX' }] }, 'body.prices.0.currency'],
    [
      'one currency twice',
      {
        prices: [
          { amountMinor: 5, currency: 'EUR' },
          { amountMinor: 6, currency: 'EUR' },
        ],
      },
      'body.prices',
    ],
    ['a SKU with spaces', { sku: 'RA ENT' }, 'body.sku'],
    ['an unknown key', { colour: 'red' }, 'body'],
  ])('refuses a new SKU with %s (400 VALIDATION_FAILED)', async (_, change, path) => {
    const body = {
      sku: `V-${randomUUID().slice(0, 6).toUpperCase()}`,
      productId: 'remote-access',
      editionId: 'enterprise',
      users: 2,
      supportYears: 1,
      prices: [{ amountMinor: 1, currency: 'EUR' }],
      ...change,
    };
    const response = await call(api, 'POST', '/api/admin/catalogue/skus', { token: admin, body });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details).toContainEqual(
      expect.objectContaining({ path: expect.stringMatching(new RegExp(`^${path.replace(/\./g, '\\.')}`)) }),
    );
  });

  it('refuses a SKU or an upgrade naming an edition the product does not have (400 UNKNOWN_EDITION), and 404 for unknown ids in the path', async () => {
    const sku = await call(api, 'POST', '/api/admin/catalogue/skus', {
      token: admin,
      body: {
        sku: 'NOPE-1',
        productId: 'remote-access',
        editionId: 'platinum',
        users: 1,
        supportYears: 0,
        prices: [{ amountMinor: 1, currency: 'EUR' }],
      },
    });
    const upgrade = await call(api, 'POST', '/api/admin/catalogue/products/remote-access/upgrades', {
      token: admin,
      body: { fromEditionId: 'desktop', toEditionId: 'platinum' },
    });
    const sameEdition = await call(api, 'POST', '/api/admin/catalogue/products/remote-access/upgrades', {
      token: admin,
      body: { fromEditionId: 'desktop', toEditionId: 'desktop' },
    });
    expect([sku.status, sku.body.error.code]).toEqual([400, 'UNKNOWN_EDITION']);
    expect([upgrade.status, upgrade.body.error.code]).toEqual([400, 'UNKNOWN_EDITION']);
    expect([sameEdition.status, sameEdition.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const unknown = await Promise.all([
      call(api, 'PATCH', '/api/admin/catalogue/products/no-such-product', { token: admin, body: { name: 'X' } }),
      call(api, 'POST', '/api/admin/catalogue/products/no-such-product/editions', { token: admin, body: { editionId: 'x', name: 'X' } }),
      call(api, 'PATCH', '/api/admin/catalogue/products/remote-access/editions/platinum', { token: admin, body: { status: 'retired' } }),
      call(api, 'PATCH', '/api/admin/catalogue/skus/NO-SUCH-SKU', { token: admin, body: { status: 'retired' } }),
      call(api, 'DELETE', '/api/admin/catalogue/products/remote-access/upgrades/enterprise/desktop', { token: admin }),
    ]);
    expect(unknown.map((response) => [response.status, response.body.error.code])).toEqual(Array(5).fill([404, 'NOT_FOUND']));
  });

  it('refuses an edit that changes nothing (400)', async () => {
    const response = await call(api, 'PATCH', '/api/admin/catalogue/products/remote-access', { token: admin, body: {} });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('upgrade paths', () => {
  it('adds a path at fixed prices, lists it, and removes it', async () => {
    // Act
    const added = await call(api, 'POST', '/api/admin/catalogue/products/advanced-security/upgrades', {
      token: billing,
      body: { fromEditionId: 'ultimate', toEditionId: 'essentials', prices: [{ amountMinor: 0, currency: 'EUR' }] },
    });
    const listed = (await catalogue()).body.upgrades;
    const removed = await call(api, 'DELETE', '/api/admin/catalogue/products/advanced-security/upgrades/ultimate/essentials', {
      token: billing,
    });
    const again = await call(api, 'DELETE', '/api/admin/catalogue/products/advanced-security/upgrades/ultimate/essentials', {
      token: billing,
    });

    // Assess
    expect(added.status).toBe(201);
    expect(listed).toContainEqual(
      expect.objectContaining({
        productId: 'advanced-security',
        fromEditionId: 'ultimate',
        toEditionId: 'essentials',
        prices: [{ amountMinor: 0, currency: 'EUR' }],
      }),
    );
    expect(removed.status).toBe(204);
    expect(again.status).toBe(404);
    expect((await catalogue()).body.upgrades).not.toContainEqual(
      expect.objectContaining({ fromEditionId: 'ultimate', toEditionId: 'essentials' }),
    );
  });
});
