// Cursors are opaque to clients, and can never move a query into another partition.

import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '#shared/db/page.ts';
import { ValidationError } from '#shared/http/errors.ts';

describe('page cursors', () => {
  it("keeps the caller's partition whatever the cursor says", () => {
    const cursor = encodeCursor({ PK: 'ACCOUNT#victim', SK: 'LICENCE#01ABC' });
    const key = decodeCursor(cursor, { partition: 'ACCOUNT#caller', sortKeyPrefix: 'LICENCE#' });
    expect(key).toEqual({ PK: 'ACCOUNT#caller', SK: 'LICENCE#01ABC' });
  });

  it('refuses a cursor from another kind of list', () => {
    const cursor = encodeCursor({ PK: 'ACCOUNT#caller', SK: 'ORDER#01ABC' });
    expect(() => decodeCursor(cursor, { partition: 'ACCOUNT#caller', sortKeyPrefix: 'LICENCE#' })).toThrow(ValidationError);
  });

  it('refuses garbage, extra keys and non-string values', () => {
    const query = { partition: 'ACCOUNT#caller' };
    for (const cursor of [
      '%%%',
      encodeCursor({ PK: 'a' } as never),
      Buffer.from('{"PK":1,"SK":2}').toString('base64url'),
      encodeCursor({ PK: 'a', SK: 'b', X: 'c' }),
    ]) {
      expect(() => decodeCursor(cursor, query), cursor).toThrow(ValidationError);
    }
  });

  it('needs all four keys for a GSI1 cursor', () => {
    const cursor = encodeCursor({ PK: 'ACCOUNT#1', SK: 'ACCOUNT', GSI1PK: 'ACCOUNTS', GSI1SK: '2024#1' });
    expect(decodeCursor(cursor, { index: 'GSI1', partition: 'ACCOUNTS' })).toMatchObject({ GSI1PK: 'ACCOUNTS', GSI1SK: '2024#1' });
    expect(() => decodeCursor(encodeCursor({ PK: 'ACCOUNT#1', SK: 'ACCOUNT' }), { index: 'GSI1', partition: 'ACCOUNTS' })).toThrow(
      ValidationError,
    );
  });

  it('refuses empty or over-long key values, which DynamoDB would reject with a 500', () => {
    const query = { index: 'GSI1' as const, partition: 'ACCOUNTS' };
    for (const key of [
      { PK: '', SK: '', GSI1PK: '', GSI1SK: '' },
      { PK: 'ACCOUNT#1', SK: '', GSI1PK: 'ACCOUNTS', GSI1SK: '2024#1' },
      { PK: 'ACCOUNT#1', SK: 'ACCOUNT', GSI1PK: 'ACCOUNTS', GSI1SK: 'x'.repeat(1025) },
      { PK: 'x'.repeat(2049), SK: 'ACCOUNT', GSI1PK: 'ACCOUNTS', GSI1SK: '2024#1' },
    ]) {
      expect(() => decodeCursor(encodeCursor(key), query), JSON.stringify(key).slice(0, 60)).toThrow(ValidationError);
    }
    expect(() => decodeCursor(encodeCursor({ PK: 'ACCOUNT#caller', SK: '' }), { partition: 'ACCOUNT#caller' })).toThrow(ValidationError);
  });
});
