// The one S3 client (ticket attachments, received mail). Locally it talks to the local S3 server (s3rver), which only
// answers path-style requests; in AWS the SDK resolves the endpoint itself.

import { S3Client } from '@aws-sdk/client-s3';
import { clientOptions, once } from '#shared/aws/client-options.ts';
import { config } from '#shared/config.ts';

export const s3 = once(() => {
  const { region, s3Endpoint } = config();
  return new S3Client({ ...clientOptions(region, s3Endpoint), ...(s3Endpoint ? { forcePathStyle: true } : {}) });
});

/** The files bucket; a function that needs it and runs without one is misconfigured (its route table entry grants it). */
export function filesBucket(): string {
  const bucket = config().filesBucket;
  if (!bucket) throw new Error('Missing required environment variable FILES_BUCKET');
  return bucket;
}
