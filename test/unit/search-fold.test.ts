// The one folding of customer search (shared/search/fold.ts) and the index entries built with it
// (shared/search/search-entry.ts): what is written and what is queried must fold alike.

import { describe, expect, it } from 'vitest';
import { foldedWords, foldSearchText } from '#shared/search/fold.ts';
import {
  accountSearchItems,
  licenceSearchItems,
  MAX_ACCOUNT_SEARCH_ITEMS,
  MAX_TERM_LENGTH,
  searchEntryFromItem,
  searchItemChanges,
  searchTermOf,
} from '#shared/search/search-entry.ts';

describe('foldSearchText', () => {
  it.each([
    ['Łódź Software', 'lodzsoftware'],
    ['ŁÓDŹ', 'lodz'],
    ['Zürich', 'zurich'],
    ['ZURICH', 'zurich'],
    ['Gdańsk Spółka', 'gdanskspolka'],
    ['Straße', 'strasse'],
    ['Øresund Ærø', 'oresundaero'],
    ['Þórshöfn', 'thorshofn'],
    ['Đakovo', 'dakovo'],
    ['Œuvre', 'oeuvre'],
    ['İstanbul', 'istanbul'],
    ['ﬁnance', 'finance'],
    ['Ｆｕｌｌｗｉｄｔｈ １２', 'fullwidth12'],
  ])('folds %s to %s', (text, folded) => {
    expect(foldSearchText(text)).toBe(folded);
  });

  it('drops spaces, dashes, dots and other separators, so identifiers match however they are typed', () => {
    expect(foldSearchText('NAQR-HVW5')).toBe('naqrhvw5');
    expect(foldSearchText('naqr hvw5')).toBe('naqrhvw5');
    expect(foldSearchText('PL 521-345-67-89')).toBe('pl5213456789');
    expect(foldSearchText('anna@nordwind.example')).toBe('annanordwindexample');
    expect(foldSearchText('P62–7731')).toBe('p627731');
  });

  it('keeps letters of other scripts, folded to lower case', () => {
    expect(foldSearchText('Москва ООО')).toBe('москваооо');
    expect(foldSearchText('Αθήνα')).toBe('αθηνα');
  });

  it('folds nothing searchable to an empty term', () => {
    expect(foldSearchText(' -- . ')).toBe('');
  });

  it('splits words where a person would', () => {
    expect(foldedWords('Nordwind Systems Sp. z o.o.')).toEqual(['nordwind', 'systems', 'sp', 'z', 'o', 'o']);
  });
});

describe('search index entries', () => {
  const account = {
    accountId: 'acc-1',
    name: 'Łódź Software Sp. z o.o.',
    contactEmail: 'Anna@Lodz.example',
    activationKey: 'NAQR-HVW5',
    vatId: 'PL 521-345-67-89',
  };

  it('indexes the name whole and its later words of two letters or more, the e-mail, the activation key and the VAT id with and without its country', () => {
    const items = accountSearchItems(account);
    expect(items.map((item) => item.SK)).toEqual([
      'lodzsoftwarespzoo#name#acc-1',
      'software#name#acc-1',
      'sp#name#acc-1',
      'annalodzexample#email#acc-1',
      'naqrhvw5#activation-key#acc-1',
      'pl5213456789#vat#acc-1',
      '5213456789#vat#acc-1',
    ]);
    expect(items.map((item) => item.PK)).toEqual([
      'SEARCH#lo',
      'SEARCH#so',
      'SEARCH#sp',
      'SEARCH#an',
      'SEARCH#na',
      'SEARCH#pl',
      'SEARCH#52',
    ]);
    // Each entry keeps the value as the account shows it.
    expect(searchEntryFromItem(items[1]!)).toEqual({ accountId: 'acc-1', kind: 'name', value: 'Łódź Software Sp. z o.o.' });
  });

  it('bounds the entries of a long name, and skips a repeated word and one-letter words', () => {
    const items = accountSearchItems({ ...account, name: 'Alpha Beta Beta Gamma Delta Epsilon Zeta Eta X' });
    const names = items.filter((item) => String(item.SK).endsWith('#name#acc-1')).map((item) => String(item.SK).split('#')[0]);
    expect(names).toEqual(['alphabetabetagammadeltaepsilonzetaetax', 'beta', 'gamma', 'delta', 'epsilon']);
    expect(items.length).toBeLessThanOrEqual(MAX_ACCOUNT_SEARCH_ITEMS);
    expect(new Set(items.map((item) => `${item.PK}|${item.SK}`)).size).toBe(items.length);
  });

  it('cuts a very long value to the term length, and a query the same way', () => {
    const long = 'x'.repeat(300);
    const [item] = accountSearchItems({ ...account, name: long });
    expect(String(item!.SK)).toBe(`${'x'.repeat(MAX_TERM_LENGTH)}#name#acc-1`);
    expect(searchTermOf(long)).toBe('x'.repeat(MAX_TERM_LENGTH));
  });

  it('writes no entry for a value that folds to fewer than two characters', () => {
    expect(licenceSearchItems('acc-1', { serial: '-7-' })).toEqual([]);
  });

  it('a query folds exactly as the entry it should find', () => {
    const [serial] = licenceSearchItems('acc-1', { serial: 'P62-7731' });
    expect(String(serial!.SK).startsWith(searchTermOf('p62 77'))).toBe(true);
    expect(serial!.PK).toBe('SEARCH#p6');
  });

  it('a rename puts the new entries and deletes only the ones the new name no longer has', () => {
    const before = accountSearchItems(account);
    const after = accountSearchItems({ ...account, name: 'Łódź Hardware Sp. z o.o.' });
    const change = searchItemChanges(before, after);
    expect(change.put).toBe(after);
    expect(change.delete).toEqual([
      { PK: 'SEARCH#lo', SK: 'lodzsoftwarespzoo#name#acc-1' },
      { PK: 'SEARCH#so', SK: 'software#name#acc-1' },
    ]);
  });
});
