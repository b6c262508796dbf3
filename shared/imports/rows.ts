// The account import's file format (docs/operations.md "Importing accounts from an old portal"): one CSV, a header
// row, one record per row, its kind in the `record` column. This turns the file's text into typed rows and row errors
// (line and column), with nothing read from the table: the plan (plan.ts) adds what the table already holds.

import { normaliseActivationCode, normaliseContractNumber } from '#shared/contracts/activation.ts';
import { normaliseEmail } from '#shared/email.ts';
import { CUSTOMER_ROLES, type CustomerRole, roleOf } from '#shared/accounts/roles.ts';
import { emailSchema } from '#shared/http/schemas.ts';
import { LOCALES, type Locale } from '#shared/i18n/locale.ts';
import { CsvSyntaxError, parseCsv } from '#shared/imports/csv.ts';
import {
  IMPORT_COLUMNS,
  type ImportColumn,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  RECORD_KINDS,
  type RecordKind,
} from '#shared/imports/format.ts';
import * as z from '#shared/validation.ts';
import type { RowErrorCode } from '#shared/imports/format.ts';

export interface RowError {
  line: number;
  column?: ImportColumn | undefined;
  /** Stable, so the page can say it in the staff user's language; `message` is the English detail. */
  code: RowErrorCode;
  message: string;
}

export interface AccountRow {
  record: 'account';
  line: number;
  /** The old portal's id of the account: the natural key a second import finds it by. */
  accountRef: string;
  name: string;
  email: string;
  country?: string | undefined;
}

export interface UserRow {
  record: 'user';
  line: number;
  accountRef: string;
  email: string;
  role: CustomerRole;
  locale: Locale;
}

export interface ContractRow {
  record: 'contract';
  line: number;
  /** Absent: an unassigned contract, for a customer to claim with its activation code at sign-up. */
  accountRef?: string | undefined;
  number: string;
  product: string;
  startsOn: string;
  endsOn: string;
  activationCode?: string | undefined;
}

export interface LicenceRow {
  record: 'licence';
  line: number;
  accountRef: string;
  serial: string;
  product: string;
  edition: string;
  users: number;
  purchasedOn: string;
  supportYears: number;
  days?: number | undefined;
  order?: string | undefined;
}

export type ImportRow = AccountRow | UserRow | ContractRow | LicenceRow;

export interface ParsedImport {
  rows: ImportRow[];
  errors: RowError[];
  /** Data rows read (after the header), valid or not. */
  rowCount: number;
}

const text = (max: number) => z.string().check(z.trim(), z.minLength(1, 'Required.'), z.maxLength(max));
const optionalText = (max: number) => z.optional(text(max));
const date = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD.'),
  z.refine(
    (value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    'Not a real date.',
  ),
);
const wholeNumber = (min: number, max: number) =>
  z.pipe(
    z.string().check(z.regex(/^\d+$/, 'A whole number.')),
    z.pipe(
      z.transform((value: string) => Number(value)),
      z.number().check(z.int(), z.minimum(min), z.maximum(max)),
    ),
  );

// One schema per record kind, keyed by column: an issue's path is the column that is wrong.
const schemas = {
  account: z.object({
    account_id: text(100),
    name: text(200),
    email: emailSchema,
    country: z.optional(z.string().check(z.trim(), z.regex(/^[A-Za-z]{2}$/, 'A two-letter country code such as PL.'))),
  }),
  user: z.object({
    account_id: text(100),
    email: emailSchema,
    // `contact` is the old portals' word for a person who is not the owner: read-only here (roleOf).
    role: z.optional(z.enum([...CUSTOMER_ROLES, 'contact'])),
    locale: z.optional(z.enum(LOCALES)),
  }),
  contract: z.object({
    account_id: optionalText(100),
    number: z.string().check(z.trim(), z.regex(/^[A-Za-z0-9][A-Za-z0-9/_-]{0,63}$/, 'Letters, digits, / _ - (at most 64).')),
    product: text(200),
    starts_on: date,
    ends_on: date,
    activation_code: z.optional(z.string().check(z.trim(), z.regex(/^[A-Za-z0-9 -]{8,64}$/, 'Letters and digits, 8 to 64.'))),
  }),
  licence: z.object({
    account_id: text(100),
    serial: z.string().check(z.trim(), z.regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/, 'Letters, digits, . _ / - (at most 64).')),
    product: text(200),
    edition: text(100),
    users: wholeNumber(1, 100_000),
    purchased_on: date,
    support_years: z.optional(wholeNumber(0, 10)),
    days: z.optional(wholeNumber(1, 36_500)),
    order: optionalText(64),
  }),
};

function asColumn(name: unknown): ImportColumn | undefined {
  return (IMPORT_COLUMNS as readonly unknown[]).includes(name) ? (name as ImportColumn) : undefined;
}

/** The row's fields by column; empty cells are absent, so optional columns may be left blank or left out. */
function cellsOf(header: ImportColumn[], fields: string[]): Record<string, string> {
  const cells: Record<string, string> = {};
  header.forEach((column, index) => {
    const value = fields[index]?.trim() ?? '';
    if (value !== '') cells[column] = value;
  });
  return cells;
}

type Parsed<K extends RecordKind> = z.output<(typeof schemas)[K]>;

