// The shape of every non-HTTP handler: middy with Powertools logging, and the event validated before use.

import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import { logger } from '#shared/observability/logger.ts';

export function workerHandler<Event, Result>(
  handle: (event: Event, context: Context) => Promise<Result>,
): (event: Event, context: Context) => Promise<Result> {
  return middy<Event, Result>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(handle);
}
