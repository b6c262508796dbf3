// Staff: one month's SLA report (first-response and resolution times per SLA level and priority), as the daily job left it.

import { staffCaller } from '#shared/accounts/caller.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { readSlaReport } from '#shared/tickets/sla-report.ts';
import * as api from '#shared/api/sla.ts';

export const handler = httpHandler(api.getSlaReport, async ({ query, event }) => {
  await staffCaller(event);
  return { body: (await readSlaReport(query.month)) ?? { month: query.month, rows: [] } };
});
