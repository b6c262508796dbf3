// The seat rule and upgrade offers (issue #15, seed 003): golden worked examples, the same table as docs/data-model.md
// "Upgrades and the seat rule", and the seed catalogue showing the rule in the demo.

import { describe, expect, it } from 'vitest';
import { editionFromItem, productFromItem, skuFromItem, type Sku, type Upgrade, upgradeFromItem } from '#shared/catalogue/model.ts';
import type { Catalogue } from '#shared/catalogue/read.ts';
import { catalogueSeedItems } from '#shared/catalogue/seed.ts';
import { upgradeOffers, type UpgradableLicence } from '#shared/upgrades/offers.ts';

const at = '2026-11-29T10:00:00.000Z';

function sku(code: string, editionId: string, users: number, eur: number, extra: Partial<Sku> = {}): Sku {
  return {
    sku: code,
    productId: 'ledger',
    editionId,
    users,
    supportYears: 1,
    status: 'active',
    prices: { EUR: { amountMinor: eur, version: 1, validFrom: at } },
    updatedAt: at,
    ...extra,
  };
}

function path(from: string, to: string, extra: Partial<Upgrade> = {}): Upgrade {
  return { productId: 'ledger', fromEditionId: from, toEditionId: to, kind: 'edition', updatedAt: at, ...extra };
}

/** Ledger: Basic, Plus and Pro sold single-seat; Plus and Pro also 5 seats; each edition's 5-seat path under the rule. */
function ledger(change: (catalogue: Catalogue) => void = () => {}): Catalogue {
  const catalogue: Catalogue = {
    products: [{ productId: 'ledger', name: 'Ledger', status: 'active', updatedAt: at }],
    editions: ['basic', 'plus', 'pro'].map((editionId) => ({
      productId: 'ledger',
      editionId,
      name: editionId[0]!.toUpperCase() + editionId.slice(1),
      status: 'active' as const,
      updatedAt: at,
    })),
    skus: [
      sku('LG-BAS-1', 'basic', 1, 10_000),
      sku('LG-PLS-1', 'plus', 1, 18_000),
      sku('LG-PRO-1', 'pro', 1, 25_000),
      sku('LG-PLS-5', 'plus', 5, 70_000),
      sku('LG-PRO-5', 'pro', 5, 90_000),
    ],
    upgrades: [
      path('basic', 'plus'),
      path('plus', 'pro'),
      path('basic', 'pro', { prices: [{ amountMinor: 12_000, currency: 'EUR' }] }),
      path('basic', 'basic', { kind: 'seats', toUsers: 5, requiresHighestSingleSeat: true }),
      path('plus', 'plus', { kind: 'seats', toUsers: 5, requiresHighestSingleSeat: true }),
      path('pro', 'pro', { kind: 'seats', toUsers: 5, requiresHighestSingleSeat: true }),
    ],
  };
  change(catalogue);
  return catalogue;
}

const licence = (edition: string, users: number, extra: Partial<UpgradableLicence> = {}): UpgradableLicence => ({
  product: 'Ledger',
  edition,
  users,
  purchasedAt: '2026-01-10T00:00:00.000Z',
  supportEndsAt: '2027-01-10T00:00:00.000Z',
  ...extra,
});

/** Each path from the licence's edition as `to (seats): SKU price` or `to (seats): REASON`. */
function outcomes(result: ReturnType<typeof upgradeOffers>): string[] {
  return [
    ...result.offers.map(
      (offer) => `${offer.toEdition} (${offer.toUsers}): ${offer.toSku} ${offer.price.amountMinor} ${offer.price.currency}`,
    ),
    ...result.notOffered.map((path) => `${path.toEdition} (${path.toUsers}): ${path.reason}`),
  ].sort();
}

