// Daily at 03:15 UTC (EventBridge Scheduler; locally a timer): reminds before paid-until, auto-renews from the balance,
// moves unpaid subscriptions due -> overdue -> suspended, ends cancelled ones, applies downgrades at the period's end.
// An operator may run it for a given day by invoking it with `{ "at": "<ISO instant>" }`.

import { countMetrics } from '#shared/observability/metrics.ts';
import { logger } from '#shared/observability/logger.ts';
import { runSubscriptionJob, type SubscriptionJobRun } from '#shared/subscriptions/daily-job.ts';
import { now } from '#shared/time.ts';
import * as z from '#shared/validation.ts';
import { workerHandler } from '#shared/workers/handler.ts';

// The scheduler's event carries nothing we need; an `at` given by hand must be an instant.
const eventSchema = z.object({ at: z.optional(z.iso.datetime()) });

export const handler = workerHandler<unknown, SubscriptionJobRun>(async (event, context) => {
  const parsed = eventSchema.safeParse(event ?? {});
  if (!parsed.success) throw new Error('The event may only carry `at`, an ISO instant.');
  const run = await runSubscriptionJob({
    at: parsed.data.at ? new Date(parsed.data.at) : now(),
    timeLeftMs: () => context.getRemainingTimeInMillis(),
  });
  logger.info('subscription job run', { ...run });
  countMetrics({
    SubscriptionJobExamined: run.examined,
    SubscriptionJobReminded: run.reminded,
    SubscriptionJobMarkedDue: run.markedDue,
    SubscriptionJobMarkedOverdue: run.markedOverdue,
    SubscriptionJobSuspended: run.suspended,
    SubscriptionJobEnded: run.ended,
    SubscriptionJobAutoRenewed: run.autoRenewed,
    SubscriptionJobAutoRenewFailed: run.autoRenewFailed,
    SubscriptionJobPlansApplied: run.plansApplied,
    SubscriptionJobSkipped: run.skipped,
    SubscriptionJobMore: run.more ? 1 : 0,
  });
  return run;
});
