// The enumerations of upgrades, in a pure module: the catalogue entity, the API contracts and the web share them (the
// web imports no server code).

/** What an upgrade path changes: the edition, the seats (to a multi-seat licence) or the version of the program. */
export const UPGRADE_KINDS = ['edition', 'seats', 'version'] as const;
export type UpgradeKind = (typeof UPGRADE_KINDS)[number];

/**
 * Why a path from the licence's edition is not offered to it (shared/upgrades/offers.ts), as the upgrades page explains:
 * - SEAT_RULE_NEEDS_HIGHEST_SINGLE_SEAT: a multi-seat path, open only from the highest single-seat edition;
 * - SEATS_ALREADY: the licence has as many seats as the path leads to, or more;
 * - NO_TARGET_SKU: no SKU of the target edition with those seats and the licence's support term;
 * - RETIRED: the target SKU, its edition or its product is retired;
 * - NO_PRICE: no price in the buyer's currency (or the target costs no more than the licence);
 * - LICENCE_REVOKED, TIME_LIMITED: the licence itself cannot be upgraded.
 */
export const UNOFFERED_REASONS = [
  'SEAT_RULE_NEEDS_HIGHEST_SINGLE_SEAT',
  'SEATS_ALREADY',
  'NO_TARGET_SKU',
  'RETIRED',
  'NO_PRICE',
  'LICENCE_REVOKED',
  'TIME_LIMITED',
] as const;
export type UnofferedReason = (typeof UNOFFERED_REASONS)[number];
