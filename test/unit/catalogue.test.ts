// The catalogue's pure parts: which SKUs an order may name (retired SKU, edition or product), prices per currency, the
// seed built from the code catalogue, and the amounts staff type on the catalogue page.

import { describe, expect, it } from 'vitest';
import type { Catalogue } from '#shared/catalogue/read.ts';
import { priceIn, sellableSkus } from '#shared/catalogue/read.ts';
import { CATALOGUE, UPGRADE_PATHS } from '#shared/catalogue/products.ts';
import { catalogueSeedItems, slugOf } from '#shared/catalogue/seed.ts';
import { minorUnitsOf } from '../../web/src/pages/Catalogue.tsx';

const at = '2026-11-29T10:00:00.000Z';

function catalogue(status: { product?: 'retired'; edition?: 'retired'; sku?: 'retired' } = {}): Catalogue {
  return {
    products: [{ productId: 'remote-access', name: 'Remote Access', status: status.product ?? 'active', updatedAt: at }],
    editions: [
      { productId: 'remote-access', editionId: 'enterprise', name: 'Enterprise', status: status.edition ?? 'active', updatedAt: at },
    ],
    skus: [
      {
        sku: 'RA-ENT-5',
        productId: 'remote-access',
        editionId: 'enterprise',
        users: 5,
        supportYears: 1,
        status: status.sku ?? 'active',
        prices: { EUR: { amountMinor: 89_900, version: 3, validFrom: at }, PLN: { amountMinor: 389_000, version: 1, validFrom: at } },
        updatedAt: at,
      },
    ],
    upgrades: [],
  };
}

describe('sellableSkus', () => {
  it('names each SKU by its product and edition and prices it per currency with the current version', () => {
    const [sku] = sellableSkus(catalogue());
    expect(sku).toMatchObject({ sku: 'RA-ENT-5', product: 'Remote Access', edition: 'Enterprise', users: 5, active: true });
    expect(priceIn(sku!, 'EUR')).toEqual({ amountMinor: 89_900, currency: 'EUR', version: 3 });
    expect(priceIn(sku!, 'USD')).toBeUndefined();
  });

  it.each([{ sku: 'retired' }, { edition: 'retired' }, { product: 'retired' }] as const)('is not active when %o', (status) => {
    expect(sellableSkus(catalogue(status))[0]!.active).toBe(false);
  });
});

describe('the seed', () => {
  it('has every code SKU with version 1 of its price, each product and edition once, and the upgrade paths', () => {
    const items = catalogueSeedItems(at);
    const skus = items.filter((item) => item.type === 'CatalogueSku');
    expect(skus.map((item) => item.sku)).toEqual(CATALOGUE.map((product) => product.sku));
    expect(items.filter((item) => item.type === 'CataloguePrice').every((item) => item.version === 1)).toBe(true);
    expect(items.filter((item) => item.type === 'CatalogueProduct')).toHaveLength(new Set(CATALOGUE.map((p) => p.product)).size);
    expect(items.filter((item) => item.type === 'CatalogueUpgrade')).toHaveLength(UPGRADE_PATHS.length);
    expect(slugOf('Two-Factor Authentication')).toBe('two-factor-authentication');
  });
});

describe('minorUnitsOf (the price field)', () => {
  it.each([
    ['1499', 149_900],
    ['1499.5', 149_950],
    ['1 499,00', 149_900],
    ['0', 0],
    ['0.07', 7],
  ])('reads %s as %i minor units', (text, minor) => {
    expect(minorUnitsOf(text)).toBe(minor);
  });

  it.each(['', '-5', '1.234', '12e3', 'abc', '1.2.3'])('refuses %j', (text) => {
    expect(minorUnitsOf(text)).toBeUndefined();
  });
});
