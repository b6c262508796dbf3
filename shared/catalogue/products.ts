// The seed of the catalogue: what an empty table is given (shared/catalogue/seed.ts). The catalogue itself lives in the
// table and staff edit it there (shared/catalogue/model.ts); nothing reads this list to sell or price.
// Modelled on the TSplus range: Remote Access by edition and users, Advanced Security, Server Monitoring, 2FA; and a
// managed service sold by the month. Every SKU is priced in EUR, PLN and GBP, so the demo customers (PL -> PLN,
// GB -> GBP, others EUR) see the whole shop.

import type { Money } from '#shared/money.ts';
import type { Period } from '#shared/subscriptions/periods.ts';

export interface CatalogueProduct {
  /** Stable, what orders and invoices quote: `RA-ENT-10`. */
  sku: string;
  product: string;
  edition: string;
  /** Concurrent users the licence allows. */
  users: number;
  /** Price of one unit (one licence), in minor units, support years included. */
  unitPrice: Money;
  /** Whole years of support & updates bought with each licence; 0 for none. */
  supportYears: number;
  /** Time-limited products: how many days each licence runs; absent for perpetual ones. */
  days?: number;
  /** A service plan sold by period (issue #15): buying it starts a subscription instead of issuing a licence. */
  period?: Period;
  /** Prices in further currencies, besides `unitPrice`. */
  otherPrices?: Money[];
}

const eur = (amountMinor: number): Money => ({ amountMinor, currency: 'EUR' });
const pln = (amountMinor: number): Money => ({ amountMinor, currency: 'PLN' });
const gbp = (amountMinor: number): Money => ({ amountMinor, currency: 'GBP' });

