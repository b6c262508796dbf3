// Staff find a customer account by any of its keys (name or e-mail prefix, order reference, licence serial, contract
// number, activation key, VAT id), case- and accent-insensitive: one Query on the search index, one BatchGetItem of the
// accounts it names (docs/data-model.md, pattern 9).

import { accountsById, type AccountLastOrder } from '#shared/accounts/account.ts';
import { QueryCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { searchPartition } from '#shared/db/keys.ts';
import { ValidationError } from '#shared/http/errors.ts';
import { MIN_SEARCH_LENGTH } from '#shared/search/fold.ts';
import { searchEntryFromItem, searchTermOf, type SearchEntry } from '#shared/search/search-entry.ts';

/** Accounts one search answers with; staff type more to narrow it. */
export const MAX_SEARCH_RESULTS = 25;
/** Index entries one search reads: several entries can name one account (its name and a word of it, many serials). */
const MAX_ENTRIES_READ = 100;

export interface CustomerMatch {
  accountId: string;
  name: string;
  country?: string;
  contactEmail: string;
  licenceCount: number;
  lastOrder?: AccountLastOrder;
  /** Which of the account's keys the query matched, and its value as stored. */
  matched: { kind: SearchEntry['kind']; value: string };
}

export interface CustomerSearchResult {
  items: CustomerMatch[];
  /** More accounts (or index entries) match than were answered: a longer query narrows them. */
  more: boolean;
}

export async function searchCustomers(query: string): Promise<CustomerSearchResult> {
  const term = searchTermOf(query);
  if (Array.from(term).length < MIN_SEARCH_LENGTH) {
    throw new ValidationError(`Type at least ${MIN_SEARCH_LENGTH} letters or digits to search.`, [
      { path: 'query.q', message: `at least ${MIN_SEARCH_LENGTH} letters or digits` },
    ]);
  }

  const found = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :term)',
      ExpressionAttributeValues: { ':pk': searchPartition(term), ':term': term },
      Limit: MAX_ENTRIES_READ,
    }),
  );
  // The first entry of each account (the shortest matching term, the index's order) says what matched.
  const firstMatch = new Map<string, SearchEntry>();
  for (const item of found.Items ?? []) {
    const entry = searchEntryFromItem(item);
    if (!firstMatch.has(entry.accountId)) firstMatch.set(entry.accountId, entry);
  }
  const matches = [...firstMatch.values()].slice(0, MAX_SEARCH_RESULTS);
  const more = firstMatch.size > MAX_SEARCH_RESULTS || found.LastEvaluatedKey !== undefined;
  if (matches.length === 0) return { items: [], more };

  const accounts = await accountsById(matches.map((match) => match.accountId));
  const items: CustomerMatch[] = [];
  for (const match of matches) {
    const account = accounts.get(match.accountId);
    // An entry whose account is gone names nobody to show.
    if (!account) continue;
    items.push({
      accountId: account.accountId,
      name: account.name,
      ...(account.country === undefined ? {} : { country: account.country }),
      contactEmail: account.contactEmail,
      licenceCount: account.licenceCount ?? 0,
      ...(account.lastOrder ? { lastOrder: account.lastOrder } : {}),
      matched: { kind: match.kind, value: match.value },
    });
  }
  return { items, more };
}
