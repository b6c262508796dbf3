// Support contracts' pure parts: the activation code (alphabet, length, distinctness, typed forgivingly), the contract
// number and date schemas, and the staff view (status computed, never the code's hash).

import { describe, expect, it } from 'vitest';
import { ACTIVATION_CODE_ALPHABET, hashActivationCode, newActivationCode, normaliseActivationCode } from '#shared/contracts/activation.ts';
import { contractDateSchema, contractNumberPrefixSchema, contractNumberSchema, termIsOrdered } from '#shared/contracts/fields.ts';
import { toStaffContract } from '#shared/contracts/staff-contracts.ts';

describe('activation codes', () => {
  it('are four groups of four symbols without 0, O, 1 or I: 80 random bits', () => {
    // Act
    const codes = Array.from({ length: 2000 }, newActivationCode);
    // Assess
    expect(ACTIVATION_CODE_ALPHABET).toHaveLength(32);
    expect(ACTIVATION_CODE_ALPHABET).not.toMatch(/[0O1I]/);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
    // Every symbol turns up: the generator draws from the whole alphabet.
    expect(new Set(codes.join('').replace(/-/g, ''))).toEqual(new Set(ACTIVATION_CODE_ALPHABET));
  });

  it('hash the same however they are typed (case, spaces, dashes), and differently for another code', () => {
    const code = 'K7QD-4M2X-P9TB-H3NW';
    expect(normaliseActivationCode(' k7qd 4m2x-p9tb h3nw ')).toBe('K7QD4M2XP9TBH3NW');
    expect(hashActivationCode('k7qd4m2x p9tb-h3nw')).toBe(hashActivationCode(code));
    expect(hashActivationCode('K7QD-4M2X-P9TB-H3NX')).not.toBe(hashActivationCode(code));
    expect(hashActivationCode(code)).not.toContain('K7QD');
  });
});

describe('contract fields', () => {
  it('normalises contract numbers to upper case and refuses other characters', () => {
    expect(contractNumberSchema.parse(' ctr-2026-0042 ')).toBe('CTR-2026-0042');
    for (const bad of ['', 'CTR 2026', 'CTR/2026', '-CTR', 'CTR-', 'Ł-1', 'X'.repeat(41)]) {
      expect(contractNumberSchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(contractNumberPrefixSchema.parse('ctr-20')).toBe('CTR-20');
    expect(contractNumberPrefixSchema.safeParse('CTR#').success).toBe(false);
  });

  it('accepts only real calendar days as YYYY-MM-DD', () => {
    for (const good of ['2026-01-31', '2028-02-29']) expect(contractDateSchema.safeParse(good).success, good).toBe(true);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-5', '31.01.2026', '2026-01-31T00:00:00Z']) {
      expect(contractDateSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('orders a term by its days; one day is a term', () => {
    expect(termIsOrdered('2026-01-01', '2026-12-31')).toBe(true);
    expect(termIsOrdered('2026-06-01', '2026-06-01')).toBe(true);
    expect(termIsOrdered('2026-06-02', '2026-06-01')).toBe(false);
  });
});

describe('the staff view of a contract', () => {
  const contract = {
    contractNumber: 'CTR-1',
    product: 'Support',
    sla: 'priority' as const,
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    activationCodeHash: 'secret-hash',
    createdAt: '2025-12-01T09:00:00.000Z',
  };

  it('computes the status from the clock and leaves the code’s hash out', () => {
    const at = (iso: string) => toStaffContract(contract, new Date(iso));
    expect(at('2025-12-31T23:59:59Z').status).toBe('upcoming');
    expect(at('2026-06-01T00:00:00Z').status).toBe('active');
    expect(at('2026-12-15T00:00:00Z').status).toBe('expiring');
    // The last day is included in the term.
    expect(at('2026-12-31T23:59:59Z').status).toBe('expiring');
    expect(at('2027-01-01T00:00:00Z').status).toBe('expired');
    expect(at('2026-06-01T00:00:00Z')).not.toHaveProperty('activationCodeHash');
    expect(at('2026-06-01T00:00:00Z').claimed).toBe(false);
    expect(toStaffContract({ ...contract, accountId: 'acc-1' }, new Date('2026-06-01')).claimed).toBe(true);
  });
});
