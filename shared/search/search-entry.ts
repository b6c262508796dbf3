// The search index entry entity: one item per searchable value of a customer account (its name whole and per word,
// contact e-mail, activation key, VAT id, order references, licence serials, contract numbers), keyed by the value's
// folded term. Every writer of those values puts the entries in its own transaction, built here, so the index is never
// behind the entities it points to (docs/data-model.md, "Search index").

import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { foldedWords, foldSearchText } from '#shared/search/fold.ts';
import { SEARCH_KINDS, type SearchKind } from '#shared/search/kinds.ts';
import * as z from '#shared/validation.ts';

export { SEARCH_KINDS, type SearchKind };

export interface SearchEntry {
  accountId: string;
  kind: SearchKind;
  /** The value as the account shows it (`Łódź Software`, `P62-7731`), for the result's "matched" column. */
  value: string;
}

/** Longer terms are indexed (and queried) by their first 100 folded characters: far below the sort key's 1 KB. */
export const MAX_TERM_LENGTH = 100;
/** Words of a name indexed besides the whole name (the first word is a prefix of the whole name already). */
export const MAX_NAME_WORDS = 4;
/**
 * The most entries `accountSearchItems` returns: the name whole and 4 more words, the e-mail, the activation key, and
 * the VAT id with and without its country prefix. Writers count it against the 100 items of one transaction.
 */
export const MAX_ACCOUNT_SEARCH_ITEMS = 1 + MAX_NAME_WORDS + 1 + 1 + 2;

/** The index entry's key, by the folded term; a value too short to fold to two characters has none. */
export function searchEntryKey(entry: SearchEntry, term = termOf(entry.value)) {
  return keys.searchEntry(term, entry.kind, entry.accountId);
}

function cut(term: string): string {
  return Array.from(term).slice(0, MAX_TERM_LENGTH).join('');
}

function termOf(value: string): string {
  return cut(foldSearchText(value));
}

/** The folded term a query reads the index with: the same folding and the same cut as the entries. */
export function searchTermOf(query: string): string {
  return termOf(query);
}

const searchEntrySchema = /* @__PURE__ */ lazySchema(() =>
  z.object({ accountId: z.string(), kind: z.enum(SEARCH_KINDS), value: z.string() }),
);

/** A search index item: its keys are strings we built, so a delete can name them without reading the item back. */
export type SearchItem = Item & { PK: string; SK: string };

/**
 * The index items for these values, one per distinct folded term (a value folding to fewer than two characters is not
 * searchable and gets none). Distinct keys, so the items can go into one transaction together.
 */
export function searchEntryItems(
  entries: SearchEntry[],
  terms: (entry: SearchEntry) => string[] = (entry) => [termOf(entry.value)],
): SearchItem[] {
  const items = new Map<string, SearchItem>();
  for (const entry of entries) {
    for (const term of terms(entry)) {
      if (Array.from(term).length < 2) continue;
      const key = searchEntryKey(entry, term);
      items.set(`${key.PK}|${key.SK}`, { ...key, type: 'SearchEntry', ...entry });
    }
  }
  return [...items.values()];
}

/** The terms of a name: the whole name, then its next words (bounded), so "software" finds "Łódź Software". */
function nameTerms(name: string): string[] {
  const words = foldedWords(name);
  const whole = cut(words.join(''));
  const later = [...new Set(words.slice(1).map(cut))].filter((word) => Array.from(word).length >= 2 && word !== whole);
  return [whole, ...later.slice(0, MAX_NAME_WORDS)];
}

/** A VAT id whole (`PL5213456789`) and, when it starts with a country prefix, without it (`5213456789`). */
function vatTerms(vatId: string): string[] {
  const whole = termOf(vatId);
  return /^[a-z]{2}\d/.test(whole) ? [whole, whole.slice(2)] : [whole];
}

/** The account's own entries: name (whole and per word), contact e-mail, activation key and VAT id (when it has one). */
export function accountSearchItems(account: {
  accountId: string;
  name: string;
  contactEmail: string;
  activationKey: string;
  vatId?: string | undefined;
}): SearchItem[] {
  const { accountId } = account;
  const entries: SearchEntry[] = [
    { accountId, kind: 'name', value: account.name },
    { accountId, kind: 'email', value: account.contactEmail },
    { accountId, kind: 'activation-key', value: account.activationKey },
    ...(account.vatId ? [{ accountId, kind: 'vat' as const, value: account.vatId }] : []),
  ];
  return searchEntryItems(entries, (entry) =>
    entry.kind === 'name' ? nameTerms(entry.value) : entry.kind === 'vat' ? vatTerms(entry.value) : [termOf(entry.value)],
  );
}

/** The entry of an order's reference (`JWT1042`), pointing at the account the order belongs to. */
export function orderSearchItems(accountId: string, order: { reference: string }): SearchItem[] {
  return searchEntryItems([{ accountId, kind: 'order', value: order.reference }]);
}

/** The entry of a licence's serial. Moving a licence to another account deletes this entry and puts the new one. */
export function licenceSearchItems(accountId: string, licence: { serial: string }): SearchItem[] {
  return searchEntryItems([{ accountId, kind: 'serial', value: licence.serial }]);
}

/** The entry of a claimed (or assigned) support contract's number; an unassigned contract belongs to no customer yet. */
export function contractSearchItems(accountId: string, contract: { contractNumber: string }): SearchItem[] {
  return searchEntryItems([{ accountId, kind: 'contract', value: contract.contractNumber }]);
}

/**
 * What a change of searchable values writes: the entries of `after` (Put) and the keys of `before`'s entries that
 * `after` no longer has (Delete). E.g. a renamed account: `searchItemChanges(accountSearchItems(old), accountSearchItems(new))`.
 */
export function searchItemChanges(
  before: SearchItem[],
  after: SearchItem[],
): { put: SearchItem[]; delete: Array<{ PK: string; SK: string }> } {
  const kept = new Set(after.map((item) => `${item.PK}|${item.SK}`));
  return {
    put: after,
    delete: before.filter((item) => !kept.has(`${item.PK}|${item.SK}`)).map(({ PK, SK }) => ({ PK, SK })),
  };
}

export function searchEntryFromItem(item: Item): SearchEntry {
  return parseItem('SearchEntry', searchEntrySchema, item);
}
