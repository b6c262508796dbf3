// Lists the licences of one account, newest purchase first (or oldest first), a page at a time.

import { accountPartition } from '#shared/db/keys.ts';
import { queryPage, type Page } from '#shared/db/page.ts';
import { LICENCE_PREFIX, toLicenceView, type LicenceView } from '#shared/licences/model.ts';
import type { SortOrder } from '#shared/paging.ts';
import { now } from '#shared/time.ts';

export async function listLicences(
  accountId: string,
  page: { limit?: number; cursor?: string; sort?: SortOrder },
): Promise<Page<LicenceView>> {
  const at = now();
  // Licence ids are ULIDs taken at purchase time, so sort-key order is purchase order.
  return queryPage(
    {
      partition: accountPartition(accountId),
      sortKeyPrefix: LICENCE_PREFIX,
      newestFirst: page.sort !== 'asc',
      ...(page.limit ? { limit: page.limit } : {}),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    },
    (item) => toLicenceView(item, at),
  );
}