export const CATALOGUE: readonly CatalogueProduct[] = [
  // Single-seat editions (issue #15, seed 003's seat rule): Desktop, then Mobile Web, then multi-seat.
  {
    sku: 'RA-DSK-1-S1Y',
    product: 'Remote Access',
    edition: 'Desktop',
    users: 1,
    unitPrice: eur(8_900),
    supportYears: 1,
    otherPrices: [pln(38_900), gbp(7_700)],
  },
  {
    sku: 'RA-WEB-1-S1Y',
    product: 'Remote Access',
    edition: 'Mobile Web',
    users: 1,
    unitPrice: eur(12_900),
    supportYears: 1,
    otherPrices: [pln(55_900), gbp(11_200)],
  },
  {
    sku: 'RA-DSK-3',
    product: 'Remote Access',
    edition: 'Desktop',
    users: 3,
    unitPrice: eur(18_000),
    supportYears: 0,
    otherPrices: [pln(79_000), gbp(15_500)],
  },
  {
    sku: 'RA-DSK-3-S1Y',
    product: 'Remote Access',
    edition: 'Desktop',
    users: 3,
    unitPrice: eur(21_600),
    supportYears: 1,
    otherPrices: [pln(94_900), gbp(18_600)],
  },
  {
    sku: 'RA-WEB-5-S1Y',
    product: 'Remote Access',
    edition: 'Mobile Web',
    users: 5,
    unitPrice: eur(45_500),
    supportYears: 1,
    otherPrices: [pln(199_000), gbp(39_000)],
  },
  {
    sku: 'RA-ENT-5-S1Y',
    product: 'Remote Access',
    edition: 'Enterprise',
    users: 5,
    unitPrice: eur(89_900),
    supportYears: 1,
    otherPrices: [pln(389_000), gbp(77_000)],
  },
  {
    sku: 'RA-ENT-10-S1Y',
    product: 'Remote Access',
    edition: 'Enterprise',
    users: 10,
    unitPrice: eur(149_900),
    supportYears: 1,
    otherPrices: [pln(649_000), gbp(129_000)],
  },
  {
    sku: 'RA-ENT-10-S3Y',
    product: 'Remote Access',
    edition: 'Enterprise',
    users: 10,
    unitPrice: eur(209_900),
    supportYears: 3,
    otherPrices: [pln(909_000), gbp(179_000)],
  },
  {
    sku: 'RA-ENT-25-S2Y',
    product: 'Remote Access',
    edition: 'Enterprise',
    users: 25,
    unitPrice: eur(299_900),
    supportYears: 2,
    otherPrices: [pln(1_299_000), gbp(258_000)],
  },
  {
    sku: 'AS-ESS-10-S1Y',
    product: 'Advanced Security',
    edition: 'Essentials',
    users: 10,
    unitPrice: eur(22_000),
    supportYears: 1,
    otherPrices: [pln(95_000), gbp(19_000)],
  },
  {
    sku: 'AS-ULT-50-S1Y',
    product: 'Advanced Security',
    edition: 'Ultimate',
    users: 50,
    unitPrice: eur(459_000),
    supportYears: 1,
    otherPrices: [pln(1_990_000), gbp(395_000)],
  },
  {
    sku: 'SM-STD-3-365D',
    product: 'Server Monitoring',
    edition: 'Standard',
    users: 3,
    unitPrice: eur(39_900),
    supportYears: 1,
    days: 365,
    otherPrices: [pln(159_900), gbp(34_500)],
  },
  {
    sku: 'SM-STD-10-365D',
    product: 'Server Monitoring',
    edition: 'Standard',
    users: 10,
    unitPrice: eur(99_900),
    supportYears: 1,
    days: 365,
    otherPrices: [pln(429_900), gbp(85_900)],
  },
  {
    sku: '2FA-25',
    product: 'Two-Factor Authentication',
    edition: 'Add-On',
    users: 25,
    unitPrice: eur(17_900),
    supportYears: 0,
    otherPrices: [pln(77_900), gbp(15_500)],
  },
  // Service plans (issue #15, seed 004): a managed Remote Access server, by the month, in three plans.
  ...(
    [
      ['MH-STA-1M', 'Starter', 5, 1_900, 7_900, 1_600],
      ['MH-BUS-1M', 'Business', 10, 4_900, 19_900, 4_200],
      ['MH-PRO-1M', 'Pro', 25, 9_900, 39_900, 8_500],
    ] as const
  ).map(([sku, edition, users, inEur, inPln, inGbp]) => ({
    sku,
    product: 'Managed Hosting',
    edition,
    users,
    unitPrice: eur(inEur),
    otherPrices: [pln(inPln), gbp(inGbp)],
    supportYears: 0,
    period: { unit: 'month', count: 1 } as const,
  })),
];

/**
 * The upgrade paths the seed starts with, between editions of one product (by name); all pay the difference. The seat
 * rule (seed 003): a single-seat Desktop licence is offered Mobile Web first; only single-seat Mobile Web (the highest
 * single-seat edition) is offered 5 seats; Desktop's own 3-seat path shows, greyed, why not.
 */
export const UPGRADE_PATHS: ReadonlyArray<{
  product: string;
  from: string;
  to: string;
  kind: 'edition' | 'seats';
  toUsers?: number;
  requiresHighestSingleSeat?: boolean;
}> = [
  { product: 'Remote Access', from: 'Desktop', to: 'Mobile Web', kind: 'edition' },
  { product: 'Remote Access', from: 'Mobile Web', to: 'Enterprise', kind: 'edition' },
  { product: 'Remote Access', from: 'Desktop', to: 'Enterprise', kind: 'edition' },
  { product: 'Remote Access', from: 'Desktop', to: 'Desktop', kind: 'seats', toUsers: 3, requiresHighestSingleSeat: true },
  { product: 'Remote Access', from: 'Mobile Web', to: 'Mobile Web', kind: 'seats', toUsers: 5, requiresHighestSingleSeat: true },
  { product: 'Advanced Security', from: 'Essentials', to: 'Ultimate', kind: 'edition' },
];
