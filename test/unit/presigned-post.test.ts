// Our presigned POST is the AWS SDK's, byte for byte: same fields, same policy, same signature, for the same clock and
// credentials (the local S3 server checks no signatures, so this is where the signing is proven).

import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { s3 } from '#shared/aws/s3.ts';
import { resetConfigForTests } from '#shared/config.ts';

const saved = { ...process.env };

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-29T21:07:09.123Z'));
  Object.assign(process.env, {
    TABLE_NAME: 'unit',
    MAIL_FROM: 'a@example.test',
    CUSTOMER_CLIENT_ID: 'c',
    STAFF_CLIENT_ID: 's',
    AWS_REGION: 'eu-central-1',
    AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_SESSION_TOKEN: 'session-token',
  });
  delete process.env.S3_ENDPOINT;
  resetConfigForTests();
});

afterEach(() => {
  vi.useRealTimers();
  process.env = { ...saved };
  resetConfigForTests();
});

describe('presignedPost', () => {
  it('signs the same policy and fields as @aws-sdk/s3-presigned-post', async () => {
    const { presignedPost } = await import('#shared/tickets/presigned-post.ts');
    const request = {
      bucket: 'atrium-dev-files-123456789012',
      key: 'attachments/1042/01JD3Q8W5M2K7Z9XG4R6T1V0BN',
      conditions: [
        ['content-length-range', 1, 20 * 1024 * 1024],
        ['eq', '$Content-Type', 'application/pdf'],
      ] as const,
      fields: { 'Content-Type': 'application/pdf' },
      expiresSeconds: 600,
    };
    const ours = await presignedPost(request);
    const sdk = await createPresignedPost(s3(), {
      Bucket: request.bucket,
      Key: request.key,
      Conditions: request.conditions.map((condition) => [...condition]) as never,
      Fields: request.fields,
      Expires: request.expiresSeconds,
    });
    expect(ours.fields).toEqual(sdk.fields);
    expect(ours.fields['X-Amz-Security-Token']).toBe('session-token');
    expect(ours.url).toBe(sdk.url.replace(/\/$/, ''));
  });
});
