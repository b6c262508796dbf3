// Staff: every customer account, newest first, a page at a time (GSI1, one partition).

import { queryPage, type Page } from '#shared/db/page.ts';
import { accountFromItem, ACCOUNTS_PARTITION, type Account } from '#shared/accounts/account.ts';

export type AccountSummary = Pick<Account, 'accountId' | 'name' | 'contactEmail' | 'country' | 'createdAt'>;

export async function listAccounts(page: { limit?: number; cursor?: string }): Promise<Page<AccountSummary>> {
  return queryPage({ index: 'GSI1', partition: ACCOUNTS_PARTITION, newestFirst: true, ...page }, (item) => {
    const { accountId, name, contactEmail, country, createdAt } = accountFromItem(item);
    return { accountId, name, contactEmail, ...(country === undefined ? {} : { country }), createdAt };
  });
}
