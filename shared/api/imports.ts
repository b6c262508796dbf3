// Contracts of importing accounts from an old portal (admin only): the dry run of a CSV file and the import itself, in
// batches the client sends one by one (docs/operations.md "Importing accounts from an old portal").

import { contract, json, staff } from '#shared/api/contract.ts';
import { IMPORT_COLUMNS, MAX_IMPORT_BYTES, RECORD_KINDS, ROW_ERROR_CODES } from '#shared/imports/format.ts';
import * as z from '#shared/validation.ts';

/** The file travels as text in JSON (the page reads it in the browser): up to 1 MB of CSV, escaped. */
export const IMPORT_MAX_BODY_BYTES = 2 * MAX_IMPORT_BYTES + 4096;

const importFile = z.strictObject({
  csv: z.string().check(z.minLength(1), z.maxLength(MAX_IMPORT_BYTES)),
  /** Shown in the audit entry: which file was imported. */
  fileName: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
});

const counts = z.strictObject({ account: z.number(), user: z.number(), contract: z.number(), licence: z.number() });

const planEntry = z.strictObject({
  line: z.number(),
  record: z.enum(RECORD_KINDS),
  /** Old account id, e-mail, contract number or serial. */
  key: z.string(),
  /** The old account id the row belongs to. */
  account: z.optional(z.string()),
  action: z.enum(['create', 'skip']),
});

export const rowError = z.strictObject({
  line: z.number(),
  column: z.optional(z.enum(IMPORT_COLUMNS)),
  code: z.enum(ROW_ERROR_CODES),
  /** The English detail; the page shows `code` in the staff user's language. */
  message: z.string(),
});

export const dryRunImport = contract({
  method: 'POST',
  path: '/api/admin/imports/dry-run',
  summary: 'Admin: what importing this CSV file would create and skip, and every row error with its line; writes nothing.',
  access: staff('admin'),
  // A POST only because the file is a body; it changes nothing, so it leaves no audit entry.
  readOnly: true,
  maxBodyBytes: IMPORT_MAX_BODY_BYTES,
  request: { body: importFile },
  response: json(
    z.strictObject({
      rows: z.number(),
      entries: z.array(planEntry),
      create: counts,
      skip: counts,
      errors: z.array(rowError),
    }),
  ),
});

export const runImport = contract({
  method: 'POST',
  path: '/api/admin/imports',
  summary:
    'Admin: imports the next batch of this CSV file in one transaction with its audit entry; send the same file again while `remaining` is above 0. A file with row errors imports nothing (400 IMPORT_HAS_ERRORS).',
  access: staff('admin'),
  audit: { action: 'import.run', reason: 'none' },
  maxBodyBytes: IMPORT_MAX_BODY_BYTES,
  request: { body: importFile },
  response: json(
    z.strictObject({
      entries: z.array(planEntry),
      created: counts,
      remaining: z.number(),
      skipped: z.number(),
    }),
  ),
});
