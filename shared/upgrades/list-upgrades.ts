// The upgrades page (issue #15): per licence of the caller's account, or of one client of a distributor, what the
// catalogue offers it in the caller's currency (the caller pays) and what it does not, and why. A bounded read: the
// caller's account, a page of licences, the catalogue, and one page of the licensee's subscriptions (their SKUs).

import { getAccount } from '#shared/accounts/account.ts';
import { type ClientRef, listClientLicences } from '#shared/accounts/distributors.ts';
import { readCatalogue } from '#shared/catalogue/read.ts';
import { accountPartition } from '#shared/db/keys.ts';
import { queryPage } from '#shared/db/page.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import type { Licence } from '#shared/licences/model.ts';
import { MAX_PAGE_SIZE } from '#shared/paging.ts';
import { accountCurrency } from '#shared/shop/currency.ts';
import { SUBSCRIPTION_PREFIX, subscriptionFromItem } from '#shared/subscriptions/model.ts';
import { type LicenceUpgrades, upgradeOffers } from '#shared/upgrades/offers.ts';

export interface LicenceUpgradesView extends LicenceUpgrades {
  licence: Pick<Licence, 'licenceId' | 'product' | 'edition' | 'users' | 'serial' | 'supportEndsAt'>;
  client: ClientRef;
}

export async function listUpgrades(
  callerAccountId: string,
  query: { clientId?: string; limit?: number; cursor?: string },
): Promise<{ currency: string; items: LicenceUpgradesView[]; nextCursor?: string }> {
  const [account, page, catalogue] = await Promise.all([
    getAccount(callerAccountId),
    listClientLicences(callerAccountId, query),
    readCatalogue(),
  ]);
  if (!account) throw new NotFoundError('No such account.');
  const currency = accountCurrency(account);
  const licenseeId = query.clientId ?? callerAccountId;
  // The licence's own SKU, where its renewable support subscription names it (else offers.ts finds it by edition).
  const subscriptions = await queryPage(
    { partition: accountPartition(licenseeId), sortKeyPrefix: SUBSCRIPTION_PREFIX, newestFirst: true, limit: MAX_PAGE_SIZE },
    subscriptionFromItem,
  );
  const skuOf = new Map(
    subscriptions.items.flatMap((each) => (each.kind === 'support' && each.licenceId ? [[each.licenceId, each.sku] as const] : [])),
  );
  const items = page.items.map((licence) => ({
    licence: {
      licenceId: licence.licenceId,
      product: licence.product,
      edition: licence.edition,
      users: licence.users,
      serial: licence.serial,
      ...(licence.supportEndsAt ? { supportEndsAt: licence.supportEndsAt } : {}),
    },
    client: licence.client,
    ...upgradeOffers(licence, catalogue, currency, skuOf.get(licence.licenceId)),
  }));
  return { currency, items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}
