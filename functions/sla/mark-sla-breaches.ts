// Hourly (EventBridge Scheduler; locally a timer): marks open tickets whose SLA due times passed and mails their assignee.

import { logger } from '#shared/observability/logger.ts';
import { markSlaBreaches } from '#shared/tickets/sla-breaches.ts';
import { now } from '#shared/time.ts';
import { workerHandler } from '#shared/workers/handler.ts';

export const handler = workerHandler<unknown, { checked: number; marked: number }>(async () => {
  const run = await markSlaBreaches(now());
  logger.info('SLA breaches checked', { checked: run.checked, marked: run.marked.length, pages: run.pages });
  return { checked: run.checked, marked: run.marked.length };
});
