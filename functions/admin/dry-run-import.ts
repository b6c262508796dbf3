// Admin: the dry run of an import from an old portal: what the CSV file would create and skip, and every row error
// with its line and column. Reads by key only and writes nothing.

import { staffCaller } from '#shared/accounts/caller.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { planImport, planView } from '#shared/imports/plan.ts';
import * as api from '#shared/api/imports.ts';

export const handler = httpHandler(api.dryRunImport, async ({ body, event }) => {
  await staffCaller(event);
  return { body: planView(await planImport(body.csv)) };
});
