// Support contracts and their activation codes: a contract is sold with a one-time code, and the customer who signs
// up with the contract number and that code gets the contract on their new account.

import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { contractFromItem, contractKey, type Contract } from '#shared/contracts/contract.ts';
import { AppError, ConflictError } from '#shared/http/errors.ts';

export type { Contract };

/** People type codes with or without dashes and spaces, in any case. */
export function normaliseActivationCode(code: string): string {
  return code.replace(/[\s-]+/g, '').toUpperCase();
}

export function normaliseContractNumber(contractNumber: string): string {
  return contractNumber.trim().toUpperCase();
}

export function hashActivationCode(code: string): string {
  return createHash('sha256').update(normaliseActivationCode(code)).digest('base64url');
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 60 random bits as XXXX-XXXX-XXXX-XXXX... in Crockford base 32 (no I, L, O, U to misread). */
export function newCode(groups: number): string {
  return Array.from({ length: groups }, () => Array.from({ length: 4 }, () => CROCKFORD[randomInt(32)]).join('')).join('-');
}

/** Digits and capitals without 0, O, 1 and I, which people misread on paper: 32 symbols, 5 bits each. */
export const ACTIVATION_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const ACTIVATION_CODE_GROUPS = 4;

/**
 * A new contract activation code: four groups of four symbols (80 random bits, e.g. `K7QD-4M2X-P9TB-H3NW`). It is
 * shown once and stored only as its hash: with 2^80 possible codes an unsalted SHA-256 cannot be reversed by trying.
 */
export function newActivationCode(): string {
  return Array.from({ length: ACTIVATION_CODE_GROUPS }, () =>
    Array.from({ length: 4 }, () => ACTIVATION_CODE_ALPHABET[randomInt(ACTIVATION_CODE_ALPHABET.length)]).join(''),
  ).join('-');
}

export const contractErrors = {
  invalid: () =>
    new AppError(
      400,
      'ACTIVATION_CODE_INVALID',
      'The contract number or activation code is not right. Check them on the contract document.',
    ),
  used: () =>
    new ConflictError(
      'This activation code has already been used. If it was not you, contact us; otherwise sign in to the account that has the contract.',
      'ACTIVATION_CODE_USED',
    ),
};

/** Checks a contract number and its code before an account is created; the claim itself is conditional on the same. */
export async function checkActivationCode(contractNumber: string, activationCode: string): Promise<Contract> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: contractKey(normaliseContractNumber(contractNumber)) }));
  const contract = found.Item ? contractFromItem(found.Item) : undefined;
  const expected = Buffer.from(contract?.activationCodeHash ?? hashActivationCode('no contract'));
  const actual = Buffer.from(hashActivationCode(activationCode));
  const matches = expected.length === actual.length && timingSafeEqual(expected, actual);
  // A contract staff assigned at creation has no code: nothing typed can claim it.
  if (!contract?.activationCodeHash || !matches) throw contractErrors.invalid();
  if (contract.accountId) throw contractErrors.used();
  return contract;
}
