// The scheduled jobs locally: the same worker modules EventBridge Scheduler starts in AWS (functions/workers.ts
// `schedule`), run by timers in the local runtime's process. `rate(...)` runs at that interval; `cron(...)` (daily jobs
// here) runs once a day. A run that fails is logged and the next one tries again, as the scheduler's retries would.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { type ScheduleExpressionText, scheduledWorkers } from '#functions/workers.ts';

const UNITS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** Milliseconds between two runs of an expression. */
export function intervalOf(expression: ScheduleExpressionText): number {
  const rate = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(expression);
  if (rate) return Number(rate[1]) * UNITS[rate[2]!]!;
  return UNITS.day!;
}

/** Runs one scheduled job now, as the scheduler would invoke it. */
export async function runScheduledJob(handler: string): Promise<unknown> {
  const url = pathToFileURL(join(import.meta.dirname, '..', '..', 'functions', `${handler}.ts`)).href;
  const module = (await import(url)) as { handler: (event: unknown, context: Context) => Promise<unknown> };
  const context = {
    functionName: `local-${handler}`,
    awsRequestId: `local-${Date.now()}`,
    getRemainingTimeInMillis: () => 60_000,
  } as unknown as Context;
  return module.handler({ source: 'local-scheduler' }, context);
}

/** Starts a timer per scheduled job; the returned function stops them. */
export function startScheduledJobs(log: (message: string) => void = console.error): () => Promise<void> {
  const timers = scheduledWorkers().map(({ handler, expression }) => {
    const timer = setInterval(() => {
      runScheduledJob(handler).catch((error: Error) => log(`Scheduled job ${handler} failed: ${error.message}`));
    }, intervalOf(expression));
    timer.unref();
    return timer;
  });
  return async () => {
    for (const timer of timers) clearInterval(timer);
  };
}
