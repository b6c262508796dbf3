// Writes the code catalogue (shared/catalogue/products.ts) into a deployed stage's table, once: a table that already has
// a catalogue is left alone, so running it again never undoes what staff changed. Credentials and region come from the
// usual AWS environment (profile, SSO, AWS_REGION). docs/operations.md, "The catalogue".
//
//   npm run seed:catalogue -- atrium-prod-table

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { seedCatalogue } from '#shared/catalogue/seed.ts';

const table = process.argv[2];
if (!table) {
  console.error('Usage: npm run seed:catalogue -- <table name>');
  process.exit(2);
}
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const wrote = await seedCatalogue(new Date().toISOString(), { client, table });
console.log(wrote ? `Seeded the catalogue of ${table}.` : `${table} already has a catalogue: nothing written.`);
