// A person's IP allow-list: the addresses they may use Atrium from. One entry per line: a single address, a range
// `a-b`, or a CIDR block; IPv4 or IPv6 (an IPv4-mapped IPv6 address counts as its IPv4 address). Parsed and matched
// with ipaddr.js. Pure: the caller check, sign-in, refresh and the security page all use it.

import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** At most this many entries: the list rides on the person item read on every call. */
export const MAX_ALLOW_LIST_ENTRIES = 50;

type Entry =
  | { kind: 'address'; address: Address }
  | { kind: 'range'; from: Address; to: Address }
  | { kind: 'cidr'; block: [Address, number] };

/**
 * An address as ipaddr.js reads it, IPv4-mapped IPv6 turned into IPv4; undefined if it is not an address. A typed
 * entry must be written in full (`a.b.c.d`, no IPv6 zone): ipaddr.js also reads `10.1` or `0x7f.1` as IPv4, which a
 * person almost certainly did not mean.
 */
function addressOf(text: string, strict = false): Address | undefined {
  if (!ipaddr.isValid(text)) return undefined;
  if (strict && !(ipaddr.IPv4.isValidFourPartDecimal(text) || (ipaddr.IPv6.isValid(text) && !text.includes('%')))) return undefined;
  const address = ipaddr.parse(text);
  return address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress() ? address.toIPv4Address() : address;
}

/** Compares two addresses of the same kind byte by byte: negative, zero or positive. */
function compare(a: Address, b: Address): number {
  const left = a.toByteArray();
  const right = b.toByteArray();
  for (let index = 0; index < left.length; index += 1) {
    const difference = left[index]! - right[index]!;
    if (difference !== 0) return difference;
  }
  return 0;
}

/** One entry of the list, or an error message naming what is wrong with it. */
export function parseEntry(text: string): { entry: Entry } | { error: string } {
  const trimmed = text.trim();
  if (trimmed.includes('/')) {
    try {
      if (!addressOf(trimmed.slice(0, trimmed.indexOf('/')), true)) throw new Error('not written in full');
      const [address, bits] = ipaddr.parseCIDR(trimmed);
      const block: [Address, number] =
        address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress() && bits >= 96
          ? [address.toIPv4Address(), bits - 96]
          : [address, bits];
      return { entry: { kind: 'cidr', block } };
    } catch {
      return { error: 'not a CIDR block like 203.0.113.0/24 or 2001:db8::/32' };
    }
  }
  if (trimmed.includes('-')) {
    const [fromText = '', toText = '', ...rest] = trimmed.split('-').map((part) => part.trim());
    const from = addressOf(fromText, true);
    const to = addressOf(toText, true);
    if (rest.length > 0 || !from || !to) return { error: 'not a range like 203.0.113.10-203.0.113.20' };
    if (from.kind() !== to.kind()) return { error: 'a range joins two addresses of the same kind (IPv4 or IPv6)' };
    if (compare(from, to) > 0) return { error: 'the range ends before it starts' };
    return { entry: { kind: 'range', from, to } };
  }
  const address = addressOf(trimmed, true);
  return address ? { entry: { kind: 'address', address } } : { error: 'not an IP address' };
}

function entryMatches(entry: Entry, address: Address): boolean {
  switch (entry.kind) {
    case 'address':
      return entry.address.kind() === address.kind() && compare(entry.address, address) === 0;
    case 'range':
      return entry.from.kind() === address.kind() && compare(entry.from, address) <= 0 && compare(address, entry.to) <= 0;
    case 'cidr':
      return entry.block[0].kind() === address.kind() && address.match(entry.block);
  }
}

/**
 * Whether a source address may be used: yes when the list is missing or empty, else when some entry covers it.
 * Entries that do not parse (none are stored: the page checks them) match nothing; an unreadable source matches nothing.
 */
export function ipAllowed(list: readonly string[] | undefined, sourceIp: string): boolean {
  if (!list || list.length === 0) return true;
  const address = addressOf(sourceIp);
  if (!address) return false;
  return list.some((text) => {
    const parsed = parseEntry(text);
    return 'entry' in parsed && entryMatches(parsed.entry, address);
  });
}

/** The longest line kept: an IPv6 range of two full addresses fits with room to spare. */
export const MAX_ALLOW_LIST_ENTRY_LENGTH = 100;

export interface AllowListProblem {
  /** 1-based, as the person sees the lines in the text box. */
  line: number;
  entry: string;
  message: string;
}

/**
 * A list as the person typed it, one entry per line: the entries to store (trimmed, blank lines dropped, duplicates
 * kept once) or the problems, each naming its line. More than MAX_ALLOW_LIST_ENTRIES entries is a problem too.
 */
export function checkAllowList(lines: readonly string[]): { entries: string[]; problems: AllowListProblem[] } {
  const entries: string[] = [];
  const problems: AllowListProblem[] = [];
  lines.forEach((raw, index) => {
    const entry = raw.trim();
    if (entry === '') return;
    if (entry.length > MAX_ALLOW_LIST_ENTRY_LENGTH) {
      problems.push({ line: index + 1, entry: entry.slice(0, 40), message: `longer than ${MAX_ALLOW_LIST_ENTRY_LENGTH} characters` });
      return;
    }
    const parsed = parseEntry(entry);
    if ('error' in parsed) problems.push({ line: index + 1, entry, message: parsed.error });
    else if (!entries.includes(entry)) entries.push(entry);
  });
  if (entries.length > MAX_ALLOW_LIST_ENTRIES) {
    problems.push({ line: 0, entry: '', message: `at most ${MAX_ALLOW_LIST_ENTRIES} entries (this list has ${entries.length})` });
  }
  return { entries, problems };
}
