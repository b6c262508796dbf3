// Upgrading a licence (issue #15): the quote of an upgrade path the catalogue offers (the price difference) and the
// fulfilment of its paid line, which changes the licence's edition/seats in place (same serial, activations kept) and
// records it on the licence's history; the licence's renewable support subscription follows to the new plan.

import type { TransactItem } from '#shared/audit/audit.ts';
import { readCatalogue, sellableSkus, type Catalogue } from '#shared/catalogue/read.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import { newId } from '#shared/ids.ts';
import { licenceEventItem } from '#shared/licences/licence-events.ts';
import { licenceFromItem, licenceKey, type StoredLicence } from '#shared/licences/model.ts';
import { supportYearlyPrice } from '#shared/orders/issue-licences.ts';
import type { LineAction } from '#shared/orders/fields.ts';
import type { IssuedLicence } from '#shared/orders/model.ts';
import { FulfilmentRefused } from '#shared/shop/fulfilment-error.ts';
import type { ActionLine, ActionQuote, FulfilContext, FulfilmentPart, QuoteContext } from '#shared/shop/line-actions.ts';
import { lineText, upgradeText } from '#shared/subscriptions/line-text.ts';
import { MAX_CARRIED_PARTS, type Subscription } from '#shared/subscriptions/model.ts';
import { paidPlanChange } from '#shared/subscriptions/plan-change.ts';
import { renewableSupportAmong, renewableSupportOf } from '#shared/subscriptions/renewable-support.ts';
import { listLicenceSupport } from '#shared/support/list-support.ts';
import { type SupportSubscription, supportSubscriptionKey } from '#shared/support/model.ts';
import { type UpgradeOffer, upgradeOffers } from '#shared/upgrades/offers.ts';

type Upgrade = Extract<LineAction, { kind: 'upgrade' }>;

/** The licence (consistent read); 404 when the licensee has none of that id. */
export async function readLicence(accountId: string, licenceId: string): Promise<StoredLicence> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: licenceKey(accountId, licenceId), ConsistentRead: true }));
  if (!found.Item) throw new NotFoundError('The licence was not found.');
  return licenceFromItem(found.Item);
}

/** The offer of one licence's path to `toSku` at today's price in `currency`, or why it is not offered. */
export async function upgradeOfferFor(
  licence: StoredLicence,
  subscription: Subscription | undefined,
  toSku: string,
  currency: string,
  catalogue?: Catalogue,
): Promise<UpgradeOffer | { unavailable: string; message: string }> {
  const upgrades = upgradeOffers(licence, catalogue ?? (await readCatalogue()), currency, subscription?.sku);
  const offer = upgrades.offers.find((each) => each.toSku === toSku);
  if (offer) return offer;
  const refused = upgrades.notOffered.find((each) => each.toSku === toSku);
  return refused
    ? { unavailable: refused.reason, message: `This upgrade is not offered for this licence (${refused.reason}).` }
    : { unavailable: 'UPGRADE_NOT_OFFERED', message: 'The catalogue offers no such upgrade for this licence.' };
}

/** The upgrade as an order line (quantity 1) at today's price difference, or why it cannot be bought. */
export async function quoteUpgrade(context: QuoteContext, action: Upgrade): Promise<ActionQuote> {
  const [licence, subscription] = await Promise.all([
    readLicence(action.licenseeAccountId, action.licenceId),
    renewableSupportOf(action.licenseeAccountId, action.licenceId),
  ]);
  const offer = await upgradeOfferFor(licence, subscription, action.toSku, context.currency, context.catalogue);
  if ('unavailable' in offer) return offer;
  const text = upgradeText(offer);
  return {
    line: {
      product: licence.product,
      sku: offer.toSku,
      edition: lineText(text, 'en'),
      text,
      users: offer.toUsers,
      quantity: 1,
      unitPrice: offer.price,
      subtotal: offer.price,
      action: { ...action, from: { edition: licence.edition, users: licence.users } },
    },
    targets: [`licence:${licence.licenceId}`, ...(subscription ? [`subscription:${subscription.subscriptionId}`] : [])],
  };
}

/**
 * Support terms an upgrade renames, at most: the current one and those paid ahead by early renewals. A licence gains one
 * term per support purchase or renewal, and only those not yet ended cover the upgraded licence; each early renewal
 * carries a part of the span until it ends, and a renewal that would carry more than MAX_CARRIED_PARTS is refused, so
 * no more than 1 + MAX_CARRIED_PARTS terms are running at once.
 */
export const UPGRADE_SUPPORT_TERMS = 1 + MAX_CARRIED_PARTS;

