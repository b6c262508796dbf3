// A presigned POST policy (S3's browser-based upload) for one attachment, signed by the AWS SDK's own
// @aws-sdk/s3-presigned-post with the shared S3 client's credentials and region: no signing code of ours.

import { createPresignedPost, type PresignedPostOptions } from '@aws-sdk/s3-presigned-post';
import { s3 } from '#shared/aws/s3.ts';

export type PolicyCondition = NonNullable<PresignedPostOptions['Conditions']>[number];

export async function presignedPost(request: {
  bucket: string;
  key: string;
  conditions: PolicyCondition[];
  fields: Record<string, string>;
  expiresSeconds: number;
}): Promise<{ url: string; fields: Record<string, string> }> {
  const post = await createPresignedPost(s3(), {
    Bucket: request.bucket,
    Key: request.key,
    Conditions: request.conditions,
    Fields: request.fields,
    Expires: request.expiresSeconds,
  });
  // The bucket's URL without the SDK's trailing slash: the same form POSTs either way.
  return { url: post.url.replace(/\/$/, ''), fields: post.fields };
}
