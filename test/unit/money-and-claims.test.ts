// Small pure rules: money in whole minor units, and group claims as API Gateway delivers them.

import { describe, expect, it } from 'vitest';
import { groupsOf } from '#shared/accounts/caller.ts';
import { maskEmail } from '#shared/email.ts';
import { money, sum } from '#shared/money.ts';

describe('money', () => {
  it('adds amounts of one currency in minor units', () => {
    expect(sum([money(1999, 'EUR'), money(1, 'EUR')], 'EUR')).toEqual({ amountMinor: 2000, currency: 'EUR' });
  });
  it('refuses fractions of a minor unit and mixed currencies', () => {
    expect(() => money(10.5, 'EUR')).toThrow();
    expect(() => sum([money(1, 'EUR'), money(1, 'PLN')], 'EUR')).toThrow(/PLN/);
  });
});

describe('claims', () => {
  it('reads cognito:groups as API Gateway flattens it, and as a plain list', () => {
    expect(groupsOf({ 'cognito:groups': '[admin support]' })).toEqual(['admin', 'support']);
    expect(groupsOf({ 'cognito:groups': ['billing'] })).toEqual(['billing']);
    expect(groupsOf({})).toEqual([]);
  });
  it('masks an e-mail address for display', () => {
    expect(maskEmail('anna@nordwind.example')).toBe('a***@nordwind.example');
  });
});
