// The measurement behind docs/data-model.md "Entity modules: our own, not ElectroDB": one GetItem of a licence through
// the official DocumentClient three ways (item as it is, our entity module, ElectroDB with the same keys), bundled like
// the handlers, then bytes, gzip and import time (wall and CPU) in fresh Node processes, interleaved.
// ElectroDB is not a dependency: `npm install --prefix /tmp/edb electrodb@3.9.3`, then
// `ELECTRODB_NODE_MODULES=/tmp/edb/node_modules node --import tsx test/bench/entity-library.ts`.

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { handlerBuildOptions, PROJECT_ROOT } from '#infra/bundling/handler-bundling.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const electrodb = process.env.ELECTRODB_NODE_MODULES;
if (!electrodb) throw new Error('Set ELECTRODB_NODE_MODULES to a node_modules holding electrodb (see the comment at the top).');
const dir = join(PROJECT_ROOT, '.bench', 'entity-library');
mkdirSync(dir, { recursive: true });

const client = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-central-1', endpoint: 'http://127.0.0.1:1' }));
`;
const fields = `licenceId: z.string(), product: z.string(), serial: z.string(), days: z.optional(z.number()), users: z.number(),
  edition: z.string(), orderId: z.string(), orderReference: z.string(), purchasedAt: z.string(), supportEndsAt: z.optional(z.string()),
  computerId: z.optional(z.string()), activatedAt: z.optional(z.string()), bindingVersion: z.optional(z.number()),
  recentMoves: z.optional(z.array(z.string()))`;
const entries: Record<string, string> = {
  empty: 'export const handler = async () => ({});\n',
  baseline: `${client}export const handler = async (e) =>
  (await client.send(new GetCommand({ TableName: 't', Key: { PK: \`ACCOUNT#\${e.a}\`, SK: \`LICENCE#\${e.l}\` } }))).Item;\n`,
  ours: `${client}import * as z from 'zod/mini';
const schema = z.object({ ${fields} });
export const handler = async (e) => {
  const found = await client.send(new GetCommand({ TableName: 't', Key: { PK: \`ACCOUNT#\${e.a}\`, SK: \`LICENCE#\${e.l}\` } }));
  return found.Item && schema.parse(found.Item);
};\n`,
  electrodb: `${client}import { Entity } from 'electrodb';
const s = { type: 'string', required: true }, n = { type: 'number', required: true };
const licence = new Entity({
  model: { entity: 'Licence', version: '1', service: 'atrium' },
  attributes: { accountId: s, licenceId: s, product: s, serial: s, days: { type: 'number' }, users: n, edition: s, orderId: s,
    orderReference: s, purchasedAt: s, supportEndsAt: { type: 'string' }, computerId: { type: 'string' }, activatedAt: { type: 'string' },
    bindingVersion: { type: 'number' }, recentMoves: { type: 'list', items: { type: 'string' } } },
  indexes: { byAccount: {
    pk: { field: 'PK', composite: ['accountId'], template: 'ACCOUNT#\${accountId}', casing: 'none' },
    sk: { field: 'SK', composite: ['licenceId'], template: 'LICENCE#\${licenceId}', casing: 'none' } } },
}, { client, table: 't' });
export const handler = async (e) => (await licence.get({ accountId: e.a, licenceId: e.l }).go({ ignoreOwnership: true })).data;\n`,
};

const sizes: Record<string, { bytes: number; gzip: number }> = {};
for (const [name, source] of Object.entries(entries)) {
  const entry = join(dir, `${name}.entry.mjs`);
  writeFileSync(entry, source);
  const result = await build({
    ...handlerBuildOptions(entry),
    outfile: join(dir, `${name}.mjs`),
    nodePaths: [join(PROJECT_ROOT, 'node_modules'), electrodb],
    // ElectroDB's own imports of the SDK resolve to the project's copy, as one npm install would dedupe them.
    plugins: [
      {
        name: 'one-sdk',
        setup(builder) {
          builder.onResolve({ filter: /^@aws-sdk\// }, (args) =>
            args.importer.startsWith(electrodb) ? builder.resolve(args.path, { kind: args.kind, resolveDir: PROJECT_ROOT }) : undefined,
          );
        },
      },
    ],
    sourcemap: false,
    write: false,
  });
  const code = result.outputFiles[0]!.contents;
  writeFileSync(join(dir, `${name}.mjs`), code);
  sizes[name] = { bytes: code.length, gzip: gzipSync(code).length };
}

const probe = (file: string) =>
  `const c = process.cpuUsage(), t = performance.now(); await import(${JSON.stringify(file)}); const d = process.cpuUsage(c);` +
  `process.stdout.write(JSON.stringify([performance.now() - t, (d.user + d.system) / 1000]));`;
const samples: Record<string, Array<[number, number]>> = Object.fromEntries(Object.keys(entries).map((name) => [name, []]));
for (let run = 0; run < RUNS; run += 1) {
  for (const name of Object.keys(entries)) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', probe(join(dir, `${name}.mjs`))], {
      encoding: 'utf8',
      env: { ...process.env, AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING: '1' },
    });
    samples[name]!.push(JSON.parse(out));
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(
  `| entry | bytes (KB) | gzip (KB) | import wall (ms, median of ${RUNS}) | import CPU (ms) |\n| --- | ---: | ---: | ---: | ---: |`,
);
for (const name of Object.keys(entries)) {
  const wall = median(samples[name]!.map(([ms]) => ms));
  const cpu = median(samples[name]!.map(([, ms]) => ms));
  console.log(
    `| ${name} | ${(sizes[name]!.bytes / 1000).toFixed(1)} | ${(sizes[name]!.gzip / 1000).toFixed(1)} | ${wall.toFixed(1)} | ${cpu.toFixed(1)} |`,
  );
}
