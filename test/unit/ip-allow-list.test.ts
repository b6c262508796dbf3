// The IP allow-list parser and matcher: single addresses, ranges and CIDR blocks, IPv4 and IPv6, mapped addresses, and
// lines that are refused with a message naming them.

import { describe, expect, it } from 'vitest';
import { checkAllowList, ipAllowed, MAX_ALLOW_LIST_ENTRIES, parseEntry } from '#shared/security/ip-allow-list.ts';

describe('parseEntry', () => {
  it.each([
    ['203.0.113.7', 'address'],
    ['2001:db8::1', 'address'],
    ['203.0.113.10-203.0.113.20', 'range'],
    ['2001:db8::1 - 2001:db8::ff', 'range'],
    ['203.0.113.0/24', 'cidr'],
    ['2001:db8::/32', 'cidr'],
    ['::ffff:203.0.113.0/120', 'cidr'],
  ])('reads %s as a %s', (text, kind) => {
    const parsed = parseEntry(text);
    expect('entry' in parsed && parsed.entry.kind).toBe(kind);
  });

  it.each([
    ['example.com', 'not an IP address'],
    ['10.1', 'not an IP address'],
    ['0x7f.0.0.1', 'not an IP address'],
    ['fe80::1%eth0', 'not an IP address'],
    ['10.0.0.0/33', 'not a CIDR block'],
    ['2001:db8::/129', 'not a CIDR block'],
    ['10.0/8', 'not a CIDR block'],
    ['10.0.0.9-10.0.0.1', 'ends before it starts'],
    ['2001:db8::ff-2001:db8::1', 'ends before it starts'],
    ['10.0.0.1-2001:db8::1', 'same kind'],
    ['10.0.0.1-10.0.0.2-10.0.0.3', 'not a range'],
  ])('refuses %s', (text, message) => {
    const parsed = parseEntry(text);
    expect('error' in parsed && parsed.error).toContain(message);
  });
});

describe('ipAllowed', () => {
  it('lets anyone in when the list is missing or empty', () => {
    expect(ipAllowed(undefined, '198.51.100.1')).toBe(true);
    expect(ipAllowed([], '2001:db8::1')).toBe(true);
  });

  it('matches single addresses, IPv4 ranges and CIDR blocks, edges included', () => {
    const list = ['198.51.100.7', '203.0.113.10-203.0.113.20', '192.0.2.0/25'];
    expect(ipAllowed(list, '198.51.100.7')).toBe(true);
    expect(ipAllowed(list, '198.51.100.8')).toBe(false);
    expect(ipAllowed(list, '203.0.113.10')).toBe(true);
    expect(ipAllowed(list, '203.0.113.20')).toBe(true);
    expect(ipAllowed(list, '203.0.113.21')).toBe(false);
    expect(ipAllowed(list, '192.0.2.127')).toBe(true);
    expect(ipAllowed(list, '192.0.2.128')).toBe(false);
  });

  it('matches IPv6 ranges and blocks, and never an IPv4 address against them', () => {
    const list = ['2001:db8::10-2001:db8::1:0', '2001:db8:ff00::/40'];
    expect(ipAllowed(list, '2001:db8::10')).toBe(true);
    expect(ipAllowed(list, '2001:db8::ffff')).toBe(true);
    expect(ipAllowed(list, '2001:db8::1:1')).toBe(false);
    expect(ipAllowed(list, '2001:db8:ff12::1')).toBe(true);
    expect(ipAllowed(list, '2001:db8:fe00::1')).toBe(false);
    expect(ipAllowed(list, '32.1.13.184')).toBe(false);
  });

  it('reads an IPv4-mapped IPv6 address as its IPv4 address, on either side', () => {
    expect(ipAllowed(['203.0.113.0/24'], '::ffff:203.0.113.9')).toBe(true);
    expect(ipAllowed(['::ffff:203.0.113.0/120'], '203.0.113.9')).toBe(true);
    expect(ipAllowed(['::ffff:203.0.113.5'], '203.0.113.5')).toBe(true);
    expect(ipAllowed(['203.0.113.0/24'], '::ffff:198.51.100.1')).toBe(false);
  });

  it('refuses an unreadable source address when there is a list', () => {
    expect(ipAllowed(['0.0.0.0/0'], 'unknown')).toBe(false);
  });
});

describe('checkAllowList', () => {
  it('trims the lines, drops blank ones and keeps each entry once', () => {
    expect(checkAllowList([' 203.0.113.7 ', '', '203.0.113.7', '2001:db8::/32'])).toEqual({
      entries: ['203.0.113.7', '2001:db8::/32'],
      problems: [],
    });
  });

  it('names every bad line by its number', () => {
    const { problems } = checkAllowList(['203.0.113.7', 'nonsense', '', '10.0.0.0/40']);
    expect(problems.map((problem) => [problem.line, problem.entry])).toEqual([
      [2, 'nonsense'],
      [4, '10.0.0.0/40'],
    ]);
  });

  it(`refuses more than ${MAX_ALLOW_LIST_ENTRIES} entries`, () => {
    const lines = Array.from({ length: MAX_ALLOW_LIST_ENTRIES + 1 }, (_, index) => `10.0.${Math.floor(index / 200)}.${index % 200}`);
    expect(checkAllowList(lines.slice(0, MAX_ALLOW_LIST_ENTRIES)).problems).toEqual([]);
    expect(checkAllowList(lines).problems[0]?.message).toContain(`at most ${MAX_ALLOW_LIST_ENTRIES}`);
  });
});
