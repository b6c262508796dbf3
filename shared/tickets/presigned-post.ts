// A presigned POST policy (S3's browser-based upload, SigV4) signed with the shared S3 client's credentials and region.
// It does what @aws-sdk/s3-presigned-post's createPresignedPost does (a unit test holds the two to the same output),
// without that package: it pins an older @aws-sdk/client-s3 of its own, which added ~76 KB to the upload handler.

import { createHmac } from 'node:crypto';
import { s3 } from '#shared/aws/s3.ts';
import { config } from '#shared/config.ts';

export type PolicyCondition = Record<string, string> | ReadonlyArray<string | number>;

const iso8601 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** Where the browser POSTs: the bucket path on the local S3 server, else the bucket's virtual-hosted regional endpoint. */
function bucketUrl(bucket: string, region: string): string {
  const { s3Endpoint } = config();
  return s3Endpoint ? `${s3Endpoint.replace(/\/$/, '')}/${bucket}` : `https://${bucket}.s3.${region}.amazonaws.com`;
}

export async function presignedPost(request: {
  bucket: string;
  key: string;
  conditions: readonly PolicyCondition[];
  fields: Record<string, string>;
  expiresSeconds: number;
}): Promise<{ url: string; fields: Record<string, string> }> {
  const client = s3();
  const now = new Date(Date.now() + (client.config.systemClockOffset ?? 0));
  const signingDate = iso8601(now).replace(/[-:]/g, '');
  const shortDate = signingDate.slice(0, 8);
  const region = await client.config.region();
  const credentials = await client.config.credentials();
  const scope = `${shortDate}/${region}/s3/aws4_request`;
  const fields: Record<string, string> = {
    ...request.fields,
    bucket: request.bucket,
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `${credentials.accessKeyId}/${scope}`,
    'X-Amz-Date': signingDate,
    ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}),
  };
  const conditions = new Set<string>(request.conditions.map((condition) => JSON.stringify(condition)));
  for (const [name, value] of Object.entries(fields)) conditions.add(JSON.stringify({ [name]: value }));
  conditions.add(JSON.stringify({ key: request.key }));
  const policy = Buffer.from(
    JSON.stringify({
      expiration: iso8601(new Date(now.getTime() + request.expiresSeconds * 1000)),
      conditions: [...conditions].map((condition) => JSON.parse(condition) as unknown),
    }),
    'utf8',
  ).toString('base64');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, shortDate), region), 's3'), 'aws4_request');
  return {
    url: bucketUrl(request.bucket, region),
    fields: { ...fields, key: request.key, Policy: policy, 'X-Amz-Signature': hmac(signingKey, policy).toString('hex') },
  };
}