describe('upgradeOffers: the seat rule, worked examples', () => {
  it.each([
    {
      example: 'a single-seat Basic is offered the next single-seat editions, not 5 seats',
      licence: licence('Basic', 1),
      expected: ['Basic (5): SEAT_RULE_NEEDS_HIGHEST_SINGLE_SEAT', 'Plus (1): LG-PLS-1 8000 EUR', 'Pro (1): LG-PRO-1 12000 EUR'],
    },
    {
      example: 'a single-seat Plus is still below Pro: Pro first',
      licence: licence('Plus', 1),
      expected: ['Plus (5): SEAT_RULE_NEEDS_HIGHEST_SINGLE_SEAT', 'Pro (1): LG-PRO-1 7000 EUR'],
    },
    {
      example: 'a single-seat Pro (the highest single-seat edition) is offered 5 seats',
      licence: licence('Pro', 1),
      expected: ['Pro (5): LG-PRO-5 65000 EUR'],
    },
    {
      example: 'a 5-seat Pro already has the seats',
      licence: licence('Pro', 5),
      expected: ['Pro (5): SEATS_ALREADY'],
    },
    {
      example: 'a 5-seat Plus moves to Pro with its seats',
      licence: licence('Plus', 5),
      expected: ['Plus (5): SEATS_ALREADY', 'Pro (5): LG-PRO-5 20000 EUR'],
    },
  ])('$example', ({ licence: owned, expected }) => {
    expect(outcomes(upgradeOffers(owned, ledger(), 'EUR'))).toEqual(expected);
  });

  it('when Pro is no longer sold single-seat, Plus becomes the highest single-seat edition and is offered 5 seats', () => {
    const catalogue = ledger((c) => {
      c.skus = c.skus.map((each) => (each.sku === 'LG-PRO-1' ? { ...each, status: 'retired' } : each));
    });
    expect(outcomes(upgradeOffers(licence('Plus', 1), catalogue, 'EUR'))).toEqual(['Plus (5): LG-PLS-5 52000 EUR', 'Pro (1): RETIRED']);
  });

  it('is not offered in a currency without prices, nor for a revoked or time-limited licence', () => {
    expect(outcomes(upgradeOffers(licence('Pro', 1), ledger(), 'PLN'))).toEqual(['Pro (5): NO_PRICE']);
    expect(outcomes(upgradeOffers(licence('Pro', 1, { revokedAt: at }), ledger(), 'EUR'))).toEqual(['Pro (5): LICENCE_REVOKED']);
    expect(outcomes(upgradeOffers(licence('Pro', 1, { days: 365 }), ledger(), 'EUR'))).toEqual(['Pro (5): TIME_LIMITED']);
  });

  it('keeps the support term: a licence without support is offered the SKUs without support, or none', () => {
    const catalogue = ledger((c) => {
      c.skus.push(sku('LG-PRO-1-NS', 'pro', 1, 20_000, { supportYears: 0 }), sku('LG-PRO-5-NS', 'pro', 5, 70_000, { supportYears: 0 }));
    });
    const noSupport = licence('Pro', 1, { supportEndsAt: undefined });
    expect(outcomes(upgradeOffers(noSupport, catalogue, 'EUR'))).toEqual(['Pro (5): LG-PRO-5-NS 50000 EUR']);
    expect(outcomes(upgradeOffers(licence('Plus', 1, { supportEndsAt: undefined }), catalogue, 'EUR'))).toEqual([
      'Plus (5): SEAT_RULE_NEEDS_HIGHEST_SINGLE_SEAT',
      'Pro (1): NO_PRICE',
    ]);
  });

  it('uses the licence’s own SKU when it is known', () => {
    const [offer] = upgradeOffers(licence('Pro', 1), ledger(), 'EUR', 'LG-PRO-1').offers;
    expect(offer).toMatchObject({ fromSku: 'LG-PRO-1', toSku: 'LG-PRO-5', fromEdition: 'Pro', toEdition: 'Pro', kind: 'seats' });
  });

  it('has nothing for a product the catalogue does not sell', () => {
    expect(upgradeOffers({ ...licence('Pro', 1), product: 'Unknown' }, ledger(), 'EUR')).toEqual({ offers: [], notOffered: [] });
  });
});

describe('the seed catalogue shows the rule', () => {
  const items = catalogueSeedItems(at);
  const seed: Catalogue = {
    products: items.filter((item) => item.type === 'CatalogueProduct').map(productFromItem),
    editions: items.filter((item) => item.type === 'CatalogueEdition').map(editionFromItem),
    skus: items.filter((item) => item.type === 'CatalogueSku').map(skuFromItem),
    upgrades: items.filter((item) => item.type === 'CatalogueUpgrade').map(upgradeFromItem),
  };
  const remoteAccess = (edition: string, users: number) => ({ ...licence(edition, users), product: 'Remote Access' });

  it('single-seat Desktop: Mobile Web first, 3 seats refused by the rule', () => {
    expect(outcomes(upgradeOffers(remoteAccess('Desktop', 1), seed, 'EUR'))).toEqual([
      'Desktop (3): SEAT_RULE_NEEDS_HIGHEST_SINGLE_SEAT',
      'Enterprise (1): NO_TARGET_SKU',
      'Mobile Web (1): RA-WEB-1-S1Y 4000 EUR',
    ]);
  });

  it('single-seat Mobile Web: 5 seats', () => {
    expect(outcomes(upgradeOffers(remoteAccess('Mobile Web', 1), seed, 'EUR'))).toEqual([
      'Enterprise (1): NO_TARGET_SKU',
      'Mobile Web (5): RA-WEB-5-S1Y 32600 EUR',
    ]);
  });
});
