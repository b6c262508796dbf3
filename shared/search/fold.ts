// The one folding of customer search: the index is written with it and every query is read with it, so "lodz", "ŁÓDŹ"
// and "Łódź" are the same term, and "naqr hvw5", "NAQR-HVW5" and "naqrhvw5" the same key. Pure: the web may import it.

/** Letters that Unicode does not decompose into a base letter and a mark, so NFKD alone leaves them as they are. */
const UNDECOMPOSED: Record<string, string> = {
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
  ŋ: 'n',
  ĸ: 'k',
};
const UNDECOMPOSED_PATTERN = new RegExp(`[${Object.keys(UNDECOMPOSED).join('')}]`, 'g');

/** Letters and digits only, lower case, without accents: the form every search term and query takes. */
export function foldSearchText(text: string): string {
  return foldedWords(text).join('');
}

/**
 * The folded words of a text, in order: separated by anything that is not a letter or a digit (spaces, dashes, dots,
 * `@`), so an e-mail address, a serial with dashes or a name with punctuation splits where a person would.
 */
export function foldedWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(UNDECOMPOSED_PATTERN, (letter) => UNDECOMPOSED[letter]!)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A query needs this many folded characters: its first two name the index partition it reads. */
export const MIN_SEARCH_LENGTH = 2;
