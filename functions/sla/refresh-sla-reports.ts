// Daily (EventBridge Scheduler; locally a timer): recomputes this month's SLA report (and last month's early in a month).

import { logger } from '#shared/observability/logger.ts';
import { supportCalendar } from '#shared/tickets/business-hours.ts';
import { refreshSlaReports } from '#shared/tickets/sla-report.ts';
import { now } from '#shared/time.ts';
import { workerHandler } from '#shared/workers/handler.ts';

export const handler = workerHandler<unknown, { months: string[] }>(async () => {
  const months = await refreshSlaReports(now(), supportCalendar());
  logger.info('SLA reports refreshed', { months });
  return { months };
});
