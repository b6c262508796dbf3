// Admin: imports the next batch of a CSV file from an old portal (accounts, migrated users, contracts, licences) in one
// transaction with its audit entry; the page sends the file again while rows remain. Idempotent by natural keys.

import { httpHandler } from '#shared/http/handler.ts';
import { importAuditTarget, runImportBatch } from '#shared/imports/run-import.ts';
import * as api from '#shared/api/imports.ts';

export const handler = httpHandler(api.runImport, async ({ body, audit }) => {
  const target = importAuditTarget(body.csv, body.fileName);
  const result = await runImportBatch(body.csv, (items, summary) =>
    audit.commit({ target, changes: summary.changes, items }).then(() => undefined),
  );
  return { body: result };
});
