// Each integration test file gets its own table in the shared DynamoDB Local, so files never see each other's data.

import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { ensureTable } from '#infra/local/dynamodb-local.ts';
import { localEnvironment } from '#infra/local/runtime.ts';

const tableName = `atrium-test-${randomUUID()}`;
const mailPort = Number(new URL(inject('mailUrl')).port);
const s3Port = Number(new URL(inject('s3Endpoint')).port);

Object.assign(
  process.env,
  localEnvironment(
    {
      dataDir: '',
      persist: false,
      ports: { portal: 0, dynamodb: 0, mail: mailPort, s3: s3Port },
      web: false,
      seed: false,
      tableName,
    },
    inject('dynamodbEndpoint'),
  ),
  {
    LOCAL_IDP_KEYS_DIR: inject('keysDir'),
    LICENCE_KEYS_DIR: inject('keysDir'),
    S3_ENDPOINT: inject('s3Endpoint'),
    FILES_BUCKET: inject('filesBucket'),
    LOG_LEVEL: 'SILENT',
  },
);

await ensureTable(inject('dynamodbEndpoint'), tableName);
// The catalogue lives in the table: every file starts with the seed's (shared/catalogue/products.ts), as `npm start` does.
const { seedCatalogue } = await import('#shared/catalogue/seed.ts');
await seedCatalogue();