/** The terms not yet ended at `at` (the current one, then any paid ahead), earliest first, at most UPGRADE_SUPPORT_TERMS. */
export function termsCovering<T extends Pick<SupportSubscription, 'startsAt' | 'endsAt'>>(terms: readonly T[], at: Date): T[] {
  const now = at.toISOString();
  return terms
    .filter((term) => term.endsAt > now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .slice(0, UPGRADE_SUPPORT_TERMS);
}

/** A support term names the upgraded licence's edition and seats (earlier terms keep what they were bought for). */
function supportTermUpgrade(accountId: string, term: SupportSubscription, target: { edition: string; users: number }): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: supportSubscriptionKey(accountId, term.subscriptionId),
      UpdateExpression: 'SET edition = :edition, #users = :users',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#users': 'users' },
      ExpressionAttributeValues: { ':edition': target.edition, ':users': target.users },
    },
  };
}

/**
 * The paid upgrade's writes: the licence's edition and seats changed in place (an Update, so its serial, computer and
 * activation stay; conditional on the edition and seats read, so a racing upgrade makes the payment read again), its
 * 'upgraded' event, and its renewable support subscription moved to the new SKU with its price share (and that
 * subscription's 'plan-changed' event), and the support terms covering it from now on (termsCovering) renamed to the
 * new edition and seats. At most 4 + UPGRADE_SUPPORT_TERMS items (10). The new licence is in `issued`, so the payment mail
 * attaches its new file.
 */
export async function upgradeFulfilment(context: FulfilContext, line: ActionLine & { action: Upgrade }): Promise<FulfilmentPart> {
  const { action } = line;
  const accountId = action.licenseeAccountId;
  const [licence, terms, catalogue] = await Promise.all([
    readLicence(accountId, action.licenceId),
    listLicenceSupport(accountId, action.licenceId, context.at),
    readCatalogue(),
  ]);
  const subscription = await renewableSupportAmong(accountId, action.licenceId, terms);
  const target = sellableSkus(catalogue).find((each) => each.sku === action.toSku);
  // Only a race gets here (checkout quotes it first). A bank transfer is then credited to the balance (fulfilment-error.ts).
  if (!target) throw new FulfilmentRefused('UPGRADE_TARGET_GONE', `The SKU ${action.toSku} is no longer in the catalogue.`);
  if (licence.revokedAt) throw new FulfilmentRefused('LICENCE_REVOKED', 'The licence was revoked: it cannot be upgraded.');
  if (action.from && (action.from.edition !== licence.edition || action.from.users !== licence.users)) {
    throw new FulfilmentRefused('LICENCE_CHANGED', 'The licence changed edition or seats since this upgrade was priced.');
  }
  const at = context.at.toISOString();
  const TableName = tableName();
  const upgraded: StoredLicence = { ...licence, edition: target.edition, users: target.users };
  const items: FulfilmentPart['items'] = [
    {
      Update: {
        TableName,
        Key: licenceKey(accountId, licence.licenceId),
        UpdateExpression: 'SET edition = :toEdition, #users = :toUsers',
        ConditionExpression: 'attribute_exists(PK) AND edition = :fromEdition AND #users = :fromUsers AND attribute_not_exists(revokedAt)',
        ExpressionAttributeNames: { '#users': 'users' },
        ExpressionAttributeValues: {
          ':toEdition': target.edition,
          ':toUsers': target.users,
          ':fromEdition': licence.edition,
          ':fromUsers': licence.users,
        },
      },
    },
    {
      Put: {
        TableName,
        Item: licenceEventItem(accountId, {
          eventId: newId(context.at),
          licenceId: licence.licenceId,
          action: 'upgraded',
          at,
          edition: { from: licence.edition, to: target.edition },
          users: { from: licence.users, to: target.users },
          orderReference: context.order.reference,
          by: 'payment',
          email: context.order.email,
        }),
      },
    },
  ];
  const retryOnConditionAt = [0];
  if (subscription && subscription.status !== 'ended') {
    const targetPrice = target.prices[subscription.price.currency];
    const next: Subscription = {
      ...subscription,
      sku: target.sku,
      plan: target.edition,
      users: target.users,
      ...(targetPrice
        ? { price: supportYearlyPrice({ amountMinor: targetPrice.amountMinor, currency: subscription.price.currency }) }
        : {}),
      updatedAt: at,
    };
    retryOnConditionAt.push(items.length);
    items.push(...paidPlanChange(context, subscription, next));
  }
  items.push(...termsCovering(terms, context.at).map((term) => supportTermUpgrade(accountId, term, target)));
  const issued: IssuedLicence = {
    licenceId: upgraded.licenceId,
    sku: target.sku,
    product: upgraded.product,
    edition: upgraded.edition,
    users: upgraded.users,
    serial: upgraded.serial,
    ...(upgraded.days ? { days: upgraded.days } : {}),
    ...(subscription ? { subscriptionId: subscription.subscriptionId } : {}),
    ...(upgraded.supportEndsAt ? { supportEndsAt: upgraded.supportEndsAt } : {}),
    ...(line.action.licenseeAccountId === context.order.accountId ? {} : { accountId: line.action.licenseeAccountId }),
  };
  return { items, retryOnConditionAt, issued: [issued] };
}
