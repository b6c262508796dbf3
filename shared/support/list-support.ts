// Lists support & updates subscriptions: every one of an account (a page at a time), or those covering one licence.

import { accountPartition } from '#shared/db/keys.ts';
import { queryPage, type Page } from '#shared/db/page.ts';
import { MAX_PAGE_SIZE, type SortOrder } from '#shared/paging.ts';
import { SUPPORT_PREFIX, supportByLicenceKey, toSupportSubscriptionView, type SupportSubscriptionView } from '#shared/support/model.ts';
import { now } from '#shared/time.ts';

export async function listSupportSubscriptions(
  accountId: string,
  page: { limit?: number; cursor?: string; sort?: SortOrder },
): Promise<Page<SupportSubscriptionView>> {
  const at = now();
  // Subscription ids are ULIDs of the start date, so sort-key order is start-date order.
  return queryPage(
    {
      partition: accountPartition(accountId),
      sortKeyPrefix: SUPPORT_PREFIX,
      newestFirst: page.sort !== 'asc',
      ...(page.limit ? { limit: page.limit } : {}),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    },
    (item) => toSupportSubscriptionView(item, at),
  );
}

/**
 * The subscriptions covering one licence, newest first (GSI1). A licence gains one per support purchase, so one page
 * of the maximum size holds them all. The index partition names the account too, so it only ever holds its own.
 */
export async function listLicenceSupport(accountId: string, licenceId: string, at = now()): Promise<SupportSubscriptionView[]> {
  const page = await queryPage(
    { index: 'GSI1', partition: supportByLicenceKey(accountId, licenceId, '').GSI1PK, newestFirst: true, limit: MAX_PAGE_SIZE },
    (item) => toSupportSubscriptionView(item, at),
  );
  return page.items;
}
