// Hourly (EventBridge Scheduler; locally a timer): shop orders still unpaid past their expiry become expired.

import { logger } from '#shared/observability/logger.ts';
import { expireOrders } from '#shared/shop/order-expiry.ts';
import { now } from '#shared/time.ts';
import { workerHandler } from '#shared/workers/handler.ts';

export const handler = workerHandler<unknown, { checked: number; expired: number; partlyPaid: number }>(async () => {
  const run = await expireOrders(now());
  logger.info('unpaid orders expired', { checked: run.checked, expired: run.expired.length, partlyPaid: run.partlyPaid, pages: run.pages });
  return { checked: run.checked, expired: run.expired.length, partlyPaid: run.partlyPaid };
});
