// Identifiers: ULIDs, so that ids taken at purchase time sort by time inside a partition.

import { createHash } from 'node:crypto';
import { encodeTime, ulid } from 'ulid';

export function newId(at?: Date): string {
  return ulid(at?.getTime());
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID that is the same every time for the same time and name: seed data stays idempotent. */
export function stableId(at: Date, name: string): string {
  const digest = createHash('sha256').update(name).digest();
  let random = '';
  for (let index = 0; index < 16; index += 1) random += CROCKFORD[digest[index]! % 32];
  return encodeTime(at.getTime(), 10) + random;
}
