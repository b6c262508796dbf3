// Integration tests: one DynamoDB Local (in memory), one local SES v2 server and one local S3 server per run, on free ports.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '#infra/local/dynamodb-local.ts';
import { startMailServer } from '#infra/local/mail-server.ts';
import { startLocalS3 } from '#infra/local/s3-local.ts';
import { ensureLocalKeys } from '#shared/identity/local-keys.ts';
import { freePort } from './ports.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    mailUrl: string;
    keysDir: string;
    /** The local S3 server and its files bucket (S3_ENDPOINT / FILES_BUCKET in every test file). */
    s3Endpoint: string;
    filesBucket: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'atrium-test-'));
  const keysDir = join(dataDir, 'keys');
  const mailPort = await freePort();
  const [dynamo, mail, files] = await Promise.all([
    freePort().then((port) => startDynamoDbLocal({ port })),
    startMailServer(mailPort),
    freePort().then((port) => startLocalS3({ port, directory: join(dataDir, 's3'), origins: ['http://127.0.0.1'] })),
    ensureLocalKeys(keysDir),
  ]);
  project.provide('dynamodbEndpoint', dynamo.endpoint);
  project.provide('mailUrl', `http://127.0.0.1:${mailPort}`);
  project.provide('keysDir', keysDir);
  project.provide('s3Endpoint', files.endpoint);
  project.provide('filesBucket', files.bucket);
  return async () => {
    await dynamo.stop();
    await new Promise((resolve) => mail.close(resolve));
    await files.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
