// What an owned licence may be upgraded to (issue #15, seed 003 "Aktualizacje"): every catalogue upgrade path from the
// licence's edition, offered with its target SKU and the price difference in the buyer's currency, or not offered with
// the reason the upgrades page explains. Pure: the caller reads the catalogue once (readCatalogue) for all licences.
//
// The seat rule is data on the paths (shared/catalogue/model.ts Upgrade): a `seats` path with
// `requiresHighestSingleSeat` is open only to a single-seat licence of the highest single-seat edition, the one with no
// edition path onwards to another edition sold single-seat; a lower single-seat edition is offered that next edition.

import type { Catalogue } from '#shared/catalogue/read.ts';
import type { Sku, Upgrade } from '#shared/catalogue/model.ts';
import type { Licence } from '#shared/licences/model.ts';
import type { Money } from '#shared/money.ts';
import type { UnofferedReason, UpgradeKind } from '#shared/upgrades/fields.ts';

/** One path the licence is offered: what it becomes and what it costs now. */
export interface UpgradeOffer {
  kind: UpgradeKind;
  productId: string;
  fromEditionId: string;
  toEditionId: string;
  /** The editions' names, as licences and invoices show them. */
  fromEdition: string;
  toEdition: string;
  fromUsers: number;
  toUsers: number;
  /** The SKU the licence becomes (what a cart's upgrade line names), and the licence's own SKU when the catalogue has it. */
  toSku: string;
  fromSku?: string;
  supportYears: number;
  /** Net: the path's fixed price, or the target SKU's price less the licence's SKU's price. */
  price: Money;
}

/** One path from the licence's edition that it is not offered, and why. */
export interface UnofferedPath {
  kind: UpgradeKind;
  toEditionId: string;
  toEdition: string;
  toUsers: number;
  /** The SKU it would lead to, where the catalogue has one. */
  toSku?: string;
  reason: UnofferedReason;
}

export interface LicenceUpgrades {
  offers: UpgradeOffer[];
  notOffered: UnofferedPath[];
}

/** The fields of a licence the offers depend on. */
export type UpgradableLicence = Pick<Licence, 'product' | 'edition' | 'users' | 'purchasedAt' | 'supportEndsAt' | 'days' | 'revokedAt'>;

const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;
const isActiveSku = (sku: Sku) => sku.status === 'active' && !sku.period;

/**
 * The upgrades of one licence in `currency`. `sku` is the licence's SKU where known (its renewable subscription's);
 * otherwise the catalogue's SKU of its edition and seats with the support term it was bought with.
 */
export function upgradeOffers(licence: UpgradableLicence, catalogue: Catalogue, currency: string, sku?: string): LicenceUpgrades {
  const product = catalogue.products.find((each) => each.name === licence.product);
  if (!product) return { offers: [], notOffered: [] };
  const editions = catalogue.editions.filter((each) => each.productId === product.productId);
  const edition = editions.find((each) => each.name === licence.edition);
  if (!edition) return { offers: [], notOffered: [] };
  const skus = catalogue.skus.filter((each) => each.productId === product.productId && !each.period);
  const paths = catalogue.upgrades.filter((path) => path.productId === product.productId && path.fromEditionId === edition.editionId);
  const source = sourceSku(licence, skus, edition.editionId, sku);
  const supportYears = source?.supportYears ?? boughtSupportYears(licence);
  const editionName = (editionId: string) => editions.find((each) => each.editionId === editionId)?.name ?? editionId;
  const editionActive = (editionId: string) =>
    product.status === 'active' && editions.find((each) => each.editionId === editionId)?.status === 'active';

  const offers: UpgradeOffer[] = [];
  const notOffered: UnofferedPath[] = [];
  for (const path of paths) {
    const kind = path.kind ?? 'edition';
    const toUsers = kind === 'seats' && path.toUsers ? path.toUsers : licence.users;
    const target = skus.find((each) => each.editionId === path.toEditionId && each.users === toUsers && each.supportYears === supportYears);
    const reason = unofferedReason({
      licence,
      path,
      toUsers,
      target,
      highestSingleSeat: isHighestSingleSeat(edition.editionId, catalogue, skus),
      targetEditionActive: editionActive(path.toEditionId),
    });
    const shown = { kind, toEditionId: path.toEditionId, toEdition: editionName(path.toEditionId), toUsers };
    if (reason || !target) {
      notOffered.push({ ...shown, ...(target ? { toSku: target.sku } : {}), reason: reason ?? 'NO_TARGET_SKU' });
      continue;
    }
    const price = priceOf(path, target, source, currency);
    if (!price) {
      notOffered.push({ ...shown, toSku: target.sku, reason: 'NO_PRICE' });
      continue;
    }
    offers.push({
      ...shown,
      productId: product.productId,
      fromEditionId: edition.editionId,
      fromEdition: edition.name,
      fromUsers: licence.users,
      toSku: target.sku,
      ...(source ? { fromSku: source.sku } : {}),
      supportYears,
      price,
    });
  }
  return { offers, notOffered };
}

