// Staff: every customer account, newest first, a page at a time (GSI1, one partition).

import { queryPage, type Page } from '#shared/db/page.ts';
import { keys } from '#shared/db/keys.ts';
import type { Account } from '#shared/accounts/model.ts';

export type AccountSummary = Pick<Account, 'accountId' | 'name' | 'contactEmail' | 'country' | 'createdAt'>;

export async function listAccounts(page: { limit?: number; cursor?: string }): Promise<Page<AccountSummary>> {
  return queryPage({ index: 'GSI1', partition: keys.accountsIndex('', '').GSI1PK, newestFirst: true, ...page }, (item) => ({
    accountId: item.accountId as string,
    name: item.name as string,
    contactEmail: item.contactEmail as string,
    ...(typeof item.country === 'string' ? { country: item.country } : {}),
    createdAt: item.createdAt as string,
  }));
}
