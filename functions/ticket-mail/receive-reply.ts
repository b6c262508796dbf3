// Adds customers' replies by e-mail to their tickets: S3 tells this worker of each mail SES stored under `inbound/`.

import type { S3Event } from 'aws-lambda';
import { type InboundResult, receiveReplyObject } from '#shared/tickets/inbound/receive-reply.ts';
import { workerHandler } from '#shared/workers/handler.ts';

/** S3 event keys are URL-encoded, with `+` for a space. */
function objectKey(encoded: string): string {
  return decodeURIComponent(encoded.replace(/\+/g, ' '));
}

// Records one after another: S3 sends one per object, and a failure is retried by Lambda (async invocation) as a whole;
// a mail already appended is then found by its claim and not added twice.
export const handler = workerHandler<S3Event, { results: InboundResult[] }>(async (event) => {
  const results: InboundResult[] = [];
  for (const record of event.Records ?? []) {
    results.push(await receiveReplyObject(record.s3.bucket.name, objectKey(record.s3.object.key)));
  }
  return { results };
});