function unofferedReason(input: {
  licence: UpgradableLicence;
  path: Upgrade;
  toUsers: number;
  target: Sku | undefined;
  highestSingleSeat: boolean;
  targetEditionActive: boolean;
}): UnofferedReason | undefined {
  const { licence, path, toUsers, target } = input;
  if (licence.revokedAt) return 'LICENCE_REVOKED';
  if (licence.days) return 'TIME_LIMITED';
  if (path.kind === 'seats' && toUsers <= licence.users) return 'SEATS_ALREADY';
  if (path.requiresHighestSingleSeat && (licence.users !== 1 || !input.highestSingleSeat)) return 'SEAT_RULE_NEEDS_HIGHEST_SINGLE_SEAT';
  if (!target) return 'NO_TARGET_SKU';
  if (!isActiveSku(target) || !input.targetEditionActive) return 'RETIRED';
  return undefined;
}

/**
 * True when the edition is sold single-seat and no edition (or version) path leads from it to another edition sold
 * single-seat: the last single-seat step before a multi-seat licence.
 */
export function isHighestSingleSeat(editionId: string, catalogue: Pick<Catalogue, 'upgrades'>, productSkus: readonly Sku[]): boolean {
  const singleSeat = new Set(productSkus.filter((sku) => sku.users === 1 && isActiveSku(sku)).map((sku) => sku.editionId));
  if (!singleSeat.has(editionId)) return false;
  const productId = productSkus.find((sku) => sku.editionId === editionId)?.productId;
  return !catalogue.upgrades.some(
    (path) =>
      path.productId === productId &&
      path.fromEditionId === editionId &&
      path.toEditionId !== editionId &&
      (path.kind ?? 'edition') !== 'seats' &&
      singleSeat.has(path.toEditionId),
  );
}

/** The licence's SKU: the named one, else the one of its edition and seats with the support term it was bought with. */
function sourceSku(licence: UpgradableLicence, skus: readonly Sku[], editionId: string, sku: string | undefined): Sku | undefined {
  const ofLicence = (each: Sku) => each.editionId === editionId && each.users === licence.users;
  const named = sku ? skus.find((each) => each.sku === sku && ofLicence(each)) : undefined;
  if (named) return named;
  const years = boughtSupportYears(licence);
  return (
    skus.find((each) => ofLicence(each) && each.supportYears === years && each.status === 'active') ??
    skus.find((each) => ofLicence(each) && each.supportYears === years)
  );
}

/** Whole years of support the licence came with (its support's end may have moved on with renewals: at least 1). */
function boughtSupportYears(licence: UpgradableLicence): number {
  if (!licence.supportEndsAt) return 0;
  const years = Math.round((Date.parse(licence.supportEndsAt) - Date.parse(licence.purchasedAt)) / YEAR_MS);
  return Math.max(1, years);
}

function priceOf(path: Upgrade, target: Sku, source: Sku | undefined, currency: string): Money | undefined {
  const fixed = path.prices?.find((price) => price.currency === currency);
  if (fixed) return { amountMinor: fixed.amountMinor, currency };
  const to = target.prices[currency];
  const from = source?.prices[currency];
  if (!to || !from || to.amountMinor <= from.amountMinor) return undefined;
  return { amountMinor: to.amountMinor - from.amountMinor, currency };
}
