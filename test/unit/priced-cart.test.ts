// The cart at current prices: totals in minor units, a moved price flagged, a lapsed line flagged and kept.

import { describe, expect, it } from 'vitest';
import type { SellableSku } from '#shared/catalogue/read.ts';
import type { Cart } from '#shared/shop/cart.ts';
import { pricedCart, withAcceptedPrices } from '#shared/shop/priced-cart.ts';

const sku = (code: string, prices: SellableSku['prices'], active = true): SellableSku => ({
  sku: code,
  product: `Product ${code}`,
  edition: 'Standard',
  users: 5,
  supportYears: 1,
  active,
  prices,
});

const catalogue = [
  sku('A-5', { PLN: { amountMinor: 10_000, version: 2 } }),
  sku('B-5', { PLN: { amountMinor: 2_550, version: 1 } }),
  sku('OLD', { PLN: { amountMinor: 500, version: 1 } }, false),
  sku('EUR-ONLY', { EUR: { amountMinor: 900, version: 1 } }),
];

const cart = (lines: Array<[string, number, number, number?]>): Cart => ({
  accountId: 'acc',
  currency: 'PLN',
  version: 3,
  updatedAt: '2026-11-30T00:00:00.000Z',
  lines: lines.map(([code, quantity, unitPriceMinor, priceVersion]) => ({
    sku: code,
    quantity,
    unitPriceMinor,
    priceVersion: priceVersion ?? 1,
    addedAt: '2026-11-30T00:00:00.000Z',
  })),
});

describe('pricedCart', () => {
  it('prices every line at the current price and sums the net total in minor units', () => {
    const priced = pricedCart(
      cart([
        ['A-5', 2, 10_000, 2],
        ['B-5', 3, 2_550],
      ]),
      catalogue,
    );
    expect(priced.lines.map((line) => line.lineTotal?.amountMinor)).toEqual([20_000, 7_650]);
    expect(priced.netTotal).toEqual({ amountMinor: 27_650, currency: 'PLN' });
    expect(priced).toMatchObject({ pricesChanged: false, hasUnavailable: false, version: 3 });
    expect(priced.orderLines.map((line) => [line.sku, line.quantity, line.priceVersion])).toEqual([
      ['A-5', 2, 2],
      ['B-5', 3, 1],
    ]);
  });

  it('flags a line whose price moved since it was added, with the price seen and the current one', () => {
    const priced = pricedCart(cart([['A-5', 1, 9_000]]), catalogue);
    expect(priced.lines[0]?.priceChanged).toEqual({
      was: { amountMinor: 9_000, currency: 'PLN' },
      now: { amountMinor: 10_000, currency: 'PLN' },
    });
    expect(priced.pricesChanged).toBe(true);
    expect(priced.netTotal.amountMinor).toBe(10_000);
  });

  it('keeps and flags lines that can no longer be bought, leaving them out of the total', () => {
    const priced = pricedCart(
      cart([
        ['OLD', 1, 500],
        ['EUR-ONLY', 1, 900],
        ['GONE', 1, 100],
        ['B-5', 1, 2_550],
      ]),
      catalogue,
    );
    expect(priced.lines.map((line) => [line.sku, line.unavailable])).toEqual([
      ['OLD', 'retired'],
      ['EUR-ONLY', 'no-price'],
      ['GONE', 'unknown'],
      ['B-5', undefined],
    ]);
    expect(priced.lines[0]?.product).toBe('Product OLD');
    expect(priced.hasUnavailable).toBe(true);
    expect(priced.netTotal.amountMinor).toBe(2_550);
    expect(priced.orderLines.map((line) => line.sku)).toEqual(['B-5']);
  });

  it('accepting the prices sets each buyable line to the current price and version', () => {
    const accepted = withAcceptedPrices(
      cart([
        ['A-5', 1, 9_000, 1],
        ['OLD', 1, 400],
      ]),
      catalogue,
    );
    expect(accepted.map((line) => [line.sku, line.unitPriceMinor, line.priceVersion])).toEqual([
      ['A-5', 10_000, 2],
      ['OLD', 400, 1],
    ]);
  });
});

describe('pricedCart with action lines (issue #15)', () => {
  const renewal = { kind: 'renewal' as const, subscriptionId: 'SUB1', periods: 1, licenseeAccountId: 'acc' };
  const upgrade = { kind: 'upgrade' as const, licenceId: 'LIC1', toSku: 'A-5', licenseeAccountId: 'acc' };
  const withActions: Cart = {
    ...cart([]),
    lines: [
      { sku: 'B-5', quantity: 1, unitPriceMinor: 2_000, priceVersion: 0, addedAt: '2026-11-30T00:00:00.000Z', action: renewal },
      { sku: 'A-5', quantity: 1, unitPriceMinor: 7_000, priceVersion: 0, addedAt: '2026-11-30T00:00:00.000Z', action: upgrade },
    ],
  };
  const line = (action: typeof renewal | typeof upgrade, amountMinor: number) => ({
    product: 'Remote Access',
    sku: action.kind === 'renewal' ? 'B-5' : 'A-5',
    edition: action.kind,
    users: 5,
    quantity: 1,
    unitPrice: { amountMinor, currency: 'PLN' },
    subtotal: { amountMinor, currency: 'PLN' },
    action,
  });

  it('prices each action line from its quote and flags the later of two that change the same licence', () => {
    const quotes = new Map([
      ['RENEW-SUB1', { line: line(renewal, 2_000), targets: ['subscription:SUB1', 'licence:LIC1'] }],
      ['UPGRADE-LIC1', { line: line(upgrade, 7_000), targets: ['licence:LIC1'] }],
    ]);
    const priced = pricedCart(withActions, catalogue, quotes);
    expect(priced.lines.map((each) => [each.key, each.unavailableCode])).toEqual([
      ['RENEW-SUB1', undefined],
      ['UPGRADE-LIC1', 'LINE_CONFLICT'],
    ]);
    expect(priced.orderLines.map((each) => each.action?.kind)).toEqual(['renewal']);
    expect(priced.netTotal).toEqual({ amountMinor: 2_000, currency: 'PLN' });
  });

  it('keeps both when they change different things, and flags a line its quote refuses with the quote’s code', () => {
    const quotes = new Map([
      ['RENEW-SUB1', { unavailable: 'SUBSCRIPTION_ENDED', message: 'ended' }],
      ['UPGRADE-LIC1', { line: line(upgrade, 7_500), targets: ['licence:LIC1'] }],
    ]);
    const priced = pricedCart(withActions, catalogue, quotes);
    expect(priced.lines[0]).toMatchObject({ unavailable: 'not-available', unavailableCode: 'SUBSCRIPTION_ENDED' });
    expect(priced.lines[1]).toMatchObject({ lineTotal: { amountMinor: 7_500, currency: 'PLN' } });
    expect(priced.lines[1]?.priceChanged).toEqual({
      was: { amountMinor: 7_000, currency: 'PLN' },
      now: { amountMinor: 7_500, currency: 'PLN' },
    });
  });
});
