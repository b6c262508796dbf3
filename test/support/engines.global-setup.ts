// Integration tests: one DynamoDB Local (in memory) and one local SES v2 server per run, on free ports.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '#infra/local/dynamodb-local.ts';
import { startMailServer } from '#infra/local/mail-server.ts';
import { ensureLocalKeys } from '#shared/identity/local-keys.ts';
import { freePort } from './ports.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    mailUrl: string;
    keysDir: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'atrium-test-'));
  const keysDir = join(dataDir, 'keys');
  const mailPort = await freePort();
  const [dynamo, mail] = await Promise.all([
    freePort().then((port) => startDynamoDbLocal({ port })),
    startMailServer(mailPort),
    ensureLocalKeys(keysDir),
  ]);
  project.provide('dynamodbEndpoint', dynamo.endpoint);
  project.provide('mailUrl', `http://127.0.0.1:${mailPort}`);
  project.provide('keysDir', keysDir);
  return async () => {
    await dynamo.stop();
    await new Promise((resolve) => mail.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
