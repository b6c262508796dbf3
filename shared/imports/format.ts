// The account import's file format, as constants: pure (no zod, no Node), so the API contract and the web page share
// it with the server's reader (rows.ts). docs/operations.md "Importing accounts from an old portal" describes it.

/** At most this many rows after the header, and this many bytes of file: one request reads and plans the whole file. */
export const MAX_IMPORT_ROWS = 1000;
export const MAX_IMPORT_BYTES = 1024 * 1024;

export const RECORD_KINDS = ['account', 'user', 'contract', 'licence'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Every column the format knows; a file may leave out the ones it never fills, but not add others. */
export const IMPORT_COLUMNS = [
  'record',
  'account_id',
  'name',
  'email',
  'country',
  'role',
  'locale',
  'number',
  'product',
  'edition',
  'users',
  'serial',
  'purchased_on',
  'support_years',
  'days',
  'order',
  'starts_on',
  'ends_on',
  'activation_code',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** What is wrong with a row (or the file): stable codes the page says in the staff user's language. */
export const ROW_ERROR_CODES = [
  'FILE_TOO_LARGE',
  'CSV_SYNTAX',
  'EMPTY_FILE',
  'UNKNOWN_COLUMN',
  'DUPLICATE_COLUMN',
  'NO_RECORD_COLUMN',
  'TOO_MANY_ROWS',
  'TOO_MANY_FIELDS',
  'UNKNOWN_RECORD',
  'INVALID_VALUE',
  'DUPLICATE_ROW',
  'ENDS_BEFORE_START',
  'UNKNOWN_ACCOUNT',
] as const;
export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];