/** Each record kind's row from its parsed columns, typed by that kind's schema (no casts on the cells). */
const rowBuilders: { [K in RecordKind]: (line: number, d: Parsed<K>) => ImportRow } = {
  account: (line, d) => ({
    record: 'account',
    line,
    accountRef: d.account_id,
    name: d.name,
    email: normaliseEmail(d.email),
    country: d.country?.toUpperCase(),
  }),
  user: (line, d) => ({
    record: 'user',
    line,
    accountRef: d.account_id,
    email: normaliseEmail(d.email),
    role: roleOf(d.role ?? 'contact'),
    locale: d.locale ?? 'en',
  }),
  contract: (line, d) => ({
    record: 'contract',
    line,
    accountRef: d.account_id,
    number: normaliseContractNumber(d.number),
    product: d.product,
    startsOn: d.starts_on,
    endsOn: d.ends_on,
    activationCode: d.activation_code === undefined ? undefined : normaliseActivationCode(d.activation_code),
  }),
  licence: (line, d) => ({
    record: 'licence',
    line,
    accountRef: d.account_id,
    serial: d.serial.toUpperCase(),
    product: d.product,
    edition: d.edition,
    users: d.users,
    purchasedOn: d.purchased_on,
    supportYears: d.support_years ?? 0,
    days: d.days,
    order: d.order,
  }),
};

/** Parses one record's cells with its kind's schema and builds its row: the issues, or the row. */
function parseRow<K extends RecordKind>(kind: K, line: number, cells: Record<string, string>) {
  const result = schemas[kind].safeParse(cells);
  return result.success ? { success: true as const, row: rowBuilders[kind](line, result.data as Parsed<K>) } : result;
}

/** The natural key a record is found by on a second import, and the error when a file repeats it. */
export function naturalKey(row: ImportRow): string {
  switch (row.record) {
    case 'account':
      return row.accountRef;
    case 'user':
      // One person may have been a user of several old accounts: one row per account.
      return `${row.accountRef} ${row.email}`;
    case 'contract':
      return row.number;
    case 'licence':
      return row.serial;
  }
}

const KEY_COLUMN: Record<RecordKind, ImportColumn> = { account: 'account_id', user: 'email', contract: 'number', licence: 'serial' };

/** Reads the file: typed rows for the valid ones, an error (line, column, message) for every problem found. */
export function parseImportFile(csv: string): ParsedImport {
  if (Buffer.byteLength(csv, 'utf8') > MAX_IMPORT_BYTES) {
    return {
      rows: [],
      rowCount: 0,
      errors: [{ line: 1, code: 'FILE_TOO_LARGE', message: `The file is larger than ${MAX_IMPORT_BYTES} bytes; split it.` }],
    };
  }
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(csv);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      return { rows: [], rowCount: 0, errors: [{ line: error.line, code: 'CSV_SYNTAX', message: error.message }] };
    throw error;
  }
  const [headerRecord, ...dataRecords] = records;
  if (!headerRecord)
    return { rows: [], rowCount: 0, errors: [{ line: 1, code: 'EMPTY_FILE', message: 'The file is empty: it needs a header row.' }] };

  const errors: RowError[] = [];
  const header: ImportColumn[] = [];
  const seenColumns = new Set<string>();
  for (const name of headerRecord.fields.map((field) => field.trim().toLowerCase())) {
    const column = asColumn(name);
    if (!column)
      errors.push({
        line: headerRecord.line,
        code: 'UNKNOWN_COLUMN',
        message: `Unknown column "${name}". Columns: ${IMPORT_COLUMNS.join(', ')}.`,
      });
    else if (seenColumns.has(column))
      errors.push({ line: headerRecord.line, column, code: 'DUPLICATE_COLUMN', message: 'This column appears twice.' });
    seenColumns.add(name);
    header.push(column ?? ('record' as ImportColumn));
  }
  if (!seenColumns.has('record'))
    errors.push({ line: headerRecord.line, column: 'record', code: 'NO_RECORD_COLUMN', message: 'The header needs a "record" column.' });
  if (errors.length) return { rows: [], rowCount: dataRecords.length, errors };
  if (dataRecords.length > MAX_IMPORT_ROWS) {
    return {
      rows: [],
      rowCount: dataRecords.length,
      errors: [
        { line: dataRecords[MAX_IMPORT_ROWS]!.line, code: 'TOO_MANY_ROWS', message: `At most ${MAX_IMPORT_ROWS} rows per file; split it.` },
      ],
    };
  }

  const rows: ImportRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const record of dataRecords) {
    if (record.fields.length > header.length) {
      errors.push({
        line: record.line,
        code: 'TOO_MANY_FIELDS',
        message: `This row has ${record.fields.length} fields; the header has ${header.length}.`,
      });
      continue;
    }
    const cells = cellsOf(header, record.fields);
    const kind = cells.record?.toLowerCase();
    if (!(RECORD_KINDS as readonly string[]).includes(kind ?? '')) {
      errors.push({
        line: record.line,
        column: 'record',
        code: 'UNKNOWN_RECORD',
        message: `The record must be one of: ${RECORD_KINDS.join(', ')}.`,
      });
      continue;
    }
    const recordKind = kind as RecordKind;
    const result = parseRow(recordKind, record.line, cells);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const column = asColumn(issue.path[0]);
        errors.push({ line: record.line, column, code: 'INVALID_VALUE', message: issue.message });
      }
      continue;
    }
    const { row } = result;
    const identity = `${row.record}:${naturalKey(row)}`;
    const first = firstLineOf.get(identity);
    if (first !== undefined) {
      errors.push({
        line: row.line,
        column: KEY_COLUMN[row.record],
        code: 'DUPLICATE_ROW',
        message: `The same ${row.record} is already on line ${first}.`,
      });
      continue;
    }
    if (row.record === 'contract' && row.endsOn < row.startsOn) {
      errors.push({ line: row.line, column: 'ends_on', code: 'ENDS_BEFORE_START', message: 'The contract ends before it starts.' });
      continue;
    }
    firstLineOf.set(identity, row.line);
    rows.push(row);
  }
  return { rows, rowCount: dataRecords.length, errors };
}

export { IMPORT_COLUMNS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, RECORD_KINDS, type ImportColumn, type RecordKind };
